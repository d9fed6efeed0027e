import type { ResolvedBenchmark } from '../metrics/benchmarks/select.js';
import type { CostPerContactReport, ReportRow } from '../metrics/cost-per-contact.js';
import { describeDefinitions } from '../metrics/definitions.js';
import { figures, moneyText } from '../metrics/figures.js';
import type { ServiceLevelFormula } from '../model/config.js';
import type { Dimension } from '../model/contact.js';
import { minorUnits } from '../money/currency.js';
import type { Decimal } from '../money/decimal.js';

/** One report row as plain data: money as decimal text in the minor unit, ratios as numbers, gaps as null. */
export interface RowView {
  period: string;
  dimensions: Partial<Record<Dimension, string | null>>;
  kind: 'segment' | 'unallocated' | 'periodTotal' | 'total';
  contacts: number;
  cost: string;
  costPerContact: string | null;
  handled: number;
  abandoned: number;
  ahtSeconds: number | null;
  asaSeconds: number | null;
  serviceLevel: number | null;
  abandonRate: number | null;
  costPerHandledContact: string | null;
  costPerCall: string | null;
  costPerResolution: string | null;
  costPerHandleMinute: string | null;
  labourShare: number | null;
  ahtMedianSeconds: number | null;
  ahtP90Seconds: number | null;
  serviceLevelVariants: Record<ServiceLevelFormula, number | null>;
  resolutions: number | null;
  repeatRate: number | null;
  fcr: number | null;
  csatMean: number | null;
  csatTopBox: number | null;
  containment: number | null;
  /** Handle time ÷ staffed time; null where the workspace has no agent time for the row. */
  occupancy: number | null;
  costByCategory: Record<string, string>;
  benchmark: BenchmarkView | null;
}

/** The comparison of a row's cost per contact with its benchmark, naming the source. */
export interface BenchmarkView {
  id: string;
  source: string;
  year: number | null;
  tableVersion: string;
  /** The published figure as published, e.g. "7.16 USD". */
  published: string;
  /** In the workspace currency; null where no FX rate converts it. */
  value: string | null;
  fxRate: string | null;
  /** costPerContact − value, and the same as a share of value. */
  gap: string | null;
  gapShare: number | null;
}

export interface ReportView {
  currency: string;
  timezone: string;
  granularity: string;
  from: string;
  to: string;
  by: readonly Dimension[];
  definitions: Record<string, string>;
  /** Per period label: labour cost from the wage ledger, bottom-up from rate cards, or none. */
  labourBasis: Record<string, string>;
  notes: string[];
  rows: RowView[];
  periodTotals: RowView[];
  totals: RowView;
}

const round = (value: number | undefined, places: number): number | null =>
  value === undefined ? null : Number(value.toFixed(places));

export function rowView(row: ReportRow, report: CostPerContactReport, kind: RowView['kind']): RowView {
  const { definitions, by } = report;
  const scale = minorUnits(definitions.currency);
  const money = (value: Decimal | undefined) => (value === undefined ? null : moneyText(value, scale));
  const f = figures(row.measures, row.cost, {
    formula: definitions.serviceLevelFormula,
    repeats: report.detail === 'full',
    quantiles: row.quantiles,
    costByCategory: row.costByCategory,
  });
  const dimensions: RowView['dimensions'] = {};
  for (const d of by) dimensions[d] = row.segment[d] ?? null;
  const variants = {} as RowView['serviceLevelVariants'];
  for (const [name, value] of Object.entries(f.serviceLevels))
    variants[name as ServiceLevelFormula] = round(value, 4);
  return {
    period: row.period?.label ?? 'total',
    dimensions,
    kind: row.unallocated ? 'unallocated' : kind,
    contacts: f.contacts,
    cost: moneyText(f.cost, scale),
    costPerContact: money(f.costPerContact),
    handled: f.handled,
    abandoned: f.abandoned,
    ahtSeconds: round(f.ahtSeconds, 1),
    asaSeconds: round(f.asaSeconds, 1),
    serviceLevel: round(f.serviceLevel, 4),
    abandonRate: round(f.abandonRate, 4),
    costPerHandledContact: money(f.costPerHandledContact),
    costPerCall: money(f.costPerCall),
    costPerResolution: money(f.costPerResolution),
    costPerHandleMinute: money(f.costPerHandleMinute),
    labourShare: round(f.labourShare, 4),
    ahtMedianSeconds: round(f.ahtMedianSeconds, 1),
    ahtP90Seconds: round(f.ahtP90Seconds, 1),
    serviceLevelVariants: variants,
    resolutions: f.resolutions ?? null,
    repeatRate: round(f.repeatRate, 4),
    fcr: round(f.fcr, 4),
    csatMean: round(f.csatMean, 4),
    csatTopBox: round(f.csatTopBox, 4),
    containment: round(f.containment, 4),
    occupancy: round(f.occupancy, 4),
    costByCategory: Object.fromEntries(
      [...row.costByCategory].sort().map(([c, v]) => [c, moneyText(v, scale)]),
    ),
    benchmark: row.benchmark ? benchmarkView(row.benchmark, f.costPerContact, scale) : null,
  };
}

function benchmarkView(
  b: ResolvedBenchmark,
  costPerContact: Decimal | undefined,
  scale: number,
): BenchmarkView {
  const gap = b.value && costPerContact ? costPerContact.minus(b.value) : undefined;
  return {
    id: b.benchmark.id,
    source: b.benchmark.source,
    year: b.benchmark.year,
    tableVersion: b.tableVersion,
    published: `${b.benchmark.value}${b.benchmark.currency ? ` ${b.benchmark.currency}` : ''}`,
    value: b.value ? moneyText(b.value, scale) : null,
    fxRate: b.fx ? b.fx.rate.toFixed() : null,
    gap: gap ? moneyText(gap, scale) : null,
    gapShare: gap && b.value && !b.value.isZero() ? Number(gap.div(b.value).toFixed(4)) : null,
  };
}

export function reportView(report: CostPerContactReport): ReportView {
  const view = (kind: RowView['kind']) => (row: ReportRow) => rowView(row, report, kind);
  return {
    currency: report.definitions.currency,
    timezone: report.definitions.timezone,
    granularity: report.granularity,
    from: report.from,
    to: report.to,
    by: report.by,
    definitions: describeDefinitions(report.definitions),
    labourBasis: Object.fromEntries(
      report.periods.map((p) => [p.label, report.labourBasis.get(p.start) ?? 'none']),
    ),
    notes: report.notes,
    rows: report.rows.map(view('segment')),
    periodTotals: report.periodTotals.map(view('periodTotal')),
    totals: view('total')(report.totals),
  };
}
