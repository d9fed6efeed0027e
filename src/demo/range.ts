import { addDays, fromYmd, isoWeekday, ymd } from '../calendar/dates.js';
import { localToInstant } from '../calendar/time-zone.js';
import { type DayType, HOLIDAYS } from './profile.js';

export interface DemoDay {
  date: string;
  /** ISO weekday, Monday = 1 … Sunday = 7; a holiday counts as a Sunday. */
  weekday: number;
  /** Calendar month 1 … 12. */
  month: number;
  /** Index of the month within the range, 0 = first. */
  monthIndex: number;
  /** Position in the range from 0 (first day) to 1 (last day), for trends. */
  progress: number;
  dayType: DayType;
  /** Instant (epoch ms) at which each local hour 0 … 23 of this day starts. */
  hourStartMs: readonly number[];
}

export interface DemoMonth {
  label: string;
  start: string;
  end: string;
}

export interface DemoRange {
  start: string;
  end: string;
  months: DemoMonth[];
  days: DemoDay[];
}

/**
 * The local calendar days of the months `endMonth − (months − 1)` … `endMonth` with the instant of
 * every local hour. The time-zone lookup runs once per day (and per hour only on the days a DST
 * change happens), so contacts can be placed by adding seconds to an hour's start.
 */
export function buildRange(endMonth: string, monthCount: number, timeZone: string): DemoRange {
  const { year, month } = ymd(`${endMonth}-01`);
  const months: DemoMonth[] = [];
  for (let i = 0; i < monthCount; i++) {
    const start = fromYmd(year, month - monthCount + 1 + i, 1);
    months.push({ label: start.slice(0, 7), start, end: fromYmd(year, month - monthCount + 2 + i, 1) });
  }
  const start = (months[0] as DemoMonth).start;
  const end = (months[months.length - 1] as DemoMonth).end;
  const dates: string[] = [];
  for (let date = start; date < end; date = addDays(date, 1)) dates.push(date);
  const midnights = [...dates, end].map((date) => localToInstant(date, timeZone).getTime());
  const days = dates.map((date, index) => {
    const monthIndex = months.findIndex((m) => date < m.end);
    const hourStartMs = dayHourStarts(
      date,
      timeZone,
      midnights[index] as number,
      midnights[index + 1] as number,
    );
    return describeDay(date, monthIndex, index / Math.max(1, dates.length - 1), hourStartMs);
  });
  return { start, end, months, days };
}

function describeDay(date: string, monthIndex: number, progress: number, hourStartMs: number[]): DemoDay {
  const weekday = isoWeekday(date);
  const holiday = (HOLIDAYS as readonly string[]).includes(date.slice(5));
  const dayType: DayType = holiday || weekday === 7 ? 'sunday' : weekday === 6 ? 'saturday' : 'weekday';
  return {
    date,
    weekday: holiday ? 7 : weekday,
    month: ymd(date).month,
    monthIndex,
    progress,
    dayType,
    hourStartMs,
  };
}

const HOUR_MS = 3_600_000;

function dayHourStarts(date: string, timeZone: string, midnight: number, nextMidnight: number): number[] {
  if (nextMidnight - midnight === 24 * HOUR_MS)
    return Array.from({ length: 24 }, (_, h) => midnight + h * HOUR_MS);
  // A DST change happens this day: ask the zone for every hour. A skipped hour maps to the moment
  // after the jump; a repeated hour to its first occurrence.
  return Array.from({ length: 24 }, (_, h) => localToInstant(date, timeZone, h).getTime());
}
