import type { Dimension } from '../model/contact.js';
import type { AllocationDriver } from '../model/driver.js';
import { allocateLargestRemainder } from '../money/allocate.js';
import type { Decimal } from '../money/decimal.js';
import type { ContactMeasures } from './contact-measures.js';
import { type DimensionValues, matches, project, type SegmentFilter, segmentKey } from './segments.js';

/** Contact measures of one combination of the fine dimensions in one period. */
export interface FineRow {
  values: DimensionValues;
  measures: ContactMeasures;
}

export interface AllocatedPart {
  /** undefined: no segment had any weight for this cost, so it is reported as unallocated. */
  segment: DimensionValues | undefined;
  amount: Decimal;
  /** The driver weight of the segment and of all segments, for explain. */
  weight: number;
  weightTotal: number;
  /** `direct`: the cost's own segment; `rate_card`: labour built bottom-up from handle time × rates. */
  driver: AllocationDriver | 'direct' | 'rate_card';
}

/**
 * Allocates one cost amount of one period to the segments of a breakdown. The pool is the contacts
 * matching `filter` (the dimensions the cost is direct to). When the breakdown uses only dimensions the
 * filter fixes, the segment is known without weights; otherwise the driver's weights, measured on the
 * pool's contacts in the same period, split the amount by largest remainder. The parts always sum to
 * the amount.
 */
export function allocate(
  amount: Decimal,
  filter: SegmentFilter,
  driver: AllocationDriver,
  breakdown: readonly Dimension[],
  rows: readonly FineRow[],
  scale: number,
): AllocatedPart[] {
  if (breakdown.every((d) => filter.has(d))) {
    const segment: DimensionValues = {};
    for (const d of breakdown) segment[d] = filter.get(d) ?? null;
    return [{ segment, amount, weight: 1, weightTotal: 1, driver: 'direct' }];
  }
  if (driver.kind === 'fixed') return allocateFixed(amount, filter, driver, breakdown, rows, scale);

  const weights = new Map<string, { segment: DimensionValues; weight: number }>();
  for (const row of rows) {
    if (!matches(filter, row.values)) continue;
    const key = segmentKey(breakdown, row.values);
    const entry = weights.get(key) ?? { segment: project(breakdown, row.values), weight: 0 };
    entry.weight += weightOf(driver, row);
    weights.set(key, entry);
  }
  if (driver.kind === 'equal') for (const entry of weights.values()) entry.weight = entry.weight > 0 ? 1 : 0;
  const entries = [...weights.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, e]) => e);
  const parts = allocateLargestRemainder(
    amount,
    entries.map((e) => e.weight),
    scale,
  );
  if (!parts) return [{ segment: undefined, amount, weight: 0, weightTotal: 0, driver }];
  const weightTotal = entries.reduce((s, e) => s + e.weight, 0);
  return entries
    .map((e, i) => ({
      segment: e.segment,
      amount: parts[i] as Decimal,
      weight: e.weight,
      weightTotal,
      driver,
    }))
    .filter((p) => p.weight > 0);
}

function weightOf(driver: AllocationDriver, row: FineRow): number {
  switch (driver.kind) {
    case 'handle_time':
      return row.measures.weightHandleSeconds;
    case 'contacts':
      return row.measures.contacts;
    case 'equal':
      return row.measures.rows;
    case 'fte':
      return row.measures.paidSeconds;
    case 'fixed':
      throw new Error('fixed shares are not a per-row weight');
  }
}

/** Fixed shares split the pool across the values of their dimension; each share then follows handle time. */
function allocateFixed(
  amount: Decimal,
  filter: SegmentFilter,
  driver: Extract<AllocationDriver, { kind: 'fixed' }>,
  breakdown: readonly Dimension[],
  rows: readonly FineRow[],
  scale: number,
): AllocatedPart[] {
  const keys = [...driver.shares.keys()].sort();
  const shares = allocateLargestRemainder(
    amount,
    keys.map((k) => driver.shares.get(k) ?? 0),
    scale,
  );
  if (!shares) return [{ segment: undefined, amount, weight: 0, weightTotal: 0, driver }];
  return keys.flatMap((key, i) => {
    if ((shares[i] as Decimal).isZero()) return [];
    const sub = new Map(filter);
    sub.set(driver.dimension, key);
    return allocate(shares[i] as Decimal, sub, { kind: 'handle_time' }, breakdown, rows, scale).map((p) => ({
      ...p,
      driver,
    }));
  });
}
