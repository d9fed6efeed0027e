import type { Engine } from '../../engine/engine.js';
import { ident, lit } from '../mapping/sql.js';
import type { Target } from '../targets/target.js';
import { keysEqual } from './candidates.js';

export interface MergeResult {
  /** Rows (legs) behind the records written (new or changed). */
  importedRows: number;
  /** Rows behind records already stored exactly so. */
  unchangedRows: number;
  written: number;
  replaced: number;
}

/** The stored rows an import can replace: its source's rows, or the whole table for unsourced targets. */
function scope(target: Target, source: string, alias: string): string {
  return target.sourced ? `${alias}.source = ${lit(source)}` : 'TRUE';
}

export async function hasStoredRows(engine: Engine, target: Target, source: string): Promise<boolean> {
  const rows = await engine.query(
    `SELECT EXISTS (SELECT 1 FROM ${ident(target.table.name)} t WHERE ${scope(target, source, 't')}) AS x`,
  );
  return rows[0]?.x === true;
}

/** Nothing stored yet in scope: every candidate is new and goes in with one streaming INSERT. */
export async function insertAll(engine: Engine, target: Target, candidates: string): Promise<MergeResult> {
  const columns = target.table.columns.map((c) => ident(c.name)).join(', ');
  const rows = await engine.query(
    `INSERT INTO ${ident(target.table.name)} (${columns}) SELECT ${columns} FROM ${candidates}`,
  );
  const written = Number(rows[0]?.Count ?? 0);
  return { importedRows: written, unchangedRows: 0, written, replaced: 0 };
}

/** Grouped candidates stand for several rows each: counted through the staged merge, with nothing stored in scope. */
export async function insertGrouped(
  engine: Engine,
  target: Target,
  candidates: string,
): Promise<MergeResult> {
  return mergeStored(engine, target, candidates, { merge: 'replace' }, null);
}

/**
 * Candidates against stored rows with the same key (within `source`; null: none can match): equal
 * ones are duplicates; `replace` deletes and re-inserts changed ones; `enrich` updates a stored
 * record's columns (those listed in `enrich`, default all) where the new value is not empty. New keys
 * are inserted either way.
 */
export async function mergeStored(
  engine: Engine,
  target: Target,
  candidates: string,
  mode: { merge: 'replace' | 'enrich'; enrich?: readonly string[] },
  source: string | null,
): Promise<MergeResult> {
  const table = ident(target.table.name);
  const staged = '__ingest_candidates';
  const names = target.table.columns.map((c) => c.name);
  const columns = names.map(ident);
  const updates = (name: string) =>
    mode.enrich === undefined || mode.enrich.includes(name) || target.table.key.includes(name);
  const merged = names.map((name, i) => {
    const c = columns[i] as string;
    if (mode.merge === 'replace') return `c.${c}`;
    return updates(name) ? `coalesce(c.${c}, t.${c})` : `CASE WHEN t.__present THEN t.${c} ELSE c.${c} END`;
  });
  const inScope = source === null ? 'FALSE' : scope(target, source, 't');
  await engine.execute(`CREATE OR REPLACE TEMP TABLE ${staged} AS
    SELECT c.__legs, ${merged.map((expr, i) => `${expr} AS ${columns[i]}`).join(', ')},
      CASE WHEN t.__present IS NULL THEN 'new'
           WHEN ROW(${merged.join(', ')}) IS NOT DISTINCT FROM ROW(${columns.map((c) => `t.${c}`).join(', ')}) THEN 'same'
           ELSE 'changed' END AS __status
    FROM ${candidates} c LEFT JOIN (SELECT *, TRUE AS __present FROM ${table} t WHERE ${inScope}) t ON ${keysEqual(target, 't', 'c')}`);
  const counts = await engine.query(
    `SELECT __status AS status, sum(__legs) AS legs, count(*) AS records FROM ${staged} GROUP BY 1`,
  );
  const by = (status: string, what: 'legs' | 'records') =>
    Number(counts.find((r) => r.status === status)?.[what] ?? 0);
  if (by('changed', 'records') > 0) {
    await engine.execute(
      `DELETE FROM ${table} t WHERE ${inScope} AND EXISTS (SELECT 1 FROM ${staged} c WHERE c.__status = 'changed' AND ${keysEqual(target, 't', 'c')})`,
    );
  }
  await engine.execute(
    `INSERT INTO ${table} (${columns.join(', ')}) SELECT ${columns.join(', ')} FROM ${staged} WHERE __status <> 'same'`,
  );
  await engine.execute(`DROP TABLE ${staged}`);
  return {
    importedRows: by('new', 'legs') + by('changed', 'legs'),
    unchangedRows: by('same', 'legs'),
    written: by('new', 'records') + by('changed', 'records'),
    replaced: by('changed', 'records'),
  };
}
