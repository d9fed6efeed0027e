import { z } from 'zod';
import type { Engine } from '../engine/engine.js';
import { importFiles } from '../ingest/import-files.js';
import type { ImportSummary } from '../ingest/pipeline/summary.js';
import { IMPORT_KINDS } from '../ingest/targets/target.js';
import type { Workspace } from '../workspace/workspace.js';
import type { Actor } from './actor.js';
import { appendAudit } from './audit.js';
import { dimensionValue, oneOf } from './params.js';
import { parseRequest } from './request.js';
import { workspaceTotals } from './workspace-totals.js';

const name = (what: string) => dimensionValue.min(1, { error: () => `expected ${what}` });

/** What a user chooses about an import (the files come separately: paths, or an HTTP upload). */
export const importOptions = z.strictObject({
  kind: oneOf(IMPORT_KINDS).describe(
    'what the files hold: contacts, volumes, costs, fx, agents or agent-time',
  ),
  preset: name('a preset name')
    .optional()
    .describe('a known export layout (see percontact import presets); default generic'),
  source: name('a source name')
    .optional()
    .describe('name the rows are stored under; re-importing replaces rows of the same source'),
  timezone: name('an IANA time zone')
    .optional()
    .describe('IANA time zone of local times in the files (default: the workspace zone)'),
  interval: name('an interval length')
    .optional()
    .describe('volumes: interval length when the file has none (15m, 30m, 1h, day, week, month)'),
  skipInvalid: z
    .boolean({ error: () => 'expected true or false' })
    .default(false)
    .describe('import the good rows and list the rejected ones (default: all or nothing)'),
  replace: z
    .boolean({ error: () => 'expected true or false' })
    .default(false)
    .describe('replace stored rows that came from other files (without it such an import is refused)'),
});
export type ImportOptions = z.input<typeof importOptions>;

export const importRequest = importOptions.extend({
  files: z.array(z.string().min(1)).min(1, { error: () => 'give at least one file to import' }),
  /** A mapping file (YAML), instead of a preset. */
  mapping: z.string().min(1).optional(),
  /** Where skipInvalid writes the rejected rows (default: the workspace's rejects folder). */
  rejects: z.string().min(1).optional(),
  /** The files' names as the user knows them (an upload's original names), for the audit log. */
  fileNames: z.array(z.string()).optional(),
});
export type ImportRequest = z.input<typeof importRequest>;

/**
 * Imports files, all or nothing (or the good rows with skipInvalid), and records the import in the
 * audit log inside the import's own transaction: the entry and the rows land together or not at all.
 */
export async function importData(
  workspace: Workspace,
  actor: Actor,
  request: ImportRequest,
  onPhase?: (phase: string) => void,
): Promise<ImportSummary> {
  const r = parseRequest(importRequest, request);
  const shownFiles = r.fileNames ?? r.files;
  const engine = auditingTransactions(workspace.engine, actor, (summary) => ({
    target: `${r.kind}: ${shownFiles.join(', ')}`,
    details: summary && { ...summary, files: shownFiles },
  }));
  const summary = await importFiles(
    { ...workspace, engine },
    {
      kind: r.kind,
      files: r.files,
      ...(r.mapping ? { mappingFile: r.mapping } : {}),
      ...(r.preset ? { preset: r.preset } : {}),
      ...(r.source ? { source: r.source } : {}),
      ...(r.timezone ? { timeZone: r.timezone } : {}),
      ...(r.interval ? { interval: r.interval } : {}),
      skipInvalid: r.skipInvalid,
      replace: r.replace,
      ...(r.rejects ? { rejectsPath: r.rejects } : {}),
      ...(onPhase ? { onPhase } : {}),
    },
  );
  return { ...summary, files: shownFiles };
}

/**
 * The engine as the importer sees it: the same, except that each transaction also appends the audit
 * entry just before it commits (the importer opens its own transaction; this puts the entry in it).
 */
function auditingTransactions(
  engine: Engine,
  actor: Actor,
  describe: (summary: ImportSummary | undefined) => { target: string; details: unknown },
): Engine {
  const transaction = <T>(work: () => Promise<T>): Promise<T> =>
    engine.transaction(async () => {
      const before = await workspaceTotals(engine);
      const result = await work();
      // The importer's transaction gives its summaries (one per import it runs together).
      const summary = ([result] as unknown[]).flat().find(isSummary);
      await appendAudit(engine, actor, { action: 'import', ...describe(summary), before });
      return result;
    });
  return new Proxy(engine, {
    get(target, key) {
      if (key === 'transaction') return transaction;
      const value = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

function isSummary(value: unknown): value is ImportSummary {
  return typeof value === 'object' && value !== null && 'read' in value && 'imported' in value;
}
