import { RATE_CARDS_TABLE } from '../../engine/schema.js';
import type { FieldDef } from '../mapping/fields.js';
import { lit } from '../mapping/sql.js';
import { checkedAt, m, type Target, type TargetContext, text, v } from './target.js';

/**
 * Canonical rate-card columns: who (an agent, or a team for its agents without a card of their own),
 * the loaded hourly cost — given directly, or as a monthly salary × (1 + loading factor) ÷ paid hours
 * a month — and the local dates it is valid on (valid_to exclusive, empty: open-ended).
 */
export const RATE_CARD_FIELDS: readonly FieldDef[] = [
  { name: 'id', kind: 'text' },
  { name: 'agent', kind: 'text' },
  { name: 'team', kind: 'text' },
  { name: 'hourly_cost', kind: 'decimal' },
  { name: 'salary', kind: 'decimal' },
  { name: 'loading_factor', kind: 'decimal' },
  { name: 'paid_hours', kind: 'decimal' },
  { name: 'currency', kind: 'currency' },
  { name: 'valid_from', kind: 'date', required: true },
  { name: 'valid_to', kind: 'date' },
];

const exact = (field: string) => `CAST(${v(field)} AS DECIMAL(38, 10))`;

/** Loaded hourly cost as exact decimal text: the given one, else salary × (1 + loading) ÷ paid hours to 1/10,000. */
function hourlyCost(): string {
  const fromSalary = `${exact('salary')} * (1 + coalesce(${exact('loading_factor')}, 0)) / NULLIF(${exact('paid_hours')}, 0)`;
  const rounded = `CAST(ROUND(${fromSalary}, 4) AS VARCHAR)`;
  return `coalesce(${v('hourly_cost')}, regexp_replace(regexp_replace(${rounded}, '(\\.\\d*?)0+$', '\\1'), '\\.$', ''))`;
}

function columns(ctx: TargetContext): Record<string, string> {
  return {
    id: `coalesce(${v('id')}, concat_ws('|', coalesce(${v('agent')}, ''), coalesce(${v('team')}, ''), CAST(${v('valid_from')} AS VARCHAR)))`,
    agent: v('agent'),
    team: v('team'),
    hourly_cost: hourlyCost(),
    currency: `coalesce(${v('currency')}, ${lit(ctx.currency)})`,
    valid_from: v('valid_from'),
    valid_to: v('valid_to'),
  };
}

export const rateCardsTarget: Target = {
  kind: 'agents',
  table: RATE_CARDS_TABLE,
  sourced: false,
  fields: RATE_CARD_FIELDS,
  columns,
  checks: () => [
    {
      test: `${m('agent')} IS NULL AND ${m('team')} IS NULL`,
      ...checkedAt('agent'),
      reason: 'and team are both empty: a card is for an agent or a team',
    },
    {
      // A text that is no amount is reported as such, once.
      test: `${m('hourly_cost')} IS NULL AND ${text('hourly_cost')} IS NULL`,
      ...checkedAt('hourly_cost'),
      reason: 'is missing (give hourly_cost, or salary with paid_hours and optionally loading_factor)',
    },
    {
      test: `coalesce(starts_with(${m('hourly_cost')}, '-') OR NOT regexp_matches(${m('hourly_cost')}, '[1-9]'), FALSE)`,
      ...checkedAt('hourly_cost'),
      reason: 'is not above 0',
    },
    {
      test: `coalesce(${m('valid_to')} <= ${m('valid_from')}, FALSE)`,
      ...checkedAt('valid_to'),
      reason: 'is not after valid_from (the end is exclusive)',
    },
  ],
};
