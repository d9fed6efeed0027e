import type { Period } from '../calendar/period.js';
import { wallClock } from '../calendar/time-zone.js';
import type { Engine } from '../engine/engine.js';
import { aggregateRows } from '../engine/run-query.js';
import type { Dimension } from '../model/contact.js';
import type { FineRow } from './allocation.js';
import {
  CHANNEL_HANDLE,
  type ContactMeasures,
  channelConcurrency,
  contactMeasuresQuery,
  emptyMeasures,
  FIRST_ARRIVED,
  groupingSets,
  type HandleQuantiles,
  LAST_ARRIVED,
  MEASURE_NAMES,
  OWN_OCCUPIED,
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
    measures.occupiedSeconds = occupied(d, values.channel, r[OWN_OCCUPIED], r[CHANNEL_HANDLE]);
    const days = localDays(r[FIRST_ARRIVED], r[LAST_ARRIVED], d.timezone);
    fine.set(period.start, [
      ...(fine.get(period.start) ?? []),
      { values, measures, ...(days ? { days } : {}) },
    ]);
  }
  return { fine, quantiles };
}

/** Agent-occupied seconds: the part divided by each contact's own concurrency plus the rest ÷ the channel's. */
export function occupied(
  d: Definitions,
  channel: string | null | undefined,
  own: unknown,
  byChannel: unknown,
): ContactMeasures['occupiedSeconds'] {
  return Number(own ?? 0) + Number(byChannel ?? 0) / channelConcurrency(d, channel);
}

/** The local days of a group's first and last instants (`last` inclusive). */
export function localDays(first: unknown, last: unknown, timezone: string): FineRow['days'] {
  if (!(first instanceof Date) || !(last instanceof Date)) return undefined;
  return { first: wallClock(first, timezone).date, last: wallClock(last, timezone).date };
}

function numberOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}
