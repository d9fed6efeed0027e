import { addDays } from '../calendar/dates.js';
import type { Period } from '../calendar/period.js';
import type { CostLine } from '../model/cost-line.js';
import { minorUnits } from '../money/currency.js';
import { assemble } from './assemble.js';
import { resolveBenchmark } from './benchmarks/select.js';
import { addBottomUpLabour } from './bottom-up-labour.js';
import type { AllocationRecord, CostPerContactReport } from './cost-per-contact.js';
import { type PeriodCoverage, periodCoverage } from './coverage.js';
import { reportNotes, rowNotes } from './coverage-notes.js';
import { allocateLines, ledgerLines, reaches } from './ledger-allocation.js';
import type { DaySpan } from './line-parts.js';
import { NO_QUANTILES, quantileKey } from './measures-query.js';
import type { ReportInputs } from './report-inputs.js';

/**
 * The cost-per-contact report from its inputs, without any I/O: cost lines prorated and allocated
 * to the breakdown's segments, bottom-up labour where the ledger has no wages, rows summed per
 * segment and period, each row's coverage and benchmark, and the notes a reader needs.
 */
export function computeReport(inputs: ReportInputs): CostPerContactReport {
  const { definitions, periods, fine, by, quantiles, range } = inputs;
  const scale = minorUnits(definitions.currency);
  const prorate = inputs.prorateToContacts === true;
  const coverage = new Map(periods.map((p) => [p.start, periodCoverage(p, fine.get(p.start))]));
  const ledger = ledgerLines(inputs.lines, definitions, inputs.fx, scale);
  const daysOf = (p: Period): DaySpan | undefined =>
    prorate ? (coverage.get(p.start) as PeriodCoverage).covered : { from: p.start, to: p.end };
  const allocations = allocateLines(ledger, periods, fine, definitions, by, scale, daysOf);
  const { labourBasis, notes: labourNotes } = addBottomUpLabour(
    inputs.labour,
    definitions,
    by,
    periods,
    scale,
    allocations,
  );
  const reached = linesByPeriod(allocations);
  const report = assemble(periods, fine, allocations, by, coverage, (period, values) =>
    (reached.get(period.start) ?? []).some((line) => reaches(line, definitions, values)),
  );
  const asOf = addDays(range.to, -1);
  for (const row of report.rows)
    row.quantiles = quantiles.get(quantileKey(by, row.period, row.segment)) ?? NO_QUANTILES;
  for (const row of report.periodTotals)
    row.quantiles = quantiles.get(quantileKey(by, row.period, 'period total')) ?? NO_QUANTILES;
  report.totals.quantiles = quantiles.get(quantileKey(by, undefined, {})) ?? NO_QUANTILES;
  for (const row of [...report.rows, ...report.periodTotals, report.totals]) {
    if (!row.unallocated)
      row.benchmark = resolveBenchmark(
        definitions.benchmarks,
        definitions.currency,
        row.segment,
        inputs.fx,
        asOf,
      );
  }
  const base = {
    definitions,
    granularity: inputs.granularity,
    detail: inputs.detail,
    from: range.from,
    to: range.to,
    by,
    periods,
    ...report,
    allocations,
    labourBasis,
    prorateToContacts: prorate,
  };
  for (const row of [...report.rows, ...report.periodTotals, report.totals])
    row.notes = rowNotes(row, base, allocations);
  return { ...base, notes: [...inputs.rangeNotes, ...reportNotes(base, inputs.lines), ...labourNotes] };
}

/** The lines with a part in each period (ledger lines and bottom-up labour alike). */
function linesByPeriod(allocations: readonly AllocationRecord[]): Map<string, CostLine[]> {
  const lines = new Map<string, Map<string, CostLine>>();
  for (const a of allocations) {
    const inPeriod = lines.get(a.period.start) ?? new Map<string, CostLine>();
    inPeriod.set(a.line.id, a.line);
    lines.set(a.period.start, inPeriod);
  }
  return new Map([...lines].map(([period, byId]) => [period, [...byId.values()]]));
}
