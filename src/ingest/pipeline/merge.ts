import type { Engine } from '../../engine/engine.js';
import { column, type Expr, eq, literal } from '../../engine/query.js';
import { selectRows } from '../../engine/run-query.js';
import { ident } from '../mapping/sql.js';
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
export function scopeOf(target: Target, source: string): Expr | undefined {
  return target.sourced ? eq(column('source'), literal(source)) : undefined;
}

/** Whether the store holds rows in the import's scope (one row read at most). */
export async function hasStoredRows(store: Engine, target: Target, source: string): Promise<boolean> {
  const scope = scopeOf(target, source);
  const rows = await selectRows(store, {
    from: target.table.name,
    columns: [{ name: 'x', expr: literal(1) }],
    ...(scope ? { where: scope } : {}),
    limit: 1,
  });
  return rows.length > 0;
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

/** The staged merge: candidates with their `__status` (new, same, changed) and `__legs`. */
export const STAGED = '__ingest_candidates';

/**
 * Candidates against the stored rows of the import's scope (`stored`, a relation in the staging
 * engine; null: none can match), in the staging engine: equal ones are duplicates; `replace` takes a
 * changed one whole; `enrich` updates a stored record's columns (those listed in `enrich`, default
 * all) where the new value is not empty, and the record stays the earlier import's. What to write
 * is then STAGED's rows whose `__status` is new (added) or changed (put in place of the stored one).
 */
export async function stageMerge(
  staging: Engine,
  target: Target,
  candidates: string,
  mode: MergeMode,
  stored: string | null,
): Promise<MergeResult> {
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
  const storedRows = stored ?? noRows(staging, target);
  await staging.execute(`CREATE OR REPLACE TEMP TABLE ${STAGED} AS
    SELECT c.__legs, ${merged.map((expr, i) => `${expr} AS ${columns[i]}`).join(', ')}, t.import_id AS __stored_import,
      CASE WHEN t.__present IS NULL THEN 'new'
           WHEN ROW(${mergedRow}) IS NOT DISTINCT FROM ROW(${storedRow}) THEN 'same'
           ELSE 'changed' END AS __status
    FROM ${candidates} c LEFT JOIN (SELECT *, TRUE AS __present FROM ${storedRows} t) t ON ${keysEqual(target, 't', 'c')}`);
  const counts = await staging.query(
    `SELECT __status AS status, sum(__legs) AS legs, count(*) AS records FROM ${STAGED} GROUP BY 1`,
  );
  const by = (status: string, what: 'legs' | 'records') =>
    Number(counts.find((r) => r.status === status)?.[what] ?? 0);
  if (by('changed', 'records') > 0) await mode.beforeReplace?.(STAGED);
  return {
    importedRows: by('new', 'legs') + by('changed', 'legs'),
    unchangedRows: by('same', 'legs'),
    written: by('new', 'records') + by('changed', 'records'),
    replaced: by('changed', 'records'),
  };
}

/** A relation with the table's columns and no rows. */
function noRows(staging: Engine, target: Target): string {
  const c = staging.dialect.createCompiler();
  const columns = target.table.columns.map(
    (col) => `CAST(NULL AS ${c.columnType(col.type, true)}) AS ${ident(col.name)}`,
  );
  return `(SELECT ${columns.join(', ')} WHERE FALSE)`;
}

/** The staged rows of one status, as the table's columns. */
export function stagedRows(target: Target, status: 'new' | 'changed' | 'written'): string {
  const columns = target.table.columns.map((c) => ident(c.name)).join(', ');
  const where = status === 'written' ? `__status <> 'same'` : `__status = '${status}'`;
  return `SELECT ${columns} FROM ${STAGED} WHERE ${where}`;
}
