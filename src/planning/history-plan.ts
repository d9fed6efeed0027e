import { addDays, isoWeekday } from '../calendar/dates.js';
import type { Decimal } from '../money/decimal.js';
import type { SegmentPattern, WeeklyPattern } from './history.js';
import {
  type DatedInterval,
  type PlannedInterval,
  type PlanSettings,
  type PlanTotals,
  planIntervals,
  summarise,
} from './plan.js';

const WEEKDAY_NAMES = ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/**
 * A channel/queue as planned: its history, plus the service-level threshold it was staffed for and
 * the loaded hourly cost its paid hours are priced at (its rate cards), where known.
 */
export type PlannedSegment = SegmentPattern & { answerWithinSeconds: number; hourlyCost?: Decimal };

export interface HistoryPlanOptions {
  /** The history's local dates, `to` exclusive; the plan covers the same dates. */
  range: { from: string; to: string };
  intervalSeconds: number;
  settings: PlanSettings;
  /** Replaces every segment's estimated patience. */
  patienceSeconds?: number;
  /** The service-level threshold of a channel (email is answered on another clock than voice). */
  answerWithinFor?: (channel: string) => number;
  /** The loaded hourly cost of a channel/queue's paid hours (from rate cards); absent: unpriced. */
  hourlyCostFor?: (segment: SegmentPattern) => Decimal | undefined;
}

export interface HistoryPlan {
  /** One per channel/queue × weekday × slot with calls: the typical week. */
  intervals: PlannedInterval[];
  /** Each date of the range staffed with its weekday's pattern. */
  days: PlanTotals[];
  months: PlanTotals[];
  total: PlanTotals;
  /** The segments with their AHT, patience and threshold as used. */
  segments: PlannedSegment[];
  /** Segments without any handle time: nothing to staff them with. */
  skipped: string[];
}

export function segmentLabel(s: { channel: string; queue: string | null }): string {
  return `${s.channel} / ${s.queue ?? '(no queue)'}`;
}

function clock(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

/**
 * Staffs the typical week once per channel/queue (queues are not pooled), then lays it over every
 * date of the range by its weekday for the daily and monthly totals. A date's slots are its
 * weekday's slots; the hour a DST change adds or removes is not modelled.
 */
export function planFromHistory(pattern: WeeklyPattern, options: HistoryPlanOptions): HistoryPlan {
  const { settings } = options;
  const segments: PlannedSegment[] = pattern.segments.map((s) => {
    const hourlyCost = options.hourlyCostFor?.(s);
    return {
      ...s,
      patienceSeconds: options.patienceSeconds ?? s.patienceSeconds,
      answerWithinSeconds: options.answerWithinFor?.(s.channel) ?? settings.targets.answerWithinSeconds,
      ...(hourlyCost ? { hourlyCost } : {}),
    };
  });
  const byWeekday = new Map<number, PlannedInterval[]>();
  const intervals = segments.filter(hasAht).flatMap((segment) => {
    const demands = segment.slots.map((slot) => ({
      start: `${WEEKDAY_NAMES[slot.weekday]} ${clock(slot.minute)}`,
      segment: segmentLabel(segment),
      calls: slot.calls,
      intervalSeconds: options.intervalSeconds,
      ahtSeconds: segment.ahtSeconds,
      patienceSeconds: segment.patienceSeconds,
      concurrency: segment.concurrency,
      answerWithinSeconds: segment.answerWithinSeconds,
      ...(segment.hourlyCost ? { hourlyCost: segment.hourlyCost } : {}),
    }));
    const targets = { ...settings.targets, answerWithinSeconds: segment.answerWithinSeconds };
    const planned = planIntervals(demands, { ...settings, targets });
    planned.forEach((interval, i) => {
      const weekday = segment.slots[i]?.weekday as number;
      const list = byWeekday.get(weekday) ?? [];
      list.push(interval);
      byWeekday.set(weekday, list);
    });
    return planned;
  });
  function* dated(): Generator<DatedInterval> {
    for (let date = options.range.from; date < options.range.to; date = addDays(date, 1)) {
      for (const interval of byWeekday.get(isoWeekday(date)) ?? []) yield { date, interval };
    }
  }
  const skipped = segments.filter((s) => !hasAht(s)).map(segmentLabel);
  return { intervals, ...summarise(dated(), settings), segments, skipped };
}

function hasAht<T extends SegmentPattern>(s: T): s is T & { ahtSeconds: number } {
  return s.ahtSeconds !== null && s.ahtSeconds > 0;
}
