import { randomUUID } from 'node:crypto';
import { assertTimeZone } from '../../calendar/time-zone.js';
import type { Engine } from '../../engine/engine.js';
import { literal } from '../../engine/query.js';
import { selectRows } from '../../engine/run-query.js';
import { CONTACTS_TABLE, VOLUMES_TABLE } from '../../engine/schema.js';
import { UserError } from '../../errors.js';
import type { Workspace } from '../../workspace/workspace.js';
import type { Mapping } from '../mapping/schema.js';
import type { ImportKind, Target, TargetContext } from '../targets/target.js';
import { TARGETS } from '../targets/targets.js';
import { Importer, type ImportPlan, Retry, StrictStop } from './importer.js';
import type { Reshape } from './reshape.js';
import { sourceName } from './source-name.js';
import { StoreLink } from './store-link.js';
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
 * Imports files into a workspace in one change set: either every good row lands (and with
 * --skip-invalid the rejected rows are listed in the rejects file) or, in strict mode with any
 * problem, nothing changes. The staging engine parses and checks the files itself; rows are traced
 * back to their lines only when something is wrong. When the data surprises the chosen plan (a CSV
 * the engine cannot parse, duplicate keys on the fast path) the change set is abandoned and the
 * import run again with a revised plan.
 */
export async function runImport(workspace: Workspace, request: ImportRequest): Promise<ImportSummary> {
  const [summary] = await runImports(workspace, [request]);
  return summary as ImportSummary;
}

/**
 * Several imports as one: they run in order in a single change set, so either all of them land
 * or none does (a pull of calls and tickets). A refusal names the import that had the problem.
 * Reads of the store during the batch see it as it was before (or, where the staging engine is the
 * store, with the rows earlier imports added).
 */
export async function runImports(
  workspace: Workspace,
  requests: readonly ImportRequest[],
): Promise<ImportSummary[]> {
  const store = workspace.engine;
  const stored = await storedTables(store, requests);
  const prepared: Prepared[] = [];
  for (const request of requests) prepared.push(await prepare(workspace, request, stored));
  const link = await StoreLink.open(store);
  const staging = link.staging;
  try {
    // Row order only matters where records are numbered; those queries turn it back on. Settings are
    // the whole instance's: with readers beside the import (a server) they stay as they are.
    const tune = link.tunable;
    if (tune) await staging.execute('SET preserve_insertion_order = false');
    const restoreMemory = tune ? await limitMemory(staging) : async () => {};
    try {
      for (;;) {
        const importers = prepared.map(
          (p) => new Importer(workspace, link, p.request, p.target, p.ctx, p.plan),
        );
        let running = 0;
        try {
          for (const importer of importers) await importer.open();
          return await store.changeSet(changeSetId(prepared), async (changes) => {
            const summaries: ImportSummary[] = [];
            for (const [i, importer] of importers.entries()) {
              running = i;
              summaries.push(await importer.run(changes));
            }
            return summaries;
          });
        } catch (error) {
          if (tune) await staging.execute('RESET disabled_optimizers');
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
      if (tune) await staging.execute('RESET preserve_insertion_order; RESET disabled_optimizers');
      await restoreMemory();
    }
  } finally {
    await link.close();
  }
}

/** The change set is named after the batch's first import (identifier characters only). */
function changeSetId(prepared: readonly Prepared[]): string {
  return `import_${(prepared[0]?.ctx.importId ?? 'none').replace(/\W/g, '')}`;
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
  return { request, target, ctx, plan: { scripted: new Set(), encodings: new Map(), analyse: false } };
}

/** The engine's memory while importing: enough to stream, so that memory does not grow with the file. */
export const IMPORT_MEMORY_LIMIT_MB = 256;

/** Lowers the staging engine's memory limit for the import (it spills or evicts beyond); returns how to undo it. */
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
  store: Engine,
  requests: readonly ImportRequest[],
): Promise<TargetContext['stored']> {
  const holds = async (table: string) =>
    (await selectRows(store, { from: table, columns: [{ name: 'x', expr: literal(1) }], limit: 1 })).length >
    0;
  const batch = (kind: ImportKind) => requests.length > 1 && requests.some((r) => r.kind === kind);
  return {
    contacts: (await holds(CONTACTS_TABLE.name)) || batch('contacts'),
    volumes: (await holds(VOLUMES_TABLE.name)) || batch('volumes'),
  };
}
