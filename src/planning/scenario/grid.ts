import { addDays, isoWeekday } from '../../calendar/dates.js';
import { periodsBetween } from '../../calendar/period.js';
import type { Baseline, BaselineSegment } from '../baseline/baseline.js';

/**
 * The intervals a plan staffs: each month's typical week, month × weekday (Monday first) × slot. A
 * class stands for every date of that weekday in the month (`dates`), so a month's plan is its
 * classes times their dates; the hour a DST change adds or removes is not modelled.
 */
export interface ClassGrid {
  months: string[];
  intervalSeconds: number;
  slotsPerDay: number;
  /** Dates of each weekday in each month: dates[m][w]. */
  dates: string[][][];
  /** months × 7 × slotsPerDay. */
  size: number;
}

export function classGrid(baseline: Pick<Baseline, 'range' | 'intervalSeconds'>): ClassGrid {
  const months = periodsBetween(baseline.range.from, baseline.range.to, 'month');
  const dates = months.map((m) => {
    const byWeekday: string[][] = Array.from({ length: 7 }, () => []);
    // ISO dates compare as text: the later start and the earlier end.
    const [from, to] = [
      [m.start, baseline.range.from].sort()[1] as string,
      [m.end, baseline.range.to].sort()[0] as string,
    ];
    for (let date = from; date < to; date = addDays(date, 1)) byWeekday[isoWeekday(date) - 1]?.push(date);
    return byWeekday;
  });
  const slotsPerDay = 86_400 / baseline.intervalSeconds;
  return {
    months: months.map((m) => m.start),
    intervalSeconds: baseline.intervalSeconds,
    slotsPerDay,
    dates,
    size: months.length * 7 * slotsPerDay,
  };
}

export const classIndex = (grid: ClassGrid, month: number, weekday: number, slot: number): number =>
  (month * 7 + weekday) * grid.slotsPerDay + slot;

const weightsCache = new WeakMap<ClassGrid, Float64Array>();

/** How many dates a class stands for. */
export function classWeights(grid: ClassGrid): Float64Array {
  const cached = weightsCache.get(grid);
  if (cached) return cached;
  const weights = new Float64Array(grid.size);
  weightsCache.set(grid, weights);
  grid.dates.forEach((byWeekday, m) => {
    byWeekday.forEach((dates, w) => {
      for (let s = 0; s < grid.slotsPerDay; s++) weights[classIndex(grid, m, w, s)] = dates.length;
    });
  });
  return weights;
}

/**
 * Mean contacts offered per class: the month's volume (times `factor[m]`) spread over its dates by the
 * weekday shares of the typical week and over each day by the slot shares, so that a month's classes
 * times their dates add up to its volume exactly.
 */
export function classCalls(
  grid: ClassGrid,
  segment: BaselineSegment,
  factors: readonly number[],
): Float64Array {
  const calls = new Float64Array(grid.size);
  const dayShares = segment.pattern.map((day) => day.reduce((a, b) => a + b, 0));
  grid.months.forEach((month, m) => {
    const volume = (segment.volume[month] ?? 0) * (factors[m] ?? 1);
    const byWeekday = grid.dates[m] as string[][];
    const spread = dayShares.reduce((sum, share, w) => sum + share * (byWeekday[w]?.length ?? 0), 0);
    if (volume === 0 || spread === 0) return;
    for (let w = 0; w < 7; w++) {
      const day = segment.pattern[w] as number[];
      for (let s = 0; s < grid.slotsPerDay; s++)
        calls[classIndex(grid, m, w, s)] = (volume * (day[s] ?? 0)) / spread;
    }
  });
  return calls;
}
