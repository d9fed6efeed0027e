import { addDays } from '../calendar/dates.js';
import { minorUnits } from '../money/currency.js';
import { assemble } from './assemble.js';
import { resolveBenchmark } from './benchmarks/select.js';
import { addBottomUpLabour } from './bottom-up-labour.js';
import type { CostPerContactReport } from './cost-per-contact.js';
import { allocateLines } from './ledger-allocation.js';
import { NO_QUANTILES, quantileKey } from './measures-query.js';
import type { ReportInputs } from './report-inputs.js';

/**
 * The cost-per-contact report from its inputs, without any I/O: cost lines prorated and allocated
 * to the breakdown's segments, bottom-up labour where the ledger has no wages, rows summed per
 * segment and period, and each row's benchmark.
 */
export function computeReport(inputs: ReportInputs): CostPerContactReport {
  const { definitions, periods, fine, by, quantiles, range } = inputs;
  const scale = minorUnits(definitions.currency);
  const allocations = allocateLines(inputs.lines, periods, fine, definitions, by, scale, inputs.fx);
  const { labourBasis, notes } = addBottomUpLabour(
    inputs.labour,
    definitions,
    by,
    periods,
    scale,
    allocations,
  );
  const report = assemble(periods, fine, allocations, by);
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
  return {
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
    notes,
  };
}
