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

/** How candidates meet stored records with their key. */
export interface MergeMode {
  merge: 'replace' | 'enrich';
  /** With `enrich`: the columns it may update (default all). */
  enrich?: readonly string[];
  /**
   * Called before changed records replace stored ones, with the staged table (`__status`,
   * `__stored_import`: the import that wrote the stored record); it may refuse by throwing.
   */
  beforeReplace?: (staged: string) => Promise<void>;
}

/** Which import wrote a row: not part of what the row says, so never a reason to rewrite it. */
const BOOKKEEPING = new Set(['import_id']);

/**
 * Candidates against stored rows with the same key (within `source`; null: none can match): equal
 * ones are duplicates; `replace` deletes and re-inserts changed ones; `enrich` updates a stored
 * record's columns (those listed in `enrich`, default all) where the new value is not empty, and the
 * record stays the earlier import's. New keys are inserted either way.
 */
export async function mergeStored(
  engine: Engine,
  target: Target,
  candidates: string,
  mode: MergeMode,
  source: string | null,
): Promise<MergeResult> {
  const table = ident(target.table.name);
  const staged = STAGED;
  const names = target.table.columns.map((c) => c.name);
  const columns = names.map(ident);
  const updates = (name: string) =>
    !BOOKKEEPING.has(name) &&
    (mode.enrich === undefined || mode.enrich.includes(name) || target.table.key.includes(name));
  const merged = names.map((name, i) => {
    const c = columns[i] as string;
    if (mode.merge === 'replace') return `c.${c}`;
    return updates(name) ? `coalesce(c.${c}, t.${c})` : `CASE WHEN t.__present THEN t.${c} ELSE c.${c} END`;
  });
  const compared = names.flatMap((name, i) => (BOOKKEEPING.has(name) ? [] : [i]));
  const mergedRow = compared.map((i) => merged[i] as string).join(', ');
  const storedRow = compared.map((i) => `t.${columns[i]}`).join(', ');
  const inScope = source === null ? 'FALSE' : scope(target, source, 't');
  await engine.execute(`CREATE OR REPLACE TEMP TABLE ${staged} AS
    SELECT c.__legs, ${merged.map((expr, i) => `${expr} AS ${columns[i]}`).join(', ')}, t.import_id AS __stored_import,
      CASE WHEN t.__present IS NULL THEN 'new'
           WHEN ROW(${mergedRow}) IS NOT DISTINCT FROM ROW(${storedRow}) THEN 'same'
           ELSE 'changed' END AS __status
    FROM ${candidates} c LEFT JOIN (SELECT *, TRUE AS __present FROM ${table} t WHERE ${inScope}) t ON ${keysEqual(target, 't', 'c')}`);
  const counts = await engine.query(
    `SELECT __status AS status, sum(__legs) AS legs, count(*) AS records FROM ${staged} GROUP BY 1`,
  );
  const by = (status: string, what: 'legs' | 'records') =>
    Number(counts.find((r) => r.status === status)?.[what] ?? 0);
  if (by('changed', 'records') > 0) {
    await mode.beforeReplace?.(staged);
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

const STAGED = '__ingest_candidates';
