import { randomUUID } from 'node:crypto';
import { assertTimeZone } from '../../calendar/time-zone.js';
import type { Engine } from '../../engine/engine.js';
import { UserError } from '../../errors.js';
import type { Workspace } from '../../workspace/workspace.js';
import type { Mapping } from '../mapping/schema.js';
import type { ImportKind, Target, TargetContext } from '../targets/target.js';
import { TARGETS } from '../targets/targets.js';
import { Importer, type ImportPlan, Retry, StrictStop } from './importer.js';
import type { Reshape } from './reshape.js';
import { sourceName } from './source-name.js';
import type { ImportSummary } from './summary.js';

export interface ImportRequest {
  kind: ImportKind;
  files: readonly string[];
  mapping: Mapping;
  /** The preset name or mapping file, for the summary and the import log. */
  mappingName: string;
  /** Reshapes the files' records before the mapping reads them (a preset's, for nested or joined layouts). */
  reshape?: Reshape;
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
  const [summary] = await runImports(workspace, [request]);
  return summary as ImportSummary;
}

/**
 * Several imports as one: they run in order in a single transaction, so either all of them land
 * or none does (a pull of calls and tickets). A refusal names the import that had the problem.
 */
export async function runImports(
  workspace: Workspace,
  requests: readonly ImportRequest[],
): Promise<ImportSummary[]> {
  const { engine } = workspace;
  if (!engine.dialect.capabilities.bulkFileScan) {
    throw new UserError('USAGE', `importing files into ${engine.dialect.displayName} is not supported yet`);
  }
  const stored = await storedTables(engine, requests);
  const prepared: Prepared[] = [];
  for (const request of requests) prepared.push(await prepare(workspace, request, stored));
  // Row order only matters where records are numbered; those queries turn it back on.
  await engine.execute('SET preserve_insertion_order = false');
  const restoreMemory = await limitMemory(engine);
  try {
    for (;;) {
      const importers = prepared.map((p) => new Importer(workspace, p.request, p.target, p.ctx, p.plan));
      let running = 0;
      try {
        for (const importer of importers) await importer.open();
        return await engine.transaction(async () => {
          const summaries: ImportSummary[] = [];
          for (const [i, importer] of importers.entries()) {
            running = i;
            summaries.push(await importer.run());
          }
          return summaries;
        });
      } catch (error) {
        await engine.execute('RESET disabled_optimizers');
        // Listing a strict import's problems reads every row: a later malformed record can still
        // send it round again, with that file read record by record.
        const next =
          error instanceof StrictStop
            ? await (importers[running] as Importer).refusal().catch((e: unknown) => e)
            : error;
        if (!(next instanceof Retry)) throw next;
        await next.revise((prepared[running] as Prepared).plan);
      } finally {
        for (const importer of importers) await importer.close();
      }
    }
  } finally {
    await engine.execute('RESET preserve_insertion_order; RESET disabled_optimizers');
    await restoreMemory();
  }
}

interface Prepared {
  request: ImportRequest;
  target: Target;
  ctx: TargetContext;
  plan: ImportPlan;
}

async function prepare(
  workspace: Workspace,
  request: ImportRequest,
  stored: TargetContext['stored'],
): Promise<Prepared> {
  const { engine, config } = workspace;
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
    stored,
    ...(request.interval ? { interval: request.interval } : {}),
  };
  return { request, target, ctx, plan: { scripted: new Set(), analyse: false } };
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

/**
 * Which tables hold rows, for the overlap checks: also those an earlier import of the same batch
 * may fill (the checks are then written though they may find nothing).
 */
async function storedTables(
  engine: Engine,
  requests: readonly ImportRequest[],
): Promise<TargetContext['stored']> {
  const rows = await engine.query(
    'SELECT EXISTS (SELECT 1 FROM contacts) AS contacts, EXISTS (SELECT 1 FROM volumes) AS volumes',
  );
  const batch = (kind: ImportKind) => requests.length > 1 && requests.some((r) => r.kind === kind);
  return {
    contacts: rows[0]?.contacts === true || batch('contacts'),
    volumes: rows[0]?.volumes === true || batch('volumes'),
  };
}
