import type { Engine } from '../../engine/engine.js';
import { ident } from '../mapping/sql.js';
import type { Target } from '../targets/target.js';
import { allRows, EXCLUDED, keysEqual, rowsEqual } from './candidates.js';
import type { CompiledFile } from './compile.js';

/** A row set aside because an earlier row of the same import has its key (or clashes with it). */
export interface Excluded {
  file: number;
  rec: number;
  kind: 'duplicate' | 'conflict';
  firstFile: number;
  firstRec: number;
}

/**
 * Finds rows whose key an earlier valid row of the same import already has: identical ones are
 * duplicates (skipped), different ones conflicts (rejected: which one is right is not ours to guess).
 * Targets with a `clash` rule (overlapping volume intervals) also reject later rows that clash with
 * an earlier one. The result goes to a temporary table the candidates leave out.
 */
export async function findInImportDuplicates(
  engine: Engine,
  files: readonly CompiledFile[],
  target: Target,
  keyColumns: readonly string[],
): Promise<Excluded[]> {
  const valid = '__ingest_valid';
  const keys = keyColumns.map(ident).join(', ');
  const rows = allRows(files, { rec: true, errors: false });
  const duplicatedKeys = `SELECT ${keys} FROM ${rows} WHERE __ok AND __skip IS NULL GROUP BY ALL HAVING count(*) > 1`;
  const onKeys = keysEqual(target, 'r', 'k', keyColumns);
  const clashFilter = target.clash ? '' : `AND EXISTS (SELECT 1 FROM (${duplicatedKeys}) k WHERE ${onKeys})`;
  await engine.execute(
    `CREATE OR REPLACE TEMP TABLE ${valid} AS SELECT * FROM ${rows} r WHERE __ok AND __skip IS NULL ${clashFilter}`,
  );
  const sameKey = keysEqual(target, 'a', 'b', keyColumns);
  const earlier = '(a.__file < b.__file OR (a.__file = b.__file AND a.__rec < b.__rec))';
  const clash = target.clash ? ` OR (${target.clash('a', 'b')})` : '';
  const found = await engine.query(`
    SELECT b.__file AS file, b.__rec AS rec,
      arg_min(CASE WHEN ${sameKey} AND ${rowsEqual(target, 'a', 'b')} THEN 'duplicate' ELSE 'conflict' END, [a.__file, a.__rec]) AS kind,
      min(a.__file) AS first_file, arg_min(a.__rec, [a.__file, a.__rec]) AS first_rec
    FROM ${valid} a JOIN ${valid} b ON ((${sameKey})${clash}) AND ${earlier}
    GROUP BY b.__file, b.__rec ORDER BY 1, 2`);
  await engine.execute(`DROP TABLE IF EXISTS ${valid}`);
  const excluded = found.map((r) => ({
    file: Number(r.file),
    rec: Number(r.rec),
    kind: r.kind as Excluded['kind'],
    firstFile: Number(r.first_file),
    firstRec: Number(r.first_rec),
  }));
  await storeExcluded(engine, excluded);
  return excluded;
}

async function storeExcluded(engine: Engine, excluded: readonly Excluded[]): Promise<void> {
  await engine.execute(`CREATE OR REPLACE TEMP TABLE ${EXCLUDED} (file BIGINT, rec BIGINT)`);
  await engine.append(
    {
      name: EXCLUDED,
      key: ['file', 'rec'],
      columns: [
        { name: 'file', type: 'integer', nullable: false },
        { name: 'rec', type: 'integer', nullable: false },
      ],
    },
    excluded.map((x) => [x.file, x.rec]),
  );
}
