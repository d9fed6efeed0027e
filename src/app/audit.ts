import type { Engine } from '../engine/engine.js';
import { and, cmp, column, eq, literal } from '../engine/query.js';
import { aggregateRows, selectRows } from '../engine/run-query.js';
import { AUDIT_TABLE } from '../engine/schema.js';
import { withWriteHooks } from '../engine/write-hooks.js';
import { auditText } from '../report/audit-text.js';
import type { Workspace } from '../workspace/workspace.js';
import type { Actor } from './actor.js';
import { operation, viewOutput } from './operation.js';
import { parseRequest } from './request.js';
import { type AuditAction, type AuditRequest, auditRequest } from './requests/audit.js';
import { type WorkspaceTotals, workspaceTotals } from './workspace-totals.js';

/** One write: who, when, what, and what the workspace held before and after it. */
export interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  actorRole: string | null;
  actorToken: string | null;
  action: AuditAction;
  /** What the write touched: a cost line's or token's id, an import's files. */
  target: string | null;
  details: unknown;
  totalsBefore: WorkspaceTotals | null;
  totalsAfter: WorkspaceTotals | null;
}

export interface AuditedWrite<T> {
  action: AuditAction;
  /** The write itself, inside the transaction; returns its result and what to record about it. */
  work: () => Promise<{ result: T; target: string | null; details: unknown }>;
}

/**
 * Runs a write in one transaction together with its audit entry, so that a write is never without
 * its record and a failed write leaves neither. Totals are read in the same transaction.
 */
export async function audited<T>(engine: Engine, actor: Actor, write: AuditedWrite<T>): Promise<T> {
  const describe = (done: unknown) => {
    const { target, details } = done as Awaited<ReturnType<AuditedWrite<T>['work']>>;
    return { action: write.action, target, details };
  };
  return (await auditing(engine, actor, describe).transaction(write.work)).result;
}

/** What to record of a write, from its result. */
export type Describe = (result: unknown) => {
  action: AuditAction;
  target: string | null;
  details: unknown;
};

/**
 * The engine as a write sees it: every transaction and every change set it runs (an importer opens
 * its own) also records the audit entry, with the workspace's totals before and after. Where change
 * sets are transactions the entry commits with the write; where they are partition swaps (ClickHouse,
 * no transactions) it is appended as soon as the change set has landed.
 */
export function auditing(engine: Engine, actor: Actor, describe: Describe): Engine {
  const record = async <T>(write: () => Promise<T>): Promise<T> => {
    const before = await workspaceTotals(engine);
    const result = await write();
    await appendAudit(engine, actor, { ...describe(result), before });
    return result;
  };
  return withWriteHooks(engine, {
    transaction: (work) => engine.transaction(() => record(work)),
    changeSet: (id, work) => record(() => engine.changeSet(id, work)),
  });
}

/** Appends an audit entry inside the caller's transaction, with the totals as they are now as "after". */
export async function appendAudit(
  engine: Engine,
  actor: Actor,
  entry: { action: AuditAction; target: string | null; details: unknown; before: WorkspaceTotals },
): Promise<void> {
  const after = await workspaceTotals(engine);
  const [last] = await aggregateRows(engine, {
    from: AUDIT_TABLE.name,
    groupBy: [],
    aggregates: [{ name: 'seq', fn: 'max', expr: column('seq') }],
  });
  const seq = Number(last?.seq ?? 0) + 1;
  await engine.append(AUDIT_TABLE, [
    [
      seq,
      new Date(),
      actor.name,
      actor.role,
      actor.tokenId,
      entry.action,
      entry.target,
      JSON.stringify(entry.details ?? null),
      JSON.stringify(entry.before),
      JSON.stringify(after),
    ],
  ]);
}

export * from './requests/audit.js';

export interface AuditView {
  entries: AuditEntry[];
  /** Pass as `before` for the next page; null on the last page. */
  next: number | null;
}

/** The audit log, newest first. */
export async function listAudit(workspace: Workspace, request: AuditRequest = {}): Promise<AuditView> {
  const r = parseRequest(auditRequest, request);
  const conditions = [
    ...(r.action ? [eq(column('action'), literal(r.action))] : []),
    ...(r.before ? [cmp('<', column('seq'), literal(r.before))] : []),
  ];
  const rows = await selectRows(workspace.engine, {
    from: AUDIT_TABLE.name,
    columns: AUDIT_TABLE.columns.map((c) => ({ name: c.name, expr: column(c.name) })),
    ...(conditions.length > 0 ? { where: and(...conditions) } : {}),
    orderBy: [column('seq')],
  });
  const newest = rows.reverse().slice(0, r.limit + 1);
  const entries = newest.slice(0, r.limit).map(entryOf);
  return { entries, next: newest.length > r.limit ? (entries.at(-1)?.seq ?? null) : null };
}

function entryOf(row: Record<string, unknown>): AuditEntry {
  const json = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : null);
  return {
    seq: Number(row.seq),
    at: (row.at as Date).toISOString(),
    actor: String(row.actor),
    actorRole: (row.actor_role as string | null) ?? null,
    actorToken: (row.actor_token as string | null) ?? null,
    action: row.action as AuditAction,
    target: (row.target as string | null) ?? null,
    details: json(row.details),
    totalsBefore: json(row.totals_before),
    totalsAfter: json(row.totals_after),
  };
}

export const auditOperation = operation({
  name: 'audit',
  summary: 'The audit log of writes (imports, cost edits, token and config changes), newest first',
  request: auditRequest,
  run: listAudit,
  output: viewOutput(listAudit, ['table'], (view) => auditText(view), auditRequest),
});
