import { addDays, dayNumber } from '../calendar/dates.js';
import { type Period, periodOf } from '../calendar/period.js';
import type { FineRow } from './allocation.js';
import type { DaySpan } from './line-parts.js';
import { EDGE_TOLERANCE_DAYS } from './range.js';

/** What a report period's figures rest on: its days in the report and the days its contacts cover. */
export interface PeriodCoverage {
  /** The period's days in the report: the whole period, or the part of it inside the range. */
  days: DaySpan;
  /** Whether the range cuts the period. */
  cut: boolean;
  /** From the first to the day after the last day with contact records; undefined without any. */
  contactDays: DaySpan | undefined;
  /**
   * The days the figures rest on: the period's days where its contacts cover them (edges within
   * EDGE_TOLERANCE_DAYS count as covered), else the days from its first to its last contact.
   */
  covered: DaySpan | undefined;
  /** Cut by the range, or its contacts do not cover all of its days. */
  partial: boolean;
}

/** A period's coverage from the days of its fine rows' first and last contacts. */
export function periodCoverage(period: Period, rows: readonly FineRow[] | undefined): PeriodCoverage {
  const days = { from: period.start, to: period.end };
  const whole = periodOf(period.start, period.granularity);
  const cut = whole.start !== period.start || whole.end !== period.end;
  const contactDays = dayRange(rows ?? []);
  if (!contactDays) return { days, cut, contactDays, covered: undefined, partial: cut };
  const tolerance = EDGE_TOLERANCE_DAYS[period.granularity];
  const inside =
    dayNumber(contactDays.from) - dayNumber(days.from) <= tolerance &&
    dayNumber(days.to) - dayNumber(contactDays.to) <= tolerance;
  const covered = inside ? days : contactDays;
  return { days, cut, contactDays, covered, partial: cut || !inside };
}

function dayRange(rows: readonly FineRow[]): DaySpan | undefined {
  let first: string | undefined;
  let last: string | undefined;
  for (const row of rows) {
    if (!row.days) continue;
    if (first === undefined || row.days.first < first) first = row.days.first;
    if (last === undefined || row.days.last > last) last = row.days.last;
  }
  return first && last ? { from: first, to: addDays(last, 1) } : undefined;
}
