import type { Period } from '../calendar/period.js';
import type { Engine } from '../engine/engine.js';
import { aggregateRows } from '../engine/run-query.js';
import type { Dimension } from '../model/contact.js';
import type { FineRow } from './allocation.js';
import {
  contactMeasuresQuery,
  emptyMeasures,
  groupingSets,
  type HandleQuantiles,
  MEASURE_NAMES,
  type ReportDetail,
} from './contact-measures.js';
import type { Definitions } from './definitions.js';
import { periodAt } from './period-key.js';
import { type DimensionValues, segmentKey } from './segments.js';

export interface MeasuresResult {
  /** Additive measures per period start and combination of the fine dimensions. */
  fine: Map<string, FineRow[]>;
  /** Handle-time quantiles by quantileKey. */
  quantiles: Map<string, HandleQuantiles>;
}

export const NO_QUANTILES: HandleQuantiles = { ahtMedianSeconds: null, ahtP90Seconds: null };

/** The key of a row's quantiles: a segment of a period, a period's total, or the grand total. */
export function quantileKey(
  by: readonly Dimension[],
  period: Period | undefined,
  segment: DimensionValues | 'period total',
): string {
  if (!period) return 'total';
  return segment === 'period total' ? `${period.start}|*` : `${period.start}|${segmentKey(by, segment)}`;
}

/** Runs the contact measures query and sorts its rows into fine rows and quantiles. */
export async function queryMeasures(
  engine: Engine,
  d: Definitions,
  periods: readonly Period[],
  by: readonly Dimension[],
  fineDims: readonly Dimension[],
  range: { from: Date; to: Date },
  detail: ReportDetail,
): Promise<MeasuresResult> {
  const query = contactMeasuresQuery(d, periods, by, fineDims, range, detail);
  // Without grouping sets every row is a fine row.
  const roles = query.groupingSets
    ? groupingSets(by, fineDims).roles
    : { fine: 0, breakdown: -1, period: -1, total: -1 };
  const fine = new Map<string, FineRow[]>();
  const quantiles = new Map<string, HandleQuantiles>();
  for (const r of await aggregateRows(engine, query)) {
    const set = Number(r.grouping_set ?? 0);
    const values: DimensionValues = {};
    for (const dim of fineDims) values[dim] = (r[dim] as string | null) ?? null;
    const period = periodAt(periods, r.period);
    const q = {
      ahtMedianSeconds: numberOrNull(r.ahtMedianSeconds),
      ahtP90Seconds: numberOrNull(r.ahtP90Seconds),
    };
    if (set === roles.total) quantiles.set(quantileKey(by, undefined, {}), q);
    if (set === roles.period) quantiles.set(quantileKey(by, period, 'period total'), q);
    if (set === roles.breakdown) quantiles.set(quantileKey(by, period, values), q);
    if (set !== roles.fine || !period) continue;
    const measures = emptyMeasures();
    for (const name of MEASURE_NAMES) measures[name] = Number(r[name] ?? 0);
    fine.set(period.start, [...(fine.get(period.start) ?? []), { values, measures }]);
  }
  return { fine, quantiles };
}

function numberOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}
