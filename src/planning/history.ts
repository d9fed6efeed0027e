import { addDays, isoWeekday } from '../calendar/dates.js';
import type { Engine } from '../engine/engine.js';
import type { Definitions } from '../metrics/definitions.js';
import { type IntervalMeasuresRow, intervalMeasures } from '../metrics/interval-measures.js';

/** What to learn from: local dates (`to` exclusive) in the workspace's time zone. */
export interface HistoryRequest {
  from: string;
  to: string;
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
  /** Mean contacts offered in this slot on one such weekday. */
  calls: number;
}

/**
 * One channel/queue's history: its weekly arrival pattern, AHT and patience. Offered, handled and
 * abandoned are the report's measures (src/metrics/contact-measures.ts).
 */
export interface SegmentPattern {
  channel: string;
  queue: string | null;
  offered: number;
  handled: number;
  abandoned: number;
  /** Σ handle ÷ handled contacts (the report's AHT); null where no handle time is known. */
  ahtSeconds: number | null;
  /** Contacts an agent handles at once on this channel (the workspace's `concurrency`, default 1). */
  concurrency: number;
  /** Σ wait of answered and abandoned callers ÷ abandons (the standard estimator); absent without abandons. */
  patienceSeconds?: number;
  slots: Slot[];
}

export interface WeeklyPattern {
  /** How many of each weekday the range holds, index 1 (Monday) … 7. */
  weekdayCounts: number[];
  segments: SegmentPattern[];
}

interface Tally {
  channel: string;
  queue: string | null;
  offered: number;
  handled: number;
  handleSeconds: number;
  abandoned: number;
  waitSeconds: number;
  /** Offered contacts by weekday × 1440 + slot start minute. */
  arrivals: Map<number, number>;
}

/** The arrival pattern per weekday × slot, AHT and patience per channel/queue, from the report's measures. */
export async function readWeeklyPattern(
  engine: Engine,
  d: Definitions,
  request: HistoryRequest,
): Promise<WeeklyPattern> {
  const rows = await intervalMeasures(engine, d, {
    range: { from: request.from, to: request.to },
    slotSeconds: request.intervalSeconds,
    ...(request.channels ? { channels: request.channels } : {}),
  });
  return weeklyPattern(rows, request, d);
}

/** Sums interval measures into one typical week per channel/queue. */
export function weeklyPattern(
  rows: readonly IntervalMeasuresRow[],
  range: { from: string; to: string },
  d: Pick<Definitions, 'concurrencyByChannel'>,
): WeeklyPattern {
  const tallies = new Map<string, Tally>();
  for (const row of rows) {
    const m = row.measures;
    if (m.offered === 0) continue;
    const key = JSON.stringify([row.channel, row.queue]);
    const tally = tallies.get(key) ?? {
      channel: row.channel,
      queue: row.queue,
      offered: 0,
      handled: 0,
      handleSeconds: 0,
      abandoned: 0,
      waitSeconds: 0,
      arrivals: new Map<number, number>(),
    };
    tally.offered += m.offered;
    tally.handled += m.handled;
    tally.handleSeconds += m.handleSeconds;
    tally.abandoned += m.abandoned;
    tally.waitSeconds += m.waitAnsweredSeconds + row.waitAbandonedSeconds;
    const slot = row.weekday * 1440 + row.minute;
    tally.arrivals.set(slot, (tally.arrivals.get(slot) ?? 0) + m.offered);
    tallies.set(key, tally);
  }
  const weekdayCounts = countWeekdays(range.from, range.to);
  const segments = [...tallies.values()]
    .sort((a, b) => a.channel.localeCompare(b.channel) || (a.queue ?? '').localeCompare(b.queue ?? ''))
    .map((t) => segmentPattern(t, weekdayCounts, d.concurrencyByChannel[t.channel] ?? 1));
  return { weekdayCounts, segments };
}

function segmentPattern(t: Tally, weekdayCounts: readonly number[], concurrency: number): SegmentPattern {
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
    ahtSeconds: t.handled > 0 && t.handleSeconds > 0 ? t.handleSeconds / t.handled : null,
    concurrency,
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
