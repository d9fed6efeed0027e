import type { Period } from '../calendar/period.js';
import { DIMENSIONS, type Dimension } from '../model/contact.js';
import type { CostLine } from '../model/cost-line.js';
import { type AllocationDriver, parseDriver } from '../model/driver.js';
import { Decimal } from '../money/decimal.js';
import { allocate, type FineRow } from './allocation.js';
import type { AllocationRecord } from './cost-per-contact.js';
import type { Definitions } from './definitions.js';
import type { FxRates } from './fx.js';
import { type DaySpan, LineParts } from './line-parts.js';
import { type DimensionValues, matches, type SegmentFilter } from './segments.js';

/** The dimensions a cost line can be direct to. */
const FILTER_DIMENSIONS = ['channel', 'queue', 'team'] as const;

/**
 * The dimensions the fine rows are keyed by: the breakdown, every dimension a cost line is direct to
 * or keyed by (so pools can be measured and coverage judged whatever the breakdown), and always the
 * channel (its concurrency, its service-level clock and its handle-time coverage).
 */
export function fineDimensions(
  by: readonly Dimension[],
  lines: readonly CostLine[],
  d: Definitions,
): Dimension[] {
  const dims = new Set<Dimension>([...by, 'channel']);
  for (const line of lines) {
    for (const dim of FILTER_DIMENSIONS) if (line[dim] !== null) dims.add(dim);
    const driver = driverOf(line, d);
    if (driver.kind === 'fixed') dims.add(driver.dimension);
  }
  return DIMENSIONS.filter((dim) => dims.has(dim));
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

/**
 * Whether a cost line reaches contacts with these dimension values: a direct line its own segment,
 * fixed shares the values they name, any other shared line everyone.
 */
export function reaches(line: CostLine, d: Definitions, values: DimensionValues): boolean {
  if (!matches(lineFilter(line), values)) return false;
  const driver = driverOf(line, d);
  if (driver.kind !== 'fixed') return true;
  const value = values[driver.dimension];
  return value !== null && value !== undefined && (driver.shares.get(value) ?? 0) > 0;
}

/** A ledger line ready to prorate: converted to the workspace currency and spread on the canonical grid. */
export interface LedgerLine {
  line: CostLine;
  parts: LineParts;
  fx?: AllocationRecord['fx'];
}

export function ledgerLines(
  lines: readonly CostLine[],
  d: Definitions,
  fxRates: FxRates,
  scale: number,
): LedgerLine[] {
  return lines.map((line) => {
    const fx = convert(line, d.currency, fxRates, scale);
    const amount = fx?.converted ?? new Decimal(line.amount);
    const parts = new LineParts(amount, { from: line.periodStart, to: line.periodEnd }, scale);
    return { line, parts, ...(fx ? { fx } : {}) };
  });
}

/**
 * Every ledger line's part in every report period, allocated to the breakdown's segments. A part is
 * the line's amount on the period's days (`daysOf`, default the period itself) on the canonical grid
 * of LineParts, so it is the same whatever the report's range and granularity.
 */
export function allocateLines(
  ledger: readonly LedgerLine[],
  periods: readonly Period[],
  fine: Map<string, FineRow[]>,
  d: Definitions,
  by: readonly Dimension[],
  scale: number,
  daysOf: (period: Period) => DaySpan | undefined = (p) => ({ from: p.start, to: p.end }),
): AllocationRecord[] {
  const records: AllocationRecord[] = [];
  for (const { line, parts, fx } of ledger) {
    const driver = driverOf(line, d);
    const filter = lineFilter(line);
    for (const period of periods) {
      if (period.end <= line.periodStart || period.start >= line.periodEnd) continue;
      const days = daysOf(period);
      const periodAmount = days ? parts.partOf(days) : new Decimal(0);
      if (periodAmount.isZero()) continue;
      const rows = fine.get(period.start) ?? [];
      for (const part of allocate(periodAmount, filter, driver, by, rows, scale, d.fallbackDriver)) {
        records.push({ ...part, line, period, periodAmount, ...(fx ? { fx } : {}) });
      }
    }
  }
  return records;
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
