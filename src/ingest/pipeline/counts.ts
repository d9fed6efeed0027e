import type { Engine } from '../../engine/engine.js';
import { ident, lit } from '../mapping/sql.js';
import type { CompiledFile } from './compile.js';

/** What the counting pass learns about one file. */
export interface FileCounts {
  read: number;
  skipped: ReadonlyMap<string, number>;
  /** Rows not skipped, and how many distinct keys they hold: fewer keys means duplicates. */
  keyed: number;
  distinctKeys: number;
}

/** Counts one file's rows, its rows per skip rule and (ungrouped) its distinct keys, in one pass. */
export async function countFile(
  engine: Engine,
  file: CompiledFile,
  keyColumns: readonly string[],
): Promise<FileCounts> {
  const reasons = file.skipReasons;
  const keys = keyColumns.map(ident).join(', ');
  const skipCounts = reasons.map((r, j) => `count(*) FILTER (WHERE __skip = ${lit(r)}) AS s${j}`);
  const keyCounts = file.grouped
    ? []
    : [
        'count(*) FILTER (WHERE __skip IS NULL) AS keyed',
        `count(DISTINCT (${keys})) FILTER (WHERE __skip IS NULL) AS distinct_keys`,
      ];
  const [row] = await engine.query(
    `SELECT ${['count(*) AS n', ...skipCounts, ...keyCounts].join(', ')} FROM (${file.rows({ rec: false, errors: false })})`,
  );
  return {
    read: Number(row?.n ?? 0),
    skipped: new Map(reasons.map((r, j) => [r, Number(row?.[`s${j}`] ?? 0)])),
    keyed: Number(row?.keyed ?? 0),
    distinctKeys: Number(row?.distinct_keys ?? 0),
  };
}

/** Rows skipped per rule over all files, leaving out rules that matched nothing. */
export function skippedByRule(counts: readonly FileCounts[]): { reason: string; rows: number }[] {
  const totals = new Map<string, number>();
  for (const c of counts)
    for (const [reason, n] of c.skipped) totals.set(reason, (totals.get(reason) ?? 0) + n);
  return [...totals].filter(([, rows]) => rows > 0).map(([reason, rows]) => ({ reason, rows }));
}

export function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
