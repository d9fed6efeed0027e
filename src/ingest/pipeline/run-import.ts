import { randomUUID } from 'node:crypto';
import { assertTimeZone } from '../../calendar/time-zone.js';
import type { Engine } from '../../engine/engine.js';
import { UserError } from '../../errors.js';
import type { Workspace } from '../../workspace/workspace.js';
import type { Mapping } from '../mapping/schema.js';
import type { ImportKind, TargetContext } from '../targets/target.js';
import { TARGETS } from '../targets/targets.js';
import { Importer, type ImportPlan, Retry, StrictStop } from './importer.js';
import { sourceName } from './source-name.js';
import type { ImportSummary } from './summary.js';

export interface ImportRequest {
  kind: ImportKind;
  files: readonly string[];
  mapping: Mapping;
  /** The preset name or mapping file, for the summary and the import log. */
  mappingName: string;
  source?: string;
  timeZone?: string;
  /** Interval length for volume files without one. */
  interval?: string;
  skipInvalid: boolean;
  /** Replace stored rows that came from other files (otherwise such an import is refused). */
  replace?: boolean;
  rejectsPath?: string;
  /** Called when a phase starts; the engine's `progress()` tells how far a phase has got. */
  onPhase?: (phase: string) => void;
}

/**
 * Imports files into a workspace in one transaction: either every good row lands (and with
 * --skip-invalid the rejected rows are listed in the rejects file) or, in strict mode with any
 * problem, nothing changes. The engine parses and checks the files itself; rows are traced back to
 * their lines only when something is wrong. When the data surprises the chosen plan (a CSV the
 * engine cannot parse, duplicate keys on the fast path) the transaction is rolled back and run
 * again with a revised plan.
 */
export async function runImport(workspace: Workspace, request: ImportRequest): Promise<ImportSummary> {
  const { engine, config } = workspace;
  if (!engine.dialect.capabilities.bulkFileScan) {
    throw new UserError('USAGE', `importing files into ${engine.dialect.displayName} is not supported yet`);
  }
  const target = TARGETS[request.kind];
  if (request.mapping.group && !target.grouping)
    throw new UserError('USAGE', `mapping: ${target.kind} rows cannot be grouped`);
  const source = target.sourced
    ? await sourceName(engine, target.kind, request.files, {
        request: request.source,
        mapping: request.mapping.source,
      })
    : target.kind;
  const ctx: TargetContext = {
    source,
    importId: randomUUID(),
    timeZone: assertTimeZone(request.timeZone ?? request.mapping.timezone ?? config.timezone),
    currency: config.currency,
    limits: config.plausibility,
    stored: await storedTables(engine),
    ...(request.interval ? { interval: request.interval } : {}),
  };
  const plan: ImportPlan = { scripted: new Set(), analyse: false };
  // Row order only matters where records are numbered; those queries turn it back on.
  await engine.execute('SET preserve_insertion_order = false');
  const restoreMemory = await limitMemory(engine);
  try {
    for (;;) {
      const importer = new Importer(workspace, request, target, ctx, plan);
      try {
        await importer.open();
        return await engine.transaction(() => importer.run());
      } catch (error) {
        await engine.execute('RESET disabled_optimizers');
        // Listing a strict import's problems reads every row: a later malformed record can still
        // send it round again, with that file read record by record.
        const next = error instanceof StrictStop ? await importer.refusal().catch((e: unknown) => e) : error;
        if (!(next instanceof Retry)) throw next;
        await next.revise(plan);
      } finally {
        await importer.close();
      }
    }
  } finally {
    await engine.execute('RESET preserve_insertion_order; RESET disabled_optimizers');
    await restoreMemory();
  }
}

/** The engine's memory while importing: enough to stream, so that memory does not grow with the file. */
export const IMPORT_MEMORY_LIMIT_MB = 256;

/** Lowers the engine's memory limit for the import (it spills or evicts beyond); returns how to undo it. */
async function limitMemory(engine: Engine): Promise<() => Promise<void>> {
  const [row] = await engine.query("SELECT current_setting('memory_limit') AS limit");
  const previous = String(row?.limit ?? '');
  await engine.execute(`SET memory_limit = '${IMPORT_MEMORY_LIMIT_MB}MB'`);
  return async () => {
    if (/^[\d.]+ ?[KMGT]i?B$/i.test(previous)) await engine.execute(`SET memory_limit = '${previous}'`);
    else await engine.execute('RESET memory_limit');
  };
}

async function storedTables(engine: Engine): Promise<TargetContext['stored']> {
  const rows = await engine.query(
    'SELECT EXISTS (SELECT 1 FROM contacts) AS contacts, EXISTS (SELECT 1 FROM volumes) AS volumes',
  );
  return { contacts: rows[0]?.contacts === true, volumes: rows[0]?.volumes === true };
}
