import type { Dimension } from '../model/contact.js';

/** Values of a row's dimensions; null where the contact has none. */
export type DimensionValues = Partial<Record<Dimension, string | null>>;

/** A stable key for a combination of dimension values. */
export function segmentKey(dimensions: readonly Dimension[], values: DimensionValues): string {
  return JSON.stringify(dimensions.map((d) => values[d] ?? null));
}

export function project(dimensions: readonly Dimension[], values: DimensionValues): DimensionValues {
  const out: DimensionValues = {};
  for (const d of dimensions) out[d] = values[d] ?? null;
  return out;
}

/** The dimensions a cost line is direct to, with their values. */
export type SegmentFilter = ReadonlyMap<Dimension, string>;

export function matches(filter: SegmentFilter, values: DimensionValues): boolean {
  for (const [d, v] of filter) if (values[d] !== v) return false;
  return true;
}
