import type { Granularity, Period } from '../calendar/period.js';
import type { Engine } from '../engine/engine.js';
import type { Dimension } from '../model/contact.js';
import type { CostCategory, CostLine } from '../model/cost-line.js';
import type { Decimal } from '../money/decimal.js';
import type { AllocatedPart } from './allocation.js';
import type { ResolvedBenchmark } from './benchmarks/select.js';
import { computeReport } from './compute-report.js';
import type { ContactMeasures, HandleQuantiles, ReportDetail } from './contact-measures.js';
import type { PeriodCoverage } from './coverage.js';
import type { Definitions } from './definitions.js';
import type { Note } from './notes.js';
import { loadReportInputs } from './report-inputs.js';
import type { DimensionValues } from './segments.js';

export interface ReportOptions {
  granularity: Granularity;
  /** Date or period text, inclusive; default: the data's first day. */
  from?: string;
  /** Date or period text, inclusive; default: the data's last day. */
  to?: string;
  by: readonly Dimension[];
  /** Only the last N periods of the range (a trend). */
  lastPeriods?: number;
  /** Default `headline`; `full` adds repeat contacts and handle-time quantiles (see ReportDetail). */
  detail?: ReportDetail;
  /**
   * In a period whose contacts cover only some of its days, count only the costs of those days
   * (default: the whole period's costs, and the row flagged partial).
   */
  prorateToContacts?: boolean;
}

export interface ReportRow {
  /** undefined for the grand total. */
  period: Period | undefined;
  /** Breakdown dimension values; empty for totals. */
  segment: DimensionValues;
  /** Shared cost no segment had a weight for in this period. */
  unallocated: boolean;
  measures: ContactMeasures;
  /**
   * The measures of the row's contacts that some cost line reaches: the denominators of cost per
   * contact and every other cost ratio, so contacts without any cost never pull a figure down.
   */
  costedMeasures: ContactMeasures;
  /** Measures by channel (its service-level clock, its handle-time coverage). */
  byChannel: Map<string, ContactMeasures>;
  quantiles: HandleQuantiles;
  cost: Decimal;
  /** Whether any cost (a ledger line's part or bottom-up labour) reached the row. */
  hasCost: boolean;
  costByCategory: Map<CostCategory, Decimal>;
  /** Lines allocated by the fallback driver into this row: the drivers they fell back from. */
  fallbackFrom: Set<string>;
  /** The period's coverage; undefined for the grand total. */
  coverage: PeriodCoverage | undefined;
  /** What a reader must know about this row's figures (partial period, no cost, fallback, …). */
  notes: Note[];
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
  /** Whether partial periods' costs were prorated to the days their contacts cover. */
  prorateToContacts: boolean;
  /** Things a reader must know about the figures (coverage, partial periods, fallbacks, …). */
  notes: Note[];
}

/** Reads the report's inputs from the workspace and computes the report from them. */
export async function costPerContactReport(
  engine: Engine,
  definitions: Definitions,
  options: ReportOptions,
): Promise<CostPerContactReport> {
  return computeReport(await loadReportInputs(engine, definitions, options));
}
