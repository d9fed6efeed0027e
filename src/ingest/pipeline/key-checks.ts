import type { Engine } from '../../engine/engine.js';
import { ident, lit } from '../mapping/sql.js';
import type { Target } from '../targets/target.js';
import { allRows } from './candidates.js';
import type { CompiledFile } from './compile.js';

/**
 * Whether two stored records of a source may share a key (the fast path wrote without looking).
 * Distinct 64-bit hashes are cheap to count; equal keys always collide, so "no" is certain, and a
 * rare false "yes" only costs the checked path.
 */
export async function storedKeysMayRepeat(
  engine: Engine,
  target: Target,
  source: string,
  keys: readonly string[],
): Promise<boolean> {
  const where = target.sourced ? `WHERE source = ${lit(source)}` : '';
  const [row] = await engine.query(
    `SELECT count(*) AS n, count(DISTINCT hash(${keys.map(ident).join(', ')})) AS d FROM ${ident(target.table.name)} ${where}`,
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
