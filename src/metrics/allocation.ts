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
  /** The local days of the row's first and last contact (`last` inclusive); absent for agent time. */
  days?: { first: string; last: string };
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
  /**
   * Set where the line's own driver had no weight in segments with counted contacts (chat without
   * handle time), so the fallback driver allocated it instead: the driver it fell back from and
   * those segments.
   */
  fallback?: { from: AllocationDriver; segments: DimensionValues[] };
}

/**
 * Allocates one cost amount of one period to the segments of a breakdown. The pool is the contacts
 * matching `filter` (the dimensions the cost is direct to). When the breakdown uses only dimensions the
 * filter fixes, the segment is known without weights; otherwise the driver's weights, measured on the
 * pool's contacts in the same period, split the amount by largest remainder. Where a segment with
 * counted contacts has no weight under the driver (no handle time, no agent time), the `fallback`
 * driver splits the whole amount instead, so those contacts do not look free. The parts always sum
 * to the amount.
 */
export function allocate(
  amount: Decimal,
  filter: SegmentFilter,
  driver: AllocationDriver,
  breakdown: readonly Dimension[],
  rows: readonly FineRow[],
  scale: number,
  fallback?: AllocationDriver,
): AllocatedPart[] {
  if (breakdown.every((d) => filter.has(d))) {
    const segment: DimensionValues = {};
    for (const d of breakdown) segment[d] = filter.get(d) ?? null;
    return [{ segment, amount, weight: 1, weightTotal: 1, driver: 'direct' }];
  }
  if (driver.kind === 'fixed') return allocateFixed(amount, filter, driver, breakdown, rows, scale, fallback);

  const entries = segmentWeights(driver, filter, breakdown, rows);
  const unweighted = entries.filter((e) => e.weight === 0 && e.contacts > 0).map((e) => e.segment);
  if (unweighted.length > 0 && fallback && fallback.kind !== driver.kind) {
    return allocate(amount, filter, fallback, breakdown, rows, scale).map((p) => ({
      ...p,
      fallback: { from: driver, segments: unweighted },
    }));
  }
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

interface SegmentWeight {
  segment: DimensionValues;
  weight: number;
  /** Counted contacts of the segment in the pool. */
  contacts: number;
}

/** The driver's weight and the counted contacts of each breakdown segment in the pool, in key order. */
function segmentWeights(
  driver: AllocationDriver,
  filter: SegmentFilter,
  breakdown: readonly Dimension[],
  rows: readonly FineRow[],
): SegmentWeight[] {
  const weights = new Map<string, SegmentWeight>();
  for (const row of rows) {
    if (!matches(filter, row.values)) continue;
    const key = segmentKey(breakdown, row.values);
    const entry = weights.get(key) ?? { segment: project(breakdown, row.values), weight: 0, contacts: 0 };
    entry.weight += weightOf(driver, row);
    entry.contacts += row.measures.contacts;
    weights.set(key, entry);
  }
  if (driver.kind === 'equal') for (const entry of weights.values()) entry.weight = entry.weight > 0 ? 1 : 0;
  return [...weights.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, e]) => e);
}

function weightOf(driver: AllocationDriver, row: FineRow): number {
  switch (driver.kind) {
    case 'handle_time':
      return row.measures.occupiedSeconds;
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
  fallback: AllocationDriver | undefined,
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
    const parts = allocate(
      shares[i] as Decimal,
      sub,
      { kind: 'handle_time' },
      breakdown,
      rows,
      scale,
      fallback,
    );
    return parts.map((p) => ({ ...p, driver }));
  });
}
