import type { Period } from '../calendar/period.js';
import type { Engine } from '../engine/engine.js';
import { and, cmp, coalesce, column, literal } from '../engine/query.js';
import { aggregateRows } from '../engine/run-query.js';
import { AGENT_TIME_TABLE } from '../engine/schema.js';
import type { Dimension } from '../model/contact.js';
import type { FineRow } from './allocation.js';
import { emptyMeasures } from './contact-measures.js';
import { periodAt, periodKey } from './period-key.js';
import type { DimensionValues } from './segments.js';

/** The dimensions agent time is recorded by; a breakdown by any other leaves it out. */
const AGENT_TIME_DIMENSIONS: readonly Dimension[] = ['channel', 'queue', 'team', 'agent'];

/**
 * Staffed and paid seconds per period and combination of the fine dimensions, as rows that add to
 * the contact measures (their contact counts are zero). Empty where the breakdown uses a dimension
 * agent time does not record, so occupancy and the `fte` driver stay unknown rather than wrong.
 */
export async function agentTimeRows(
  engine: Engine,
  periods: readonly Period[],
  dims: readonly Dimension[],
): Promise<Map<string, FineRow[]>> {
  const rowsByPeriod = new Map<string, FineRow[]>();
  const range = { from: periods[0]?.start, to: periods.at(-1)?.end };
  if (!range.from || !range.to || dims.some((d) => !AGENT_TIME_DIMENSIONS.includes(d))) return rowsByPeriod;
  const day = column('day');
  const rows = await aggregateRows(engine, {
    from: AGENT_TIME_TABLE.name,
    where: and(cmp('>=', day, literal(range.from)), cmp('<', day, literal(range.to))),
    groupBy: [
      { name: 'period', expr: periodKey('day', periods, null) },
      ...dims.map((name) => ({ name, expr: column(name) })),
    ],
    aggregates: [
      { name: 'staffedSeconds', fn: 'sum', expr: column('staffed_seconds') },
      { name: 'paidSeconds', fn: 'sum', expr: coalesce(column('paid_seconds'), column('staffed_seconds')) },
    ],
  });
  for (const r of rows) {
    const values: DimensionValues = {};
    for (const d of dims) values[d] = (r[d] as string | null) ?? null;
    const measures = emptyMeasures();
    measures.staffedSeconds = Number(r.staffedSeconds);
    measures.paidSeconds = Number(r.paidSeconds);
    const period = periodAt(periods, r.period)?.start;
    if (!period) continue;
    rowsByPeriod.set(period, [...(rowsByPeriod.get(period) ?? []), { values, measures }]);
  }
  return rowsByPeriod;
}
