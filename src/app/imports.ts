import { column, eq, literal, type SelectQuery } from '../engine/query.js';
import { aggregateRows, selectRows } from '../engine/run-query.js';
import { IMPORTS_TABLE } from '../engine/schema.js';
import { UserError } from '../errors.js';
import { shortImportId } from '../ingest/pipeline/summary.js';
import type { ImportKind } from '../ingest/targets/target.js';
import { importsText } from '../report/imports-text.js';
import { shownPath, type Workspace } from '../workspace/workspace.js';
import type { Actor } from './actor.js';
import { auditing } from './audit.js';
import { operation, viewOutput } from './operation.js';
import { parseRequest } from './request.js';
import {
  type ListImportsRequest,
  listImportsRequest,
  type RemoveImportRequest,
  removeImportRequest,
} from './requests/imports.js';
import {
  IMPORTED_TABLES,
  type TotalName,
  type WorkspaceTotals,
  workspaceTotals,
} from './workspace-totals.js';

/** One import in the log, and how many of the rows it wrote are still stored. */
export interface ImportEntry {
  id: string;
  /** The id as people type it: its first 8 characters. */
  shortId: string;
  /** When it committed (ISO 8601, UTC). */
  finishedAt: string;
  kind: ImportKind;
  source: string | null;
  files: string[];
  /** The files' SHA-256 digests (`sha256:<hex>`), in the order of `files`; empty before schema 4. */
  checksums: string[];
  mapping: string;
  rowsRead: number;
  /** Records it wrote (new or changed). */
  recordsWritten: number;
  /** Rows in the workspace that carry its id now (later imports may have replaced some). */
  rowsStored: number;
  /** When `imports remove` took its rows out; null while they are stored. */
  removedAt: string | null;
}

export interface ImportsView {
  /** The workspace's time zone, in which people read the imports' times. */
  timezone: string;
  imports: ImportEntry[];
  /** Rows stored before imports were recorded per row (no import id), per kind of row. */
  untracked: Partial<Record<TotalName, number>>;
}

/** The import log, oldest first. */
export async function listImports(ws: Workspace, request: ListImportsRequest = {}): Promise<ImportsView> {
  const r = parseRequest(listImportsRequest, request);
  const stored = await rowsByImport(ws);
  const entries = await logEntries(ws, stored);
  const untracked: ImportsView['untracked'] = {};
  for (const { total } of IMPORTED_TABLES) {
    const n = stored.get(total)?.get(null) ?? 0;
    if (n > 0) untracked[total] = n;
  }
  return {
    timezone: ws.config.timezone,
    imports: entries.filter((e) => r.all || e.removedAt === null),
    untracked,
  };
}

export * from './requests/imports.js';

export interface RemoveImportView {
  /** The workspace's currency (its ledger total comes first). */
  currency: string;
  removed: ImportEntry;
  /** Rows taken out, per kind of row. */
  rows: Partial<Record<TotalName, number>>;
  before: WorkspaceTotals;
  after: WorkspaceTotals;
}

/**
 * Takes out exactly the rows an import stored (those still carrying its id), all of them or none,
 * and marks it removed in the log. Rows a later import replaced belong to that import and stay.
 */
export async function removeImport(
  ws: Workspace,
  actor: Actor,
  request: RemoveImportRequest,
): Promise<RemoveImportView> {
  const r = parseRequest(removeImportRequest, request);
  const entry = findImport((await listImports(ws, { all: true })).imports, r.id);
  const rows: RemoveImportView['rows'] = {};
  // The removal and its audit entry (with the totals before and after) land together.
  const engine = auditing(ws.engine, actor, () => ({
    action: 'import.remove',
    target: entry.id,
    details: { kind: entry.kind, source: entry.source, files: entry.files, rows },
  }));
  const before = await workspaceTotals(engine);
  const ofImport = eq(column('import_id'), literal(entry.id));
  const [logged] = await selectRows(engine, logQuery(entry.id));
  if (!logged) throw new Error(`import ${entry.id} vanished from the log`);
  await engine.changeSet(`remove_${entry.id.replace(/\W/g, '')}`, async (changes) => {
    for (const { table, def, total } of IMPORTED_TABLES) {
      const [counted] = await aggregateRows(engine, {
        from: table,
        where: ofImport,
        groupBy: [],
        aggregates: [{ name: 'n', fn: 'count' }],
      });
      const n = Number(counted?.n ?? 0);
      if (n === 0) continue;
      rows[total] = n;
      await changes.remove(def, ofImport);
    }
    const removedAt = new Date();
    await changes.put(IMPORTS_TABLE, [
      IMPORTS_TABLE.columns.map((c) => (c.name === 'removed_at' ? removedAt : (logged[c.name] ?? null))),
    ]);
  });
  const after = await workspaceTotals(engine);
  const [removed] = await logEntries(ws, await rowsByImport(ws), entry.id);
  return { currency: ws.config.currency, removed: removed ?? entry, rows, before, after };
}

/** Fewer characters than this are too easily a slip for another import's id. */
const MIN_ID_PREFIX = 4;

function findImport(entries: readonly ImportEntry[], id: string): ImportEntry {
  const wanted = id.trim().toLowerCase();
  if (wanted.length < MIN_ID_PREFIX) {
    throw new UserError('USAGE', `import id "${id}": give at least ${MIN_ID_PREFIX} of its characters`, {
      parameter: 'id',
      value: id,
    });
  }
  const matches = entries.filter((e) => e.id.startsWith(wanted));
  const [match] = matches;
  if (!match) {
    throw new UserError('NOT_FOUND', `no import ${id} in the import log`, {
      parameter: 'id',
      value: id,
    });
  }
  if (matches.length > 1) {
    throw new UserError(
      'USAGE',
      `import id ${id} is ambiguous: ${matches.map((e) => e.shortId).join(', ')} begin with it; give more of it`,
      { parameter: 'id', value: id },
    );
  }
  if (match.removedAt !== null) {
    throw new UserError('NOT_FOUND', `import ${match.shortId} was removed already (${match.removedAt})`, {
      parameter: 'id',
      value: id,
    });
  }
  return match;
}

/** Per kind of row: stored rows per import id (null: rows without one). */
async function rowsByImport(ws: Workspace): Promise<Map<TotalName, Map<string | null, number>>> {
  const result = new Map<TotalName, Map<string | null, number>>();
  for (const { table, total } of IMPORTED_TABLES) {
    const rows = await aggregateRows(ws.engine, {
      from: table,
      groupBy: [{ name: 'import_id', expr: column('import_id') }],
      aggregates: [{ name: 'n', fn: 'count' }],
    });
    result.set(total, new Map(rows.map((r) => [(r.import_id as string | null) ?? null, Number(r.n)])));
  }
  return result;
}

async function logEntries(
  ws: Workspace,
  stored: Map<TotalName, Map<string | null, number>>,
  only?: string,
): Promise<ImportEntry[]> {
  const rows = await selectRows(ws.engine, logQuery(only));
  const storedOf = (id: string) => [...stored.values()].reduce((n, byId) => n + (byId.get(id) ?? 0), 0);
  return rows.map((r) => {
    const id = String(r.id);
    return {
      id,
      shortId: shortImportId(id),
      finishedAt: (r.finished_at as Date).toISOString(),
      kind: String(r.kind) as ImportKind,
      source: (r.source as string | null) ?? null,
      files: String(r.files)
        .split('\n')
        .map((f) => shownPath(ws, f)),
      checksums: r.checksum ? String(r.checksum).split('\n') : [],
      mapping: String(r.mapping),
      rowsRead: Number(r.rows_read),
      recordsWritten: Number(r.records_written),
      rowsStored: storedOf(id),
      removedAt: r.removed_at instanceof Date ? r.removed_at.toISOString() : null,
    };
  });
}

/** Every column of the import log, oldest first; one import's row with `id`. */
function logQuery(id?: string): SelectQuery {
  return {
    from: IMPORTS_TABLE.name,
    columns: IMPORTS_TABLE.columns.map((c) => ({ name: c.name, expr: column(c.name) })),
    ...(id === undefined ? {} : { where: eq(column('id'), literal(id)) }),
    orderBy: [column('finished_at'), column('id')],
  };
}

export const listImportsOperation = operation({
  name: 'listImports',
  summary: 'The import log, oldest first: id, when, kind, source, files, checksums and the rows still stored',
  request: listImportsRequest,
  run: listImports,
  output: viewOutput(
    listImports,
    ['table'],
    (view, _format, r) => importsText(view, r.locale),
    listImportsRequest,
  ),
});
