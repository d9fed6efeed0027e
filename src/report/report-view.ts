import type { ResolvedBenchmark } from '../metrics/benchmarks/select.js';
import type { CostPerContactReport, ReportRow } from '../metrics/cost-per-contact.js';
import { costWithoutContacts } from '../metrics/coverage-notes.js';
import { describeDefinitions } from '../metrics/definitions.js';
import { moneyText, rowFigures } from '../metrics/figures.js';
import type { Note } from '../metrics/notes.js';
import type { ServiceLevelFormula } from '../model/config.js';
import type { Dimension } from '../model/contact.js';
import { minorUnits } from '../money/currency.js';
import type { Decimal } from '../money/decimal.js';

/** One report row as plain data: money as decimal text in the minor unit, ratios as numbers, gaps as null. */
export interface RowView {
  period: string;
  dimensions: Partial<Record<Dimension, string | null>>;
  kind: 'segment' | 'unallocated' | 'periodTotal' | 'total';
  /** The period is cut by the range, or its contacts cover only some of its days. */
  partial: boolean;
  /** The days the row's figures rest on (`to` exclusive); null where there are no contacts. */
  covered: { from: string; to: string } | null;
  coverage: CoverageView;
  contacts: number;
  /** null where no cost line reaches the row: unknown, not zero. */
  cost: string | null;
  /** Cost ÷ the contacts some cost line reaches; null without such contacts. */
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
  /** What a reader must know about this row's figures. */
  notes: Note[];
}

/** Which inputs a row's figures rest on. */
export interface CoverageView {
  /** Contact records (or volumes) exist. */
  contacts: boolean;
  /** Some cost line (or bottom-up labour) reaches the row. */
  costs: boolean;
  /** Agent time (staffed seconds) is recorded. */
  agentTime: boolean;
  /** Handled contacts carry handle time. */
  handleTime: boolean;
  /** Counted contacts that no cost line reaches: left out of cost per contact. */
  contactsWithoutCost: number;
  /** Cost in periods without any contacts (totals only; null for other rows and where there is none). */
  costWithoutContacts: string | null;
}

/** The comparison of a row's cost per contact with its benchmark, naming the source. */
export interface BenchmarkView {
  id: string;
  source: string;
  year: number | null;
  tableVersion: string;
  /** The published figure as published, e.g. "7.16 USD". */
  published: string;
  /** Its value and currency apart (null currency: a ratio). */
  publishedValue: string;
  publishedCurrency: string | null;
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
  /** Everything a reader must know: the report's own notes, then each distinct note of its rows. */
  notes: Note[];
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
  const f = rowFigures(row, definitions, report.detail === 'full');
  const covered = row.period ? (row.coverage?.covered ?? null) : { from: report.from, to: report.to };
  const dimensions: RowView['dimensions'] = {};
  for (const d of by) dimensions[d] = row.segment[d] ?? null;
  const variants = {} as RowView['serviceLevelVariants'];
  for (const [name, value] of Object.entries(f.serviceLevels))
    variants[name as ServiceLevelFormula] = round(value, 4);
  return {
    period: row.period?.label ?? 'total',
    dimensions,
    kind: row.unallocated ? 'unallocated' : kind,
    partial: row.coverage?.partial ?? false,
    covered: covered ? { from: covered.from, to: covered.to } : null,
    coverage: coverageView(row, report, scale),
    contacts: f.contacts,
    cost: row.hasCost ? moneyText(f.cost, scale) : null,
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
    notes: row.notes,
  };
}

function coverageView(row: ReportRow, report: CostPerContactReport, scale: number): CoverageView {
  const m = row.measures;
  const alone = row.period ? undefined : costWithoutContacts(report.periodTotals);
  return {
    contacts: m.rows > 0,
    costs: row.hasCost,
    agentTime: m.staffedSeconds > 0,
    handleTime: m.handledTimed > 0,
    contactsWithoutCost: m.contacts - row.costedMeasures.contacts,
    costWithoutContacts: alone && !alone.cost.isZero() ? moneyText(alone.cost, scale) : null,
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
    publishedValue: b.benchmark.value,
    publishedCurrency: b.benchmark.currency ?? null,
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
    notes: allNotes(report),
    rows: report.rows.map(view('segment')),
    periodTotals: report.periodTotals.map(view('periodTotal')),
    totals: view('total')(report.totals),
  };
}

/** The report's notes, then each distinct note of its rows in reading order. */
function allNotes(report: CostPerContactReport): Note[] {
  const seen = new Set<string>();
  const rows = [...report.rows, ...report.periodTotals, report.totals].flatMap((r) => r.notes);
  return [...report.notes, ...rows].filter((n) => !seen.has(n.text) && seen.add(n.text));
}
