import { periodsBetween } from '../calendar/period.js';
import type { Engine } from '../engine/engine.js';
import {
  type AggregateQuery,
  and,
  column,
  eq,
  inList,
  isNull,
  literal,
  localTimePart,
  not,
} from '../engine/query.js';
import { aggregateRows } from '../engine/run-query.js';
import {
  type ContactMeasures,
  contactMeasuresQuery,
  emptyMeasures,
  MEASURE_NAMES,
} from './contact-measures.js';
import type { Definitions } from './definitions.js';
import { periodAt } from './period-key.js';
import { type ReportRange, rangeInstants } from './range.js';

/** Which contacts to measure by local weekday and time of day. */
export interface IntervalMeasuresRequest {
  /** Local dates, `to` exclusive. */
  range: ReportRange;
  /** Slot length in seconds (900, 1800 or 3600): minutes of the day are bucketed into slots of it. */
  slotSeconds: number;
  /** Only these channels; all when absent. */
  channels?: readonly string[];
}

/** The report's additive measures of one month × channel × queue × local weekday × slot. */
export interface IntervalMeasuresRow {
  /** First day of the local calendar month. */
  month: string;
  channel: string;
  queue: string | null;
  /** ISO weekday, Monday 1 … Sunday 7. */
  weekday: number;
  /** Local start minute of the slot within the day. */
  minute: number;
  measures: ContactMeasures;
  /**
   * Σ wait of abandoned contacts (counted directions, wait known): with the answered callers' waits
   * the numerator of the patience estimate (total waiting time ÷ abandons).
   */
  waitAbandonedSeconds: number;
  /** Σ talk, hold and wrap seconds of the handled contacts (null parts count 0): what handle time is made of. */
  talkSeconds: number;
  holdSeconds: number;
  wrapSeconds: number;
  /** Σ IVR seconds of the contacts that recorded them (any outcome), and how many did. */
  ivrSeconds: number;
  ivrContacts: number;
}

const PARTS = ['talkSeconds', 'holdSeconds', 'wrapSeconds'] as const;
const PART_COLUMNS = {
  talkSeconds: 'talk_seconds',
  holdSeconds: 'hold_seconds',
  wrapSeconds: 'wrap_seconds',
};
const IVR = ['ivrSeconds', 'ivrContacts'] as const;

/**
 * The report's contact measures (the same definitions, one scan) grouped by local calendar month,
 * channel, queue, ISO weekday and minute of the day, then summed into slots: what interval planning
 * reads as a baseline, so that its offered, handled and abandoned are the report's.
 */
export async function intervalMeasures(
  engine: Engine,
  d: Definitions,
  request: IntervalMeasuresRequest,
): Promise<IntervalMeasuresRow[]> {
  const months = periodsBetween(request.range.from, request.range.to, 'month');
  const base = contactMeasuresQuery(
    d,
    months,
    [],
    ['channel', 'queue'],
    rangeInstants(request.range, d.timezone),
    'headline',
  );
  const handled = and(
    inList(column('direction'), d.countedDirections),
    eq(column('outcome'), literal('handled')),
  );
  const abandoned = and(
    inList(column('direction'), d.countedDirections),
    eq(column('outcome'), literal('abandoned')),
    not(isNull(column('wait_seconds'))),
  );
  const query: AggregateQuery = {
    ...base,
    where: request.channels
      ? and(base.where ?? literal(true), inList(column('channel'), request.channels))
      : base.where,
    groupBy: [
      ...base.groupBy,
      { name: 'weekday', expr: localTimePart('isoWeekday', 'arrived_at', d.timezone) },
      { name: 'minute', expr: localTimePart('minuteOfDay', 'arrived_at', d.timezone) },
    ],
    aggregates: [
      ...base.aggregates,
      { name: 'waitAbandonedSeconds', fn: 'sum', expr: column('wait_seconds'), filter: abandoned },
      ...PARTS.map((name) => ({
        name,
        fn: 'sum' as const,
        expr: column(PART_COLUMNS[name]),
        filter: handled,
      })),
      { name: 'ivrSeconds', fn: 'sum', expr: column('ivr_seconds') },
      { name: 'ivrContacts', fn: 'count', filter: not(isNull(column('ivr_seconds'))) },
    ],
  };
  const slotMinutes = request.slotSeconds / 60;
  const rows = new Map<string, IntervalMeasuresRow>();
  for (const r of await aggregateRows(engine, query)) {
    const month = periodAt(months, r.period)?.start;
    if (!month) continue;
    const channel = String(r.channel);
    const queue = r.queue === null ? null : String(r.queue);
    const weekday = Number(r.weekday);
    const minute = Math.floor(Number(r.minute) / slotMinutes) * slotMinutes;
    const key = JSON.stringify([month, channel, queue, weekday, minute]);
    let row = rows.get(key);
    if (!row) {
      row = {
        month,
        channel,
        queue,
        weekday,
        minute,
        measures: emptyMeasures(),
        waitAbandonedSeconds: 0,
        talkSeconds: 0,
        holdSeconds: 0,
        wrapSeconds: 0,
        ivrSeconds: 0,
        ivrContacts: 0,
      };
      rows.set(key, row);
    }
    for (const name of MEASURE_NAMES) row.measures[name] += Number(r[name] ?? 0);
    row.waitAbandonedSeconds += Number(r.waitAbandonedSeconds ?? 0);
    for (const part of [...PARTS, ...IVR]) row[part] += Number(r[part] ?? 0);
  }
  return [...rows.values()];
}
