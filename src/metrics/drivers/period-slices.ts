import type { Period } from '../../calendar/period.js';
import type { Engine } from '../../engine/engine.js';
import { UserError } from '../../errors.js';
import type { Dimension } from '../../model/contact.js';
import {
  type CostPerContactReport,
  costPerContactReport,
  type LabourBasis,
  type ReportRow,
} from '../cost-per-contact.js';
import type { Definitions } from '../definitions.js';
import type { Pair } from './arithmetic.js';

/** One compared period's part of a cost-per-contact report. */
export interface PeriodSlice {
  period: Period;
  /** Segment rows and unallocated rows of the period. */
  rows: ReportRow[];
  total: ReportRow;
  labourBasis: LabourBasis;
}

/**
 * The report rows of the two compared periods. Adjacent periods (the usual month-on-month question)
 * come from one report over both, which scans the contacts once; others from one report each, so
 * that a year-ago comparison does not pay for the months in between. Either way a period's figures
 * are the same: proration and allocation work period by period.
 */
export async function periodSlices(
  engine: Engine,
  definitions: Definitions,
  periods: Pair<Period>,
  by: readonly Dimension[],
): Promise<{ slices: Pair<PeriodSlice>; notes: string[] }> {
  const report = (from: Period, to: Period) =>
    costPerContactReport(engine, definitions, {
      granularity: from.granularity,
      from: from.label,
      to: to.label,
      by,
    });
  const [p0, p1] = periods;
  const [first, last] = p0.start <= p1.start ? [p0, p1] : [p1, p0];
  const adjacent = first.end >= last.start;
  const reports = adjacent ? [await report(first, last)] : [await report(p0, p0), await report(p1, p1)];
  const slice = (period: Period) => sliceOf(reports, period, definitions);
  return { slices: [slice(p0), slice(p1)], notes: reports.flatMap((r) => r.notes.map((n) => n.text)) };
}

function sliceOf(reports: readonly CostPerContactReport[], period: Period, d: Definitions): PeriodSlice {
  const report = reports.find((r) => r.periods.some((p) => p.start === period.start));
  const total = report?.periodTotals.find((row) => row.period?.start === period.start);
  if (!report || !total || total.costedMeasures.contacts === 0) {
    throw new UserError(
      'EMPTY_PERIOD',
      `no counted contacts with a cost in ${period.label} (${d.countedDirections.join('/')} with outcome ${d.countedOutcomes.join(' or ')}): cost per contact is undefined there`,
    );
  }
  return {
    period,
    rows: report.rows.filter((row) => row.period?.start === period.start),
    total,
    labourBasis: report.labourBasis.get(period.start) ?? 'none',
  };
}
