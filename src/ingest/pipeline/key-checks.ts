import type { Engine } from '../../engine/engine.js';
import { ident } from '../mapping/sql.js';
import { allRows } from './candidates.js';
import type { CompiledFile } from './compile.js';

/**
 * Whether two of the rows the fast path writes may share a key (it writes without looking), in the
 * staging engine over `rows`: the staged rows, or where the staging engine is the store the rows
 * the import just added. Distinct 64-bit hashes are cheap to count; equal keys always collide, so
 * "no" is certain, and a rare false "yes" only costs the checked path.
 */
export async function keysMayRepeat(
  staging: Engine,
  rows: string,
  keys: readonly string[],
): Promise<boolean> {
  const [row] = await staging.query(
    `SELECT count(*) AS n, count(DISTINCT hash(${keys.map(ident).join(', ')})) AS d FROM ${rows}`,
  );
  return Number(row?.d) < Number(row?.n);
}

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
