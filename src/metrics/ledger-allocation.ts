import { dayNumber } from '../calendar/dates.js';
import { type Period, periodsBetween } from '../calendar/period.js';
import { DIMENSIONS, type Dimension } from '../model/contact.js';
import type { CostLine } from '../model/cost-line.js';
import { type AllocationDriver, parseDriver } from '../model/driver.js';
import { Decimal } from '../money/decimal.js';
import { prorateByDays } from '../money/prorate.js';
import { allocate, type FineRow } from './allocation.js';
import type { AllocationRecord } from './cost-per-contact.js';
import type { Definitions } from './definitions.js';
import type { FxRates } from './fx.js';
import type { SegmentFilter } from './segments.js';

/** The dimensions a cost line can be direct to. */
const FILTER_DIMENSIONS = ['channel', 'queue', 'team'] as const;

/** Breakdown dimensions plus every dimension a cost line is direct to or keyed by, so pools can be measured. */
export function fineDimensions(
  by: readonly Dimension[],
  lines: readonly CostLine[],
  d: Definitions,
): Dimension[] {
  if (by.length === 0) return [];
  const dims = new Set<Dimension>(by);
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
 * Every ledger line's part in every report period (prorated over all the periods the line touches, so
 * a part does not depend on the report's range), allocated to the breakdown's segments.
 */
export function allocateLines(
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
