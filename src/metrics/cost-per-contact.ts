import { addDays, dayNumber } from '../calendar/dates.js';
import { type Granularity, type Period, periodsBetween } from '../calendar/period.js';
import type { Engine } from '../engine/engine.js';
import { UserError } from '../errors.js';
import { DIMENSIONS, type Dimension } from '../model/contact.js';
import type { CostCategory, CostLine } from '../model/cost-line.js';
import { type AllocationDriver, parseDriver } from '../model/driver.js';
import { minorUnits } from '../money/currency.js';
import { Decimal } from '../money/decimal.js';
import { prorateByDays } from '../money/prorate.js';
import { agentTimeRows } from './agent-time.js';
import { type AllocatedPart, allocate, type FineRow } from './allocation.js';
import { type ResolvedBenchmark, resolveBenchmark } from './benchmarks/select.js';
import { bottomUpLabour } from './bottom-up-labour.js';
import {
  addMeasures,
  type ContactMeasures,
  contactMeasuresQuery,
  emptyMeasures,
  groupingSets,
  type HandleQuantiles,
  MEASURE_NAMES,
  type ReportDetail,
} from './contact-measures.js';
import { loadCostLines } from './cost-ledger.js';
import type { Definitions } from './definitions.js';
import { type FxRates, loadFxRates } from './fx.js';
import { periodAt } from './period-key.js';
import { rangeInstants, resolveRange } from './range.js';
import { type DimensionValues, project, type SegmentFilter, segmentKey } from './segments.js';
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

const FILTER_DIMENSIONS = ['channel', 'queue', 'team'] as const;

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
  const { fine, quantiles } = await queryMeasures(engine, definitions, periods, by, fineDims, instants, detail);
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
    instants,
    scale,
    allocations,
  );
  const report = assemble(periods, fine, allocations, by);
  const asOf = addDays(range.to, -1);
  for (const row of [...report.rows, ...report.periodTotals, report.totals]) {
    row.quantiles = quantiles.get(quantileKey(by, row)) ?? NO_QUANTILES;
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

/** A line in another currency, converted once at the latest rate on or before its first day. */
function convert(line: CostLine, currency: string, fx: FxRates, scale: number): AllocationRecord['fx'] {
  if (line.currency === currency) return undefined;
  const { date, rate } = fx.requireRate(line.currency, line.periodStart, `cost line "${line.id}"`, currency);
  return {
    date,
    rate,
    converted: new Decimal(line.amount).times(rate).toDecimalPlaces(scale, Decimal.ROUND_HALF_EVEN),
  };
}

/** Adds rate-card labour to the periods whose ledger has no agent wages, and says which way each period went. */
async function addBottomUpLabour(
  engine: Engine,
  d: Definitions,
  by: readonly Dimension[],
  periods: readonly Period[],
  instants: { from: Date; to: Date },
  scale: number,
  allocations: AllocationRecord[],
): Promise<{ labourBasis: Map<string, LabourBasis>; notes: string[] }> {
  const withWages = new Set(
    allocations.filter((a) => a.line.category === 'agent_wages').map((a) => a.period.start),
  );
  const missing = new Set(periods.filter((p) => !withWages.has(p.start)).map((p) => p.start));
  const bottomUp = await bottomUpLabour(engine, d, by, periods, missing, scale);
  allocations.push(...bottomUp.parts);
  const built = new Set(bottomUp.parts.map((p) => p.period.start));
  const labourBasis = new Map<string, LabourBasis>(
    periods.map((p) => [
      p.start,
      withWages.has(p.start) ? 'ledger' : built.has(p.start) ? 'bottom-up' : 'none',
    ]),
  );
  const notes = [...bottomUp.unratedSeconds].map(
    ([start, seconds]) =>
      `${(seconds / 3600).toFixed(1)} handle hours from ${start} had no rate card and carry no bottom-up labour cost`,
  );
  return { labourBasis, notes };
}

/** Breakdown dimensions plus every dimension a cost line is direct to or keyed by, so pools can be measured. */
function fineDimensions(by: readonly Dimension[], lines: readonly CostLine[], d: Definitions): Dimension[] {
  if (by.length === 0) return [];
  const dims = new Set<Dimension>(by);
  for (const line of lines) {
    for (const dim of FILTER_DIMENSIONS) if (line[dim] !== null) dims.add(dim);
    const driver = driverOf(line, d);
    if (driver.kind === 'fixed') dims.add(driver.dimension);
  }
  return DIMENSIONS.filter((dim) => dims.has(dim));
}

interface MeasuresResult {
  fine: Map<string, FineRow[]>;
  quantiles: Map<string, HandleQuantiles>;
}

const NO_QUANTILES: HandleQuantiles = { ahtMedianSeconds: null, ahtP90Seconds: null };

function quantileKey(
  by: readonly Dimension[],
  row: { period: Period | undefined; segment: DimensionValues; unallocated?: boolean },
): string {
  if (!row.period) return 'total';
  if (row.unallocated) return 'unallocated';
  return Object.keys(row.segment).length === 0 && by.length > 0
    ? row.period.start
    : `${row.period.start}|${segmentKey(by, row.segment)}`;
}

async function queryMeasures(
  engine: Engine,
  d: Definitions,
  periods: readonly Period[],
  by: readonly Dimension[],
  fineDims: readonly Dimension[],
  range: { from: Date; to: Date },
  detail: ReportDetail,
): Promise<MeasuresResult> {
  const query = contactMeasuresQuery(d, periods, by, fineDims, range, detail);
  // Without grouping sets every row is a fine row.
  const roles = query.groupingSets ? groupingSets(by, fineDims).roles : { fine: 0, breakdown: -1, period: -1, total: -1 };
  const fine = new Map<string, FineRow[]>();
  const quantiles = new Map<string, HandleQuantiles>();
  for (const r of await engine.query(engine.dialect.createCompiler().compileAggregate(query))) {
    const set = Number(r.grouping_set ?? 0);
    const values: DimensionValues = {};
    for (const dim of fineDims) values[dim] = (r[dim] as string | null) ?? null;
    const period = periodAt(periods, r.period)?.start ?? '';
    const q = {
      ahtMedianSeconds: numberOrNull(r.ahtMedianSeconds),
      ahtP90Seconds: numberOrNull(r.ahtP90Seconds),
    };
    if (set === roles.total) quantiles.set('total', q);
    if (set === roles.period)
      quantiles.set(by.length > 0 ? period : `${period}|${segmentKey(by, values)}`, q);
    if (set === roles.breakdown) quantiles.set(`${period}|${segmentKey(by, values)}`, q);
    if (set !== roles.fine) continue;
    const measures = emptyMeasures();
    for (const name of MEASURE_NAMES) measures[name] = Number(r[name] ?? 0);
    const list = fine.get(period) ?? [];
    list.push({ values, measures });
    fine.set(period, list);
  }
  return { fine, quantiles };
}

function numberOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}

export function driverOf(line: CostLine, d: Definitions): AllocationDriver {
  if (line.driver) return parseDriver(line.driver);
  return d.categoryDrivers[line.category] ?? d.defaultDriver;
}

function lineFilter(line: CostLine): SegmentFilter {
  const filter = new Map<Dimension, string>();
  for (const dim of FILTER_DIMENSIONS) {
    const value = line[dim];
    if (value !== null) filter.set(dim, value);
  }
  return filter;
}

function allocateLines(
  lines: readonly CostLine[],
  periods: readonly Period[],
  fine: Map<string, FineRow[]>,
  d: Definitions,
  by: readonly Dimension[],
  scale: number,
  fxRates: FxRates,
): AllocationRecord[] {
  const records: AllocationRecord[] = [];
  const wanted = new Map(periods.map((p) => [p.start, p]));
  for (const line of lines) {
    const fx = convert(line, d.currency, fxRates, scale);
    const amount = fx?.converted ?? new Decimal(line.amount);
    const driver = driverOf(line, d);
    const filter = lineFilter(line);
    // Prorate over every period the line touches, so its parts are the same whatever the report range.
    const linePeriods = periodsBetween(line.periodStart, line.periodEnd, periods[0]?.granularity ?? 'month');
    const parts = prorateByDays(
      amount,
      { startDay: dayNumber(line.periodStart), endDay: dayNumber(line.periodEnd) },
      linePeriods.map((p) => ({ startDay: dayNumber(p.start), endDay: dayNumber(p.end) })),
      scale,
    );
    linePeriods.forEach((lp, i) => {
      const period = wanted.get(lp.start);
      const periodAmount = parts[i] as Decimal;
      if (!period || periodAmount.isZero()) return;
      for (const part of allocate(periodAmount, filter, driver, by, fine.get(period.start) ?? [], scale)) {
        records.push({ ...part, line, period, periodAmount, ...(fx ? { fx } : {}) });
      }
    });
  }
  return records;
}

/** Sorts after every real segment key (which are JSON arrays). */
const UNALLOCATED = '\uffffunallocated';

function newRow(period: Period | undefined, segment: DimensionValues, unallocated = false): ReportRow {
  return {
    period,
    segment,
    unallocated,
    measures: emptyMeasures(),
    quantiles: NO_QUANTILES,
    cost: new Decimal(0),
    costByCategory: new Map(),
  };
}

function addCost(row: ReportRow, category: CostCategory, amount: Decimal): void {
  row.cost = row.cost.plus(amount);
  row.costByCategory.set(category, (row.costByCategory.get(category) ?? new Decimal(0)).plus(amount));
}

function addRow(into: ReportRow, from: ReportRow): void {
  addMeasures(into.measures, from.measures);
  for (const [category, amount] of from.costByCategory) addCost(into, category, amount);
}

function assemble(
  periods: readonly Period[],
  fine: Map<string, FineRow[]>,
  allocations: readonly AllocationRecord[],
  by: readonly Dimension[],
): { rows: ReportRow[]; periodTotals: ReportRow[]; totals: ReportRow } {
  const byPeriod = new Map<string, Map<string, ReportRow>>(periods.map((p) => [p.start, new Map()]));
  const rowFor = (period: Period, segment: DimensionValues | undefined): ReportRow => {
    const rows = byPeriod.get(period.start) as Map<string, ReportRow>;
    const key = segment ? segmentKey(by, segment) : UNALLOCATED;
    let row = rows.get(key);
    if (!row) {
      row = segment ? newRow(period, project(by, segment)) : newRow(period, unallocatedSegment(by), true);
      rows.set(key, row);
    }
    return row;
  };
  for (const period of periods) {
    for (const f of fine.get(period.start) ?? []) addMeasures(rowFor(period, f.values).measures, f.measures);
  }
  for (const a of allocations) addCost(rowFor(a.period, a.segment), a.line.category, a.amount);

  const rows: ReportRow[] = [];
  const periodTotals: ReportRow[] = [];
  const totals = newRow(undefined, {});
  for (const period of periods) {
    const entries = [...(byPeriod.get(period.start) as Map<string, ReportRow>).entries()].sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    const periodTotal = newRow(period, {});
    for (const [, row] of entries) {
      rows.push(row);
      addRow(periodTotal, row);
    }
    periodTotals.push(periodTotal);
    addRow(totals, periodTotal);
  }
  return { rows, periodTotals, totals };
}

function unallocatedSegment(by: readonly Dimension[]): DimensionValues {
  const segment: DimensionValues = {};
  for (const d of by) segment[d] = null;
  return segment;
}
