import { importFiles } from '../ingest/import-files.js';
import type { ImportSummary } from '../ingest/pipeline/summary.js';
import type { Workspace } from '../workspace/workspace.js';
import type { Actor } from './actor.js';
import { auditing } from './audit.js';
import { parseRequest } from './request.js';
import { type ImportRequest, importRequest } from './requests/import.js';

export * from './requests/import.js';

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
  // The importer opens its own transaction (or change set); the audit entry goes into it.
  const engine = auditing(workspace.engine, actor, (result) => {
    const summary = ([result] as unknown[]).flat().find(isSummary);
    return {
      action: 'import',
      target: `${r.kind}: ${shownFiles.join(', ')}`,
      details: summary && { ...summary, files: shownFiles },
    };
  });
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

function isSummary(value: unknown): value is ImportSummary {
  return typeof value === 'object' && value !== null && 'read' in value && 'imported' in value;
}
