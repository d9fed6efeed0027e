import { addDays, fromYmd, ymd } from '../calendar/dates.js';
import { isoWeek, type Period, periodOf, periodStart } from '../calendar/period.js';
import type { Engine } from '../engine/engine.js';
import { isUserError } from '../errors.js';
import type { CompareMode } from './compare-modes.js';
import { type CostPerContactReport, costPerContactReport, type ReportOptions } from './cost-per-contact.js';
import type { Definitions } from './definitions.js';

export { COMPARE_MODES, type CompareMode } from './compare-modes.js';

/**
 * The period a report period is compared with: the one before it, or the same one a year earlier.
 * Undefined where a year earlier has no such period (29 February, ISO week 53).
 */
export function comparePeriod(period: Period, mode: CompareMode): Period | undefined {
  const { granularity, start } = period;
  if (mode === 'previous') return periodOf(addDays(start, -1), granularity);
  if (granularity === 'week') {
    // The same ISO week number in the previous ISO week-year (which a calendar year may not match).
    const { year, week } = isoWeek(start);
    const weekOne = periodStart(fromYmd(year - 1, 1, 4), 'week');
    const candidate = addDays(weekOne, (week - 1) * 7);
    const found = isoWeek(candidate);
    return found.week === week && found.year === year - 1 ? periodOf(candidate, 'week') : undefined;
  }
  const { year, month, day } = ymd(start);
  const candidate = fromYmd(year - 1, month, day);
  return ymd(candidate).day === day ? periodOf(candidate, granularity) : undefined;
}

export interface CompareReport {
  mode: CompareMode;
  /** Report period label → the label of the period it is compared with. */
  periods: Map<string, string | undefined>;
  /** The report over the compared periods; undefined when they hold no contacts and no costs at all. */
  report: CostPerContactReport | undefined;
  /**
   * Whether the compared range is the report's periods one for one, so that the grand totals compare:
   * not so when a period has no counterpart, or the compared range holds one more (a week 53 a year ago).
   */
  totalsComparable: boolean;
}

/**
 * Runs the same report (granularity, breakdown, definitions) over the compared periods. Proration
 * does not depend on the range and allocation stays within a period, so these figures are the ones
 * the compared periods show in a report of their own.
 */
export async function compareReport(
  engine: Engine,
  definitions: Definitions,
  report: CostPerContactReport,
  mode: CompareMode,
): Promise<CompareReport> {
  // A period the range cuts has no counterpart of the same days: it is not compared.
  const pairs = report.periods.map((p) => [p, isCut(p) ? undefined : comparePeriod(p, mode)] as const);
  const periods = new Map(pairs.map(([p, c]) => [p.label, c?.label]));
  const compared = pairs.flatMap(([, c]) => (c ? [c] : []));
  const first = compared[0];
  const last = compared[compared.length - 1];
  if (!first || !last) return { mode, periods, report: undefined, totalsComparable: false };
  const shifted = await reportOrNothing(engine, definitions, {
    granularity: report.granularity,
    by: report.by,
    from: first.start,
    to: addDays(last.end, -1),
  });
  const totalsComparable =
    compared.length === report.periods.length && shifted?.periods.length === compared.length;
  return { mode, periods, report: shifted, totalsComparable };
}

export function isCut(period: Period): boolean {
  const whole = periodOf(period.start, period.granularity);
  return whole.start !== period.start || whole.end !== period.end;
}

async function reportOrNothing(
  engine: Engine,
  definitions: Definitions,
  options: ReportOptions,
): Promise<CostPerContactReport | undefined> {
  try {
    return await costPerContactReport(engine, definitions, options);
  } catch (error) {
    if (isUserError(error) && error.code === 'EMPTY_PERIOD') return undefined;
    throw error;
  }
}
