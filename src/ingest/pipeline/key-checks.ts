import type { Engine } from '../../engine/engine.js';
import type { TableDef } from '../../engine/schema.js';
import { ident } from '../mapping/sql.js';
import { allRows } from './candidates.js';
import type { CompiledFile } from './compile.js';
import { hasFraction, instantColumns } from './whole-seconds.js';

/** Whether the files of one import, taken together, repeat a key. */
export async function keysRepeatAcrossFiles(
  engine: Engine,
  files: readonly CompiledFile[],
  keys: readonly string[],
): Promise<boolean> {
  const [row] = await engine.query(
    `SELECT count(*) AS n, count(DISTINCT (${keys.map(ident).join(', ')})) AS d FROM ${allRows(files, { rec: false, errors: false })} WHERE __skip IS NULL`,
  );
  return Number(row?.d) < Number(row?.n);
}

/**
 * What the fast path wrote (it writes without looking), in one pass over `rows` of the staging
 * engine that reads only the key and instant columns: the rows the import added where the staging
 * engine is the store, else the candidates. Whether two of them may share a key: distinct 64-bit
 * hashes are cheap to count, equal keys always collide, so "no" is certain and a rare false "yes"
 * only costs the checked path. Keys are compared as the store holds them (without
 * `subsecondInstants`, instants cut to the second: two volume intervals may meet), and `fractional`
 * counts the rows such a store cut.
 */
export async function writtenKeys(
  staging: Engine,
  rows: string,
  table: TableDef,
  keys: readonly string[],
  subsecondInstants: boolean,
): Promise<{ mayRepeat: boolean; fractional: number }> {
  const instants = subsecondInstants ? [] : instantColumns(table);
  const stored = keys.map((k) =>
    instants.includes(ident(k)) ? `date_trunc('second', ${ident(k)})` : ident(k),
  );
  const fractional = instants.length > 0 ? `count(*) FILTER (WHERE ${hasFraction(instants)})` : '0';
  const [row] = await staging.query(
    `SELECT count(*) AS n, count(DISTINCT hash(${stored.join(', ')})) AS d, ${fractional} AS f FROM ${rows}`,
  );
  return { mayRepeat: Number(row?.d) < Number(row?.n), fractional: Number(row?.f ?? 0) };
}
