import { COST_LINES_TABLE } from '../../engine/schema.js';
import { CHANNELS } from '../../model/contact.js';
import { COST_BEHAVIOURS, COST_CATEGORIES } from '../../model/cost-line.js';
import { parseDriver } from '../../model/driver.js';
import type { FieldDef } from '../mapping/fields.js';
import { lit } from '../mapping/sql.js';
import { periodBounds } from './period-label.js';
import { checkedAt, m, type Target, type TargetContext, text, v } from './target.js';

/**
 * Canonical cost-ledger columns. The accrual period is period_start with period_end (exclusive: a
 * March cost ends on 04-01) or period_end_inclusive (the last day, as finance writes "bis 31.03."),
 * or `period` as a label (2026-03, 03.2026, 2026-Q1, Q1/2026, 2026-W10, 2026, a day).
 */
export const COST_FIELDS: readonly FieldDef[] = [
  { name: 'id', kind: 'text', required: true },
  { name: 'category', kind: 'enum', values: COST_CATEGORIES, required: true },
  { name: 'amount', kind: 'decimal', required: true },
  { name: 'currency', kind: 'currency' },
  { name: 'period_start', kind: 'date' },
  { name: 'period_end', kind: 'date' },
  { name: 'period_end_inclusive', kind: 'date' },
  { name: 'period', kind: 'text' },
  { name: 'channel', kind: 'enum', values: CHANNELS },
  { name: 'queue', kind: 'text' },
  { name: 'team', kind: 'text' },
  { name: 'driver', kind: 'text' },
  { name: 'behaviour', kind: 'enum', values: COST_BEHAVIOURS, fallback: 'fixed' },
  { name: 'description', kind: 'text' },
];

function columns(ctx: TargetContext): Record<string, string> {
  const period = periodBounds(v('period'));
  return {
    id: v('id'),
    category: v('category'),
    amount: v('amount'),
    currency: `coalesce(${v('currency')}, ${lit(ctx.currency)})`,
    period_start: `coalesce(${v('period_start')}, ${period.start})`,
    period_end: `coalesce(${v('period_end')}, ${v('period_end_inclusive')} + 1, ${period.end})`,
    channel: v('channel'),
    queue: v('queue'),
    team: v('team'),
    driver: v('driver'),
    behaviour: v('behaviour'),
    description: v('description'),
  };
}

export const costsTarget: Target = {
  kind: 'costs',
  table: COST_LINES_TABLE,
  sourced: false,
  fields: COST_FIELDS,
  columns,
  checks: () => [
    {
      test: `${v('period')} IS NOT NULL AND ${periodBounds(v('period')).start} IS NULL`,
      label: 'period',
      raw: '__m."t_period"',
      reason: 'is not a period (2026-03, 03.2026, 2026-Q1, Q1/2026, 2026-W10, KW 10/2026, 2026 or a day)',
    },
    {
      // Missing means no text at all: a text that is no date is reported as such, once.
      test: `${text('period_start')} IS NULL AND ${text('period')} IS NULL`,
      ...checkedAt('period_start'),
      reason: 'is missing (give period_start and period_end, or period such as 2026-03)',
    },
    {
      test: `${m('period_end')} IS NULL AND ${m('period_start')} IS NOT NULL AND ${text('period_end')} IS NULL AND ${text('period_end_inclusive')} IS NULL`,
      ...checkedAt('period_end'),
      reason:
        'is missing (give period_end, exclusive: a March cost ends on 04-01, or period_end_inclusive: 03-31)',
    },
    {
      test: `coalesce(${v('period_end')} <= ${m('period_start')}, FALSE)`,
      ...checkedAt('period_end'),
      reason: 'is not after period_start (the end is exclusive)',
    },
    {
      test: `coalesce(${v('period_end')} IS NULL AND ${v('period_end_inclusive')} < ${m('period_start')}, FALSE)`,
      label: 'period_end_inclusive',
      raw: '__m."t_period_end_inclusive"',
      reason: 'is before period_start',
    },
  ],
  distinctCheck: {
    column: 'driver',
    check: (value) => {
      try {
        parseDriver(value);
        return undefined;
      } catch (error) {
        return (error as Error).message;
      }
    },
  },
};
