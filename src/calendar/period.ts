import { UserError } from '../errors.js';
import { addDays, dayNumber, fromYmd, isIsoDate, isoWeekday, ymd } from './dates.js';

export const GRANULARITIES = ['day', 'week', 'month', 'quarter', 'year'] as const;
export type Granularity = (typeof GRANULARITIES)[number];

/** A reporting period: local calendar dates, start inclusive, end exclusive. */
export interface Period {
  granularity: Granularity;
  start: string;
  end: string;
  label: string;
}

export function isGranularity(text: string): text is Granularity {
  return (GRANULARITIES as readonly string[]).includes(text);
}

/** First day of the period of the given granularity that contains the date. */
export function periodStart(date: string, granularity: Granularity): string {
  const { year, month } = ymd(date);
  switch (granularity) {
    case 'day':
      return date;
    case 'week':
      return addDays(date, 1 - isoWeekday(date));
    case 'month':
      return fromYmd(year, month, 1);
    case 'quarter':
      return fromYmd(year, month - ((month - 1) % 3), 1);
    case 'year':
      return fromYmd(year, 1, 1);
  }
}

export function nextPeriodStart(start: string, granularity: Granularity): string {
  const { year, month, day } = ymd(start);
  switch (granularity) {
    case 'day':
      return addDays(start, 1);
    case 'week':
      return addDays(start, 7);
    case 'month':
      return fromYmd(year, month + 1, day);
    case 'quarter':
      return fromYmd(year, month + 3, day);
    case 'year':
      return fromYmd(year + 1, month, day);
  }
}

/** ISO-8601 week-numbering year and week of a date. */
export function isoWeek(date: string): { year: number; week: number } {
  const thursday = addDays(date, 4 - isoWeekday(date));
  const year = ymd(thursday).year;
  const week = Math.floor((dayNumber(thursday) - dayNumber(fromYmd(year, 1, 1))) / 7) + 1;
  return { year, week };
}

export function periodLabel(start: string, granularity: Granularity): string {
  const { year, month } = ymd(start);
  switch (granularity) {
    case 'day':
      return start;
    case 'week': {
      const w = isoWeek(start);
      return `${w.year}-W${String(w.week).padStart(2, '0')}`;
    }
    case 'month':
      return start.slice(0, 7);
    case 'quarter':
      return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
    case 'year':
      return String(year);
  }
}

export function periodOf(date: string, granularity: Granularity): Period {
  const start = periodStart(date, granularity);
  return {
    granularity,
    start,
    end: nextPeriodStart(start, granularity),
    label: periodLabel(start, granularity),
  };
}

/** Every period of the granularity from the one containing `from` to the one containing the day before `toExclusive`. */
export function periodsBetween(from: string, toExclusive: string, granularity: Granularity): Period[] {
  const periods: Period[] = [];
  let start = periodStart(from, granularity);
  while (start < toExclusive) {
    const end = nextPeriodStart(start, granularity);
    periods.push({ granularity, start, end, label: periodLabel(start, granularity) });
    start = end;
  }
  return periods;
}

/**
 * Parses a period the way a user types it: "2026", "2026-Q1", "2026-03", "2026-W10" or
 * "2026-03-05". Returns its first day and the day after its last.
 */
export function parsePeriodText(text: string): { start: string; end: string; granularity: Granularity } {
  const t = text.trim();
  if (isIsoDate(t)) return { start: t, end: addDays(t, 1), granularity: 'day' };
  for (const [pattern, toPeriod] of PERIOD_PATTERNS) {
    const m = pattern.exec(t);
    const period = m ? toPeriod(Number(m[1]), Number(m[2] ?? 0)) : undefined;
    if (period) return period;
  }
  throw new UserError(
    'USAGE',
    `"${text}" is not a date or period (use 2026-03-05, 2026-W10, 2026-03, 2026-Q1 or 2026)`,
  );
}

type ParsedPeriod = { start: string; end: string; granularity: Granularity };

function whole(start: string, granularity: Granularity): ParsedPeriod {
  return { start, end: nextPeriodStart(start, granularity), granularity };
}

/** Each pattern's captures (year, and month, quarter or week) to its period; undefined where out of range. */
const PERIOD_PATTERNS: readonly [RegExp, (year: number, n: number) => ParsedPeriod | undefined][] = [
  [/^(\d{4})-(\d{2})$/, (y, m) => (m >= 1 && m <= 12 ? whole(fromYmd(y, m, 1), 'month') : undefined)],
  [/^(\d{4})-Q([1-4])$/i, (y, q) => whole(fromYmd(y, (q - 1) * 3 + 1, 1), 'quarter')],
  [
    /^(\d{4})-W(\d{2})$/i,
    (y, w) => {
      const start = addDays(periodStart(fromYmd(y, 1, 4), 'week'), (w - 1) * 7);
      return w >= 1 && isoWeek(start).year === y ? whole(start, 'week') : undefined;
    },
  ],
  [/^(\d{4})$/, (y) => whole(fromYmd(y, 1, 1), 'year')],
];

/** Shifts a 'YYYY-MM' month by n months. */
export function shiftMonth(month: string, n: number): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return fromYmd(year, m + n, 1).slice(0, 7);
}

/** The last month that has ended before `now`, in the given time zone, as 'YYYY-MM'. */
export function lastCompleteMonth(today: string): string {
  return shiftMonth(today.slice(0, 7), -1);
}
