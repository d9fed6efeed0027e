import { addDays } from '../calendar/dates.js';
import { type Granularity, type Period, periodsBetween } from '../calendar/period.js';
import type { Engine } from '../engine/engine.js';
import { UserError } from '../errors.js';
import type { Dimension } from '../model/contact.js';
import type { CostCategory, CostLine } from '../model/cost-line.js';
import { minorUnits } from '../money/currency.js';
import type { Decimal } from '../money/decimal.js';
import { agentTimeRows } from './agent-time.js';
import type { AllocatedPart } from './allocation.js';
import { assemble } from './assemble.js';
import { type ResolvedBenchmark, resolveBenchmark } from './benchmarks/select.js';
import { addBottomUpLabour } from './bottom-up-labour.js';
import type { ContactMeasures, HandleQuantiles, ReportDetail } from './contact-measures.js';
import { loadCostLines } from './cost-ledger.js';
import type { Definitions } from './definitions.js';
import { loadFxRates } from './fx.js';
import { allocateLines, fineDimensions } from './ledger-allocation.js';
import { NO_QUANTILES, quantileKey, queryMeasures } from './measures-query.js';
import { rangeInstants, resolveRange } from './range.js';
import type { DimensionValues } from './segments.js';
import { volumeRows } from './volume-measures.js';

export interface ReportOptions {
  granularity: Granularity;
  /** Date or period text, inclusive; default: the data's first day. */
  from?: string;
  /** Date or period text, inclusive; default: the data's last day. */
  to?: string;
  by: readonly Dimension[];
  /** Default `headline`; `full` adds repeat contacts and handle-time quantiles (see ReportDetail). */
  detail?: ReportDetail;
}

export interface ReportRow {
  /** undefined for the grand total. */
  period: Period | undefined;
  /** Breakdown dimension values; empty for totals. */
  segment: DimensionValues;
  /** Shared cost no segment had a weight for in this period. */
  unallocated: boolean;
  measures: ContactMeasures;
  quantiles: HandleQuantiles;
  cost: Decimal;
  costByCategory: Map<CostCategory, Decimal>;
  /** The cost-per-contact benchmark this row compares with. */
  benchmark?: ResolvedBenchmark;
}

/** One cost line's part in one period and segment: what `explain` shows. */
export interface AllocationRecord extends AllocatedPart {
  line: CostLine;
  period: Period;
  /** The line's prorated amount in the period, before allocation. */
  periodAmount: Decimal;
  /** For a line in another currency: the rate used and the amount in the workspace currency. */
  fx?: { date: string; rate: Decimal; converted: Decimal };
}

/** How a period's labour cost was built: from the wage ledger, bottom-up from rate cards, or not at all. */
export type LabourBasis = 'ledger' | 'bottom-up' | 'none';

export interface CostPerContactReport {
  definitions: Definitions;
  granularity: Granularity;
  detail: ReportDetail;
  from: string;
  to: string;
  by: readonly Dimension[];
  periods: Period[];
  rows: ReportRow[];
  periodTotals: ReportRow[];
  totals: ReportRow;
  allocations: AllocationRecord[];
  labourBasis: Map<string, LabourBasis>;
  /** Things a reader must know about the figures (e.g. handle hours without a rate card). */
  notes: string[];
}

export async function costPerContactReport(
  engine: Engine,
  definitions: Definitions,
  options: ReportOptions,
): Promise<CostPerContactReport> {
  const { granularity, by } = options;
  const range = await resolveRange(engine, definitions.timezone, granularity, options.from, options.to);
  const periods = periodsBetween(range.from, range.to, granularity);
  const lines = await loadCostLines(engine, range.from, range.to);
  const fineDims = fineDimensions(by, lines, definitions);
  const instants = rangeInstants(range, definitions.timezone);
  const detail = options.detail ?? 'headline';
  const { fine, quantiles } = await queryMeasures(
    engine,
    definitions,
    periods,
    by,
    fineDims,
    instants,
    detail,
  );
  const extra = [
    await agentTimeRows(engine, periods, fineDims),
    await volumeRows(engine, definitions, periods, fineDims, instants),
  ];
  for (const rowsByPeriod of extra) {
    for (const [period, rows] of rowsByPeriod) fine.set(period, [...(fine.get(period) ?? []), ...rows]);
  }
  if (fine.size === 0 && lines.length === 0) {
    throw new UserError(
      'EMPTY_PERIOD',
      `no contacts and no costs from ${range.from} to ${range.to} (exclusive)`,
    );
  }

  const scale = minorUnits(definitions.currency);
  const fx = await loadFxRates(engine);
  const allocations = allocateLines(lines, periods, fine, definitions, by, scale, fx);
  const { labourBasis, notes } = await addBottomUpLabour(
    engine,
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
      row.benchmark = resolveBenchmark(definitions.benchmarks, definitions.currency, row.segment, fx, asOf);
  }
  return {
    definitions,
    granularity,
    detail,
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
