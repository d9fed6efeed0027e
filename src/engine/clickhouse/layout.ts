import type { TableDef } from '../schema.js';

/**
 * How a table is laid out in MergeTree: partitions (the unit an import swaps in), the sort order
 * (what the report's scans filter and group by first) and, on a cluster, the shard a row goes to.
 * Derived from the table's name and definition, so frozen migrations get the same layout every time.
 */
export interface TableLayout {
  /** The partition expression, or null for one partition (`tuple()`). */
  partitionBy: string | null;
  orderBy: readonly string[];
  /** The Distributed table's sharding expression. */
  shardBy: string;
}

/**
 * Contacts and volumes are scanned by time range per channel: monthly partitions prune the range,
 * the sort order keeps a channel's rows together in time. A customer's contacts share a shard, so
 * repeat contacts are found on each shard alone. Small tables keep one partition, sorted by key.
 */
const LAYOUTS: Record<string, TableLayout> = {
  contacts: {
    partitionBy: 'toYYYYMM(`arrived_at`)',
    orderBy: ['channel', 'arrived_at'],
    shardBy: 'cityHash64(ifNull(`customer`, `id`))',
  },
  volumes: {
    partitionBy: 'toYYYYMM(`interval_start`)',
    orderBy: ['channel', 'interval_start'],
    shardBy: 'cityHash64(`source`, `channel`)',
  },
};

export function layoutOf(table: TableDef): TableLayout {
  const known = LAYOUTS[table.name];
  if (known) return known;
  // Sort keys cannot be Nullable on every server: only the key's NOT NULL columns sort.
  const orderBy = table.key.filter((k) => table.columns.some((c) => c.name === k && !c.nullable));
  return { partitionBy: null, orderBy, shardBy: 'rand()' };
}
