import type { Period } from '../calendar/period.js';
import type { Dimension } from '../model/contact.js';
import type { CostCategory } from '../model/cost-line.js';
import { formatDriver } from '../model/driver.js';
import { Decimal } from '../money/decimal.js';
import type { FineRow } from './allocation.js';
import { addMeasures, emptyMeasures } from './contact-measures.js';
import type { AllocationRecord, ReportRow } from './cost-per-contact.js';
import type { PeriodCoverage } from './coverage.js';
import { NO_QUANTILES } from './measures-query.js';
import { type DimensionValues, project, segmentKey } from './segments.js';

/** Sorts after every real segment key (which are JSON arrays). */
const UNALLOCATED = '\uffffunallocated';

function newRow(
  period: Period | undefined,
  segment: DimensionValues,
  coverage: PeriodCoverage | undefined,
  unallocated = false,
): ReportRow {
  return {
    period,
    segment,
    unallocated,
    measures: emptyMeasures(),
    costedMeasures: emptyMeasures(),
    byChannel: new Map(),
    quantiles: NO_QUANTILES,
    cost: new Decimal(0),
    hasCost: false,
    costByCategory: new Map(),
    fallbackFrom: new Set(),
    coverage,
    notes: [],
  };
}

function addCost(row: ReportRow, category: CostCategory, amount: Decimal): void {
  row.cost = row.cost.plus(amount);
  row.hasCost = true;
  row.costByCategory.set(category, (row.costByCategory.get(category) ?? new Decimal(0)).plus(amount));
}

function addFine(row: ReportRow, fine: FineRow, costed: boolean): void {
  addMeasures(row.measures, fine.measures);
  if (costed) addMeasures(row.costedMeasures, fine.measures);
  const channel = fine.values.channel;
  if (channel === null || channel === undefined) return;
  const measures = row.byChannel.get(channel) ?? emptyMeasures();
  addMeasures(measures, fine.measures);
  row.byChannel.set(channel, measures);
}

function addRow(into: ReportRow, from: ReportRow): void {
  addMeasures(into.measures, from.measures);
  addMeasures(into.costedMeasures, from.costedMeasures);
  for (const [channel, m] of from.byChannel) {
    const measures = into.byChannel.get(channel) ?? emptyMeasures();
    addMeasures(measures, m);
    into.byChannel.set(channel, measures);
  }
  for (const [category, amount] of from.costByCategory) addCost(into, category, amount);
  for (const driver of from.fallbackFrom) into.fallbackFrom.add(driver);
}

/**
 * The report's rows: fine measures and allocated costs summed into the breakdown's segments per period
 * (unallocated cost in a row of its own), each period's total, and the grand total — all sums of the
 * rows, never averages.
 */
export function assemble(
  periods: readonly Period[],
  fine: Map<string, FineRow[]>,
  allocations: readonly AllocationRecord[],
  by: readonly Dimension[],
  coverage: ReadonlyMap<string, PeriodCoverage>,
  costed: (period: Period, values: DimensionValues) => boolean,
): { rows: ReportRow[]; periodTotals: ReportRow[]; totals: ReportRow } {
  const byPeriod = new Map<string, Map<string, ReportRow>>(periods.map((p) => [p.start, new Map()]));
  const rowFor = (period: Period, segment: DimensionValues | undefined): ReportRow => {
    const rows = byPeriod.get(period.start) as Map<string, ReportRow>;
    const key = segment ? segmentKey(by, segment) : UNALLOCATED;
    let row = rows.get(key);
    if (!row) {
      const c = coverage.get(period.start);
      row = segment
        ? newRow(period, project(by, segment), c)
        : newRow(period, unallocatedSegment(by), c, true);
      rows.set(key, row);
    }
    return row;
  };
  for (const period of periods) {
    for (const f of fine.get(period.start) ?? []) {
      addFine(rowFor(period, f.values), f, costed(period, f.values));
    }
  }
  for (const a of allocations) {
    const row = rowFor(a.period, a.segment);
    addCost(row, a.line.category, a.amount);
    if (a.fallback) row.fallbackFrom.add(formatDriver(a.fallback.from));
  }

  const rows: ReportRow[] = [];
  const periodTotals: ReportRow[] = [];
  const totals = newRow(undefined, {}, undefined);
  for (const period of periods) {
    const entries = [...(byPeriod.get(period.start) as Map<string, ReportRow>).entries()].sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    const periodTotal = newRow(period, {}, coverage.get(period.start));
    for (const [, row] of entries) {
      if (!isEmpty(row)) rows.push(row);
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

/**
 * A segment with nothing to show: no cost, no counted, handled, offered or abandoned contacts (e.g.
 * the team-less self-service contacts of a by-team report). Its row is left out; its measures still
 * count in the totals (self-service containment).
 */
function isEmpty(row: ReportRow): boolean {
  const m = row.measures;
  return (
    row.cost.isZero() &&
    m.contacts === 0 &&
    m.handled === 0 &&
    m.offered === 0 &&
    m.abandoned === 0 &&
    m.staffedSeconds === 0
  );
}
