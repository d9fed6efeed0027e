import { addDays, isoWeekday } from '../calendar/dates.js';
import { localToInstant } from '../calendar/time-zone.js';
import type { Engine } from '../engine/engine.js';
import {
  type AggregateQuery,
  and,
  cmp,
  column,
  type Expr,
  eq,
  inList,
  instant,
  isNull,
  literal,
  localTimePart,
  not,
} from '../engine/query.js';
import { aggregateRows } from '../engine/run-query.js';

/** What to learn from: local dates (`to` exclusive) in the workspace's time zone. */
export interface HistoryRequest {
  from: string;
  to: string;
  timezone: string;
  /** Slot length: 900, 1800 or 3600 seconds. */
  intervalSeconds: number;
  /** Only these channels; all when absent. */
  channels?: readonly string[];
}

export interface Slot {
  /** ISO weekday, Monday 1 … Sunday 7. */
  weekday: number;
  /** Local start minute of the slot within the day. */
  minute: number;
  /** Mean calls offered in this slot on one such weekday. */
  calls: number;
}

/** One channel/queue's history: its weekly arrival pattern, AHT and patience. */
export interface SegmentPattern {
  channel: string;
  queue: string | null;
  offered: number;
  handled: number;
  abandoned: number;
  /** Σ handle ÷ handled contacts with a handle time; null when none has one. */
  ahtSeconds: number | null;
  /** Σ wait of all queued callers ÷ abandons (the standard estimator); absent without abandons. */
  patienceSeconds?: number;
  slots: Slot[];
}

export interface WeeklyPattern {
  /** How many of each weekday the range holds, index 1 (Monday) … 7. */
  weekdayCounts: number[];
  segments: SegmentPattern[];
}

/** Contacts offered to a queue: inbound, and answered, abandoned or turned into a callback. */
const OFFERED = ['handled', 'abandoned', 'callback'];

function historyQuery(request: HistoryRequest): AggregateQuery {
  const outcome = column('outcome');
  const waitKnown = not(isNull(column('wait_seconds')));
  const handled = and(eq(outcome, literal('handled')), not(isNull(column('handle_seconds'))));
  const conditions: Expr[] = [
    eq(column('direction'), literal('inbound')),
    inList(outcome, OFFERED),
    cmp('>=', column('arrived_at'), instant(localToInstant(request.from, request.timezone))),
    cmp('<', column('arrived_at'), instant(localToInstant(request.to, request.timezone))),
  ];
  if (request.channels) conditions.push(inList(column('channel'), request.channels));
  return {
    from: 'contacts',
    where: and(...conditions),
    groupBy: [
      { name: 'channel', expr: column('channel') },
      { name: 'queue', expr: column('queue') },
      { name: 'weekday', expr: localTimePart('isoWeekday', 'arrived_at', request.timezone) },
      { name: 'minute', expr: localTimePart('minuteOfDay', 'arrived_at', request.timezone) },
    ],
    aggregates: [
      { name: 'offered', fn: 'count' },
      { name: 'handled', fn: 'count', filter: handled },
      { name: 'handle_seconds', fn: 'sum', expr: column('handle_seconds'), filter: handled },
      { name: 'abandoned', fn: 'count', filter: and(eq(outcome, literal('abandoned')), waitKnown) },
      {
        name: 'wait_seconds',
        fn: 'sum',
        expr: column('wait_seconds'),
        filter: and(inList(outcome, ['handled', 'abandoned']), waitKnown),
      },
    ],
  };
}

interface Tally {
  channel: string;
  queue: string | null;
  offered: number;
  handled: number;
  handleSeconds: number;
  abandoned: number;
  waitSeconds: number;
  /** Offered calls by weekday × 1440 + slot start minute. */
  arrivals: Map<number, number>;
}

/** Reads the arrival pattern per weekday × slot, AHT and patience per channel/queue from the contacts. */
export async function readWeeklyPattern(engine: Engine, request: HistoryRequest): Promise<WeeklyPattern> {
  const slotMinutes = request.intervalSeconds / 60;
  const tallies = new Map<string, Tally>();
  for (const row of await aggregateRows(engine, historyQuery(request))) {
    const channel = String(row.channel);
    const queue = row.queue === null ? null : String(row.queue);
    const key = JSON.stringify([channel, queue]);
    const tally = tallies.get(key) ?? {
      channel,
      queue,
      offered: 0,
      handled: 0,
      handleSeconds: 0,
      abandoned: 0,
      waitSeconds: 0,
      arrivals: new Map<number, number>(),
    };
    tally.offered += Number(row.offered);
    tally.handled += Number(row.handled);
    tally.handleSeconds += Number(row.handle_seconds);
    tally.abandoned += Number(row.abandoned);
    tally.waitSeconds += Number(row.wait_seconds);
    const slot = Number(row.weekday) * 1440 + Math.floor(Number(row.minute) / slotMinutes) * slotMinutes;
    tally.arrivals.set(slot, (tally.arrivals.get(slot) ?? 0) + Number(row.offered));
    tallies.set(key, tally);
  }
  const weekdayCounts = countWeekdays(request.from, request.to);
  const segments = [...tallies.values()]
    .sort((a, b) => a.channel.localeCompare(b.channel) || (a.queue ?? '').localeCompare(b.queue ?? ''))
    .map((t) => segmentPattern(t, weekdayCounts));
  return { weekdayCounts, segments };
}

function segmentPattern(t: Tally, weekdayCounts: readonly number[]): SegmentPattern {
  const slots = [...t.arrivals.entries()]
    .sort(([a], [b]) => a - b)
    .map(([key, offered]) => {
      const weekday = Math.floor(key / 1440);
      return { weekday, minute: key % 1440, calls: offered / (weekdayCounts[weekday] as number) };
    });
  return {
    channel: t.channel,
    queue: t.queue,
    offered: t.offered,
    handled: t.handled,
    abandoned: t.abandoned,
    ahtSeconds: t.handled > 0 ? t.handleSeconds / t.handled : null,
    ...(t.abandoned > 0 && t.waitSeconds > 0 ? { patienceSeconds: t.waitSeconds / t.abandoned } : {}),
    slots,
  };
}

/** Number of Mondays … Sundays in [from, to), at index 1 … 7. */
export function countWeekdays(from: string, to: string): number[] {
  const counts = [0, 0, 0, 0, 0, 0, 0, 0];
  for (let date = from; date < to; date = addDays(date, 1))
    counts[isoWeekday(date)] = (counts[isoWeekday(date)] ?? 0) + 1;
  return counts;
}
