import { addDays, dayNumber } from '../calendar/dates.js';
import { periodsBetween } from '../calendar/period.js';
import { Decimal } from '../money/decimal.js';
import { prorateByDays } from '../money/prorate.js';

/** Local dates, `to` exclusive. */
export interface DaySpan {
  from: string;
  to: string;
}

interface MonthPart {
  start: string;
  /** The month's days the line accrues on. */
  from: string;
  to: string;
  amount: Decimal;
  /** The month's part spread over its days, computed the first time a span cuts the month. */
  days?: Decimal[];
}

/**
 * A cost line's amount on one canonical grid: prorated to the calendar months it accrues in (by
 * calendar days, largest remainder), and a month's part to its days (largest remainder again). The
 * part of any span of days is the sum of its whole months and its days: it depends neither on the
 * report's range nor on its granularity, so a quarter is exactly its three months, and totals over
 * the same days are the same whatever the periods.
 */
export class LineParts {
  private readonly months: MonthPart[];
  private readonly scale: number;

  constructor(amount: Decimal, span: DaySpan, scale: number) {
    const months = periodsBetween(span.from, span.to, 'month');
    const line = { startDay: dayNumber(span.from), endDay: dayNumber(span.to) };
    const parts = prorateByDays(
      amount,
      line,
      months.map((m) => ({ startDay: dayNumber(m.start), endDay: dayNumber(m.end) })),
      scale,
    );
    this.months = months.map((m, i) => ({
      start: m.start,
      from: later(m.start, span.from),
      to: earlier(m.end, span.to),
      amount: parts[i] as Decimal,
    }));
    this.scale = scale;
  }

  /** The line's part on the days of `span`. */
  partOf(span: DaySpan): Decimal {
    let total = new Decimal(0);
    for (const month of this.months) {
      if (month.to <= span.from || month.from >= span.to) continue;
      if (span.from <= month.from && span.to >= month.to) {
        total = total.plus(month.amount);
        continue;
      }
      const days = this.daysOf(month);
      const first = Math.max(dayNumber(span.from), dayNumber(month.from)) - dayNumber(month.from);
      const end = Math.min(dayNumber(span.to), dayNumber(month.to)) - dayNumber(month.from);
      for (let i = first; i < end; i++) total = total.plus(days[i] as Decimal);
    }
    return total;
  }

  private daysOf(month: MonthPart): Decimal[] {
    if (!month.days) {
      const start = dayNumber(month.from);
      const count = dayNumber(month.to) - start;
      const days = Array.from({ length: count }, (_, i) => ({ startDay: start + i, endDay: start + i + 1 }));
      month.days = prorateByDays(month.amount, { startDay: start, endDay: start + count }, days, this.scale);
    }
    return month.days;
  }
}

/** The days two spans share; undefined where they share none. */
export function intersect(a: DaySpan, b: DaySpan): DaySpan | undefined {
  const from = later(a.from, b.from);
  const to = earlier(a.to, b.to);
  return from < to ? { from, to } : undefined;
}

/** The later of two ISO dates. */
export function later(a: string, b: string): string {
  return a < b ? b : a;
}

/** The earlier of two ISO dates. */
export function earlier(a: string, b: string): string {
  return a < b ? a : b;
}

/** The number of days of a span. */
export function spanDays(span: DaySpan): number {
  return dayNumber(span.to) - dayNumber(span.from);
}

/** The span from a first to a last day, both inclusive. */
export function inclusiveSpan(first: string, last: string): DaySpan {
  return { from: first, to: addDays(last, 1) };
}
