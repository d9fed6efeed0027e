import { allocateLargestRemainder } from './allocate.js';
import type { Decimal, DecimalInput } from './decimal.js';

export interface DaySpan {
  /** Day number (days since 1970-01-01) of the first day, inclusive. */
  startDay: number;
  /** Day number of the end, exclusive. */
  endDay: number;
}

export function overlapDays(a: DaySpan, b: DaySpan): number {
  return Math.max(0, Math.min(a.endDay, b.endDay) - Math.max(a.startDay, b.startDay));
}

/**
 * Spreads an amount accrued over `line` across `periods` by calendar days of overlap, rounded to
 * whole minor units with largest remainder. `periods` must partition the line's span (the caller
 * passes every period the line touches) so that the parts sum exactly to the amount; parts of
 * periods outside the line are zero.
 */
export function prorateByDays(
  amount: DecimalInput,
  line: DaySpan,
  periods: readonly DaySpan[],
  scale: number,
): Decimal[] {
  const days = periods.map((period) => overlapDays(line, period));
  const parts = allocateLargestRemainder(amount, days, scale);
  if (!parts) throw new Error(`cost line span ${line.startDay}..${line.endDay} overlaps none of the periods`);
  return parts;
}
