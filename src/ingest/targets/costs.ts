import { COST_LINES_TABLE } from '../../engine/schema.js';
import { CHANNELS } from '../../model/contact.js';
import { COST_BEHAVIOURS, COST_CATEGORIES } from '../../model/cost-line.js';
import { parseDriver } from '../../model/driver.js';
import type { FieldDef } from '../mapping/fields.js';
import { lit } from '../mapping/sql.js';
import { m, type Target, type TargetContext, v } from './target.js';

/** Canonical cost-ledger columns, plus `period` (2026-03, 2026-Q1, 2026) as a shorthand for start and end. */
export const COST_FIELDS: readonly FieldDef[] = [
  { name: 'id', kind: 'text', required: true },
  { name: 'category', kind: 'enum', values: COST_CATEGORIES, required: true },
  { name: 'amount', kind: 'decimal', required: true },
  { name: 'currency', kind: 'currency' },
  { name: 'period_start', kind: 'date' },
  { name: 'period_end', kind: 'date' },
  { name: 'period', kind: 'text' },
  { name: 'channel', kind: 'enum', values: CHANNELS },
  { name: 'queue', kind: 'text' },
  { name: 'team', kind: 'text' },
  { name: 'driver', kind: 'text' },
  { name: 'behaviour', kind: 'enum', values: COST_BEHAVIOURS, fallback: 'fixed' },
  { name: 'description', kind: 'text' },
];

/** First day and the day after the last of a period written as 2026-03-05, 2026-03, 2026-Q1 or 2026. */
function periodBounds(): { start: string; end: string } {
  const p = v('period');
  const month = `try_strptime(${p}, '%Y-%m')`;
  const quarter = `make_date(TRY_CAST(left(${p}, 4) AS INTEGER), (TRY_CAST(right(${p}, 1) AS INTEGER) - 1) * 3 + 1, 1)`;
  const year = `make_date(TRY_CAST(${p} AS INTEGER), 1, 1)`;
  const start = `(CASE WHEN regexp_full_match(${p}, '\\d{4}-\\d{2}-\\d{2}') THEN TRY_CAST(${p} AS DATE)
    WHEN regexp_full_match(${p}, '\\d{4}-\\d{2}') THEN CAST(${month} AS DATE)
    WHEN regexp_full_match(upper(${p}), '\\d{4}-Q[1-4]') THEN ${quarter}
    WHEN regexp_full_match(${p}, '\\d{4}') THEN ${year} END)`;
  const end = `(CASE WHEN regexp_full_match(${p}, '\\d{4}-\\d{2}-\\d{2}') THEN ${start} + 1
    WHEN regexp_full_match(${p}, '\\d{4}-\\d{2}') THEN CAST(${start} + INTERVAL 1 MONTH AS DATE)
    WHEN regexp_full_match(upper(${p}), '\\d{4}-Q[1-4]') THEN CAST(${start} + INTERVAL 3 MONTH AS DATE)
    WHEN regexp_full_match(${p}, '\\d{4}') THEN CAST(${start} + INTERVAL 1 YEAR AS DATE) END)`;
  return { start, end };
}

function columns(ctx: TargetContext): Record<string, string> {
  const period = periodBounds();
  return {
    id: v('id'),
    category: v('category'),
    amount: v('amount'),
    currency: `coalesce(${v('currency')}, ${lit(ctx.currency)})`,
    period_start: `coalesce(${v('period_start')}, ${period.start})`,
    period_end: `coalesce(${v('period_end')}, ${period.end})`,
    channel: v('channel'),
    queue: v('queue'),
    team: v('team'),
    driver: v('driver'),
    behaviour: v('behaviour'),
    description: v('description'),
  };
}

const at = (label: string) => ({ label, raw: `CAST(${m(label)} AS VARCHAR)` });

export const costsTarget: Target = {
  kind: 'costs',
  table: COST_LINES_TABLE,
  sourced: false,
  fields: COST_FIELDS,
  columns,
  checks: () => [
    {
      test: `${m('period_start')} IS NULL`,
      ...at('period_start'),
      reason: 'is missing (give period_start and period_end, or period such as 2026-03)',
    },
    {
      test: `${m('period_end')} IS NULL AND ${m('period_start')} IS NOT NULL`,
      ...at('period_end'),
      reason: 'is missing (the end is exclusive: a March cost ends on 04-01)',
    },
    {
      test: `coalesce(${m('period_end')} <= ${m('period_start')}, FALSE)`,
      ...at('period_end'),
      reason: 'is not after period_start (the end is exclusive)',
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
