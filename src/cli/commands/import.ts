import type { Command } from 'commander';
import { importRequest } from '../../app/requests/import.js';
import { isUserError, UserError } from '../../errors.js';
import type { ImportSummary } from '../../ingest/pipeline/summary.js';
import { cliActor } from '../actor.js';
import { whereOf, whereOptions } from '../command-options.js';
import { io } from '../io.js';
import { type FlagSpec, requestFlags, requestOf } from '../params.js';
import type { Where } from '../run-operation.js';
import { openCommandWorkspace } from '../workspace.js';

type Kind = 'contacts' | 'volumes' | 'costs' | 'fx' | 'agents' | 'agent-time';

const KINDS: { kind: Kind; what: string; presets: boolean; sourced: boolean }[] = [
  {
    kind: 'contacts',
    what: 'contact records (calls, tickets, chats) from telephony and help-desk exports',
    presets: true,
    sourced: true,
  },
  {
    kind: 'volumes',
    what: 'aggregated counts per interval (offered, handled, abandoned, sums)',
    presets: false,
    sourced: true,
  },
  {
    kind: 'costs',
    what: 'cost-ledger lines (CSV, XLSX, ODS or a YAML ledger)',
    presets: true,
    sourced: false,
  },
  { kind: 'fx', what: 'exchange rates per date into the workspace currency', presets: false, sourced: false },
  {
    kind: 'agents',
    what: 'rate cards: loaded hourly cost per agent or team, with validity dates',
    presets: false,
    sourced: false,
  },
  {
    kind: 'agent-time',
    what: 'staffed and paid time per agent and day (workforce-management export)',
    presets: false,
    sourced: false,
  },
];

/** `percontact import contacts|volumes|costs|fx|agents|agent-time FILE...` and `percontact import presets`. */
export function registerImport(program: Command): void {
  const command = program
    .command('import')
    .description(
      'import contacts, volumes, costs, exchange rates, rate cards (agents) or agent time from CSV, XLSX, ODS, JSON, JSON Lines, Parquet or YAML files, or a PostgreSQL table',
    );
  for (const spec of KINDS) {
    const sub = command
      .command(spec.kind)
      .description(`import ${spec.what}`)
      .argument('[files...]', 'files to import (format recognised from content and name)')
      .option(
        '--from-table <url>',
        'read a PostgreSQL table instead of files: postgres://user@host:port/db?table=[schema.]name (password from PGPASSWORD)',
      );
    const flags: Record<string, string | FlagSpec> = {
      mapping: {
        flags: '--mapping <file>',
        description: 'mapping file (YAML) for files not in the canonical columns',
      },
    };
    if (spec.presets)
      flags.preset = {
        flags: '--preset <name>',
        description: 'a known export layout, see: percontact import presets (default: generic)',
      };
    if (spec.sourced) {
      flags.source = {
        flags: '--source <name>',
        description:
          "name the rows are stored under, each source with its own ids (default: the preset's or mapping's source, else the file name without extension)",
      };
      flags.timezone = '--timezone <tz>';
    }
    if (spec.kind === 'volumes')
      flags.interval = {
        flags: '--interval <length>',
        description: 'interval length when the file has none: 15m, 30m, 1h, day, week, month',
      };
    flags.skipInvalid = {
      flags: '--skip-invalid',
      description: 'import the good rows and write the rejected ones to the rejects file',
    };
    flags.replace = {
      flags: '--replace',
      description: 'replace stored rows with the same keys that came from other files',
    };
    flags.rejects = {
      flags: '--rejects <file>',
      description: 'where --skip-invalid writes rejected rows (default: DIR/rejects/<kind>-<time>.csv)',
    };
    requestFlags(whereOptions(sub), importRequest, flags).action(
      async (files: string[], opts: Record<string, unknown>) => {
        const where = whereOf(opts);
        const table = typeof opts.fromTable === 'string' ? [opts.fromTable] : [];
        if (table.length > 0 && where.server)
          throw new UserError(
            'USAGE',
            '--from-table reads the table from this machine: give --workspace, not --server',
          );
        const request = { ...(await requestOf(sub, opts)), kind: spec.kind, files: [...files, ...table] };
        await runImportCommand(request, where);
      },
    );
  }
  command
    .command('presets')
    .description('list the presets for known export layouts')
    .action(async () => {
      const { PRESETS } = await import('../../ingest/presets/presets.js');
      for (const p of PRESETS) io.out(`${p.kind.padEnd(9)} ${p.name.padEnd(20)} ${p.description}\n`);
    });
}

type ImportCliRequest = Record<string, unknown> & { kind: Kind; files: string[] };

async function runImportCommand(request: ImportCliRequest, where: Where): Promise<void> {
  const { formatSummary } = await import('../../ingest/pipeline/summary.js');
  const started = Date.now();
  // PERCONTACT_TRACE=1: one line per phase on stderr, for diagnostics and tests.
  const trace = process.env.PERCONTACT_TRACE
    ? (phase: string) => io.err(`phase ${phase} +${Date.now() - started} ms\n`)
    : undefined;
  try {
    const summary = where.server
      ? await importOnServer(where.server, request, trace)
      : await importHere(where, request, trace);
    io.out(formatSummary(summary));
  } catch (error) {
    throw withFlagHint(error);
  }
}

/** On the workspace folder: the use case itself, audited as the CLI's user, with a progress bar on a terminal. */
async function importHere(
  where: Where,
  request: ImportCliRequest,
  trace: ((phase: string) => void) | undefined,
): Promise<ImportSummary> {
  if (!where.workspace) throw new UserError('USAGE', 'give --workspace DIR (or --server URL)');
  const { importData } = await import('../../app/import.js');
  const { progressBar } = await import('../../ingest/progress.js');
  const workspace = await openCommandWorkspace(where.workspace, 'write');
  const bar = io.interactive ? progressBar(workspace.engine, process.stderr) : undefined;
  try {
    return await importData(workspace, await cliActor(), request, (phase) => {
      bar?.phase(phase);
      trace?.(phase);
    });
  } finally {
    bar?.stop();
    await workspace.close();
  }
}

/**
 * On the server that owns the workspace: the files uploaded (streamed from disk), the import run as a
 * job and followed to its end; rejected rows fetched to the rejects file.
 */
async function importOnServer(
  server: string,
  request: ImportCliRequest,
  trace: ((phase: string) => void) | undefined,
): Promise<ImportSummary> {
  const { openAsBlob } = await import('node:fs');
  const { basename } = await import('node:path');
  const { callServer, followJob } = await import('../remote.js');
  const { files, mapping, rejects, ...options } = request;
  const form = new FormData();
  for (const [key, value] of Object.entries(options))
    if (value !== undefined) form.append(key, String(value));
  const part = async (name: string, path: string) => {
    try {
      form.append(name, await openAsBlob(path), basename(path));
    } catch {
      throw new UserError('NOT_FOUND', `cannot read ${path}`, { file: path });
    }
  };
  for (const file of files) await part('file', file);
  if (typeof mapping === 'string') await part('mapping', mapping);
  const accepted = await callServer(server, { method: 'POST', path: '/imports', form });
  const summary = (await followJob(server, accepted, (phase) => trace?.(phase))) as ImportSummary;
  if (!summary.rejectsFile) return summary;
  const rows = await callServer(server, {
    method: 'GET',
    path: summary.rejectsFile.replace(/^\/api\/v1/, ''),
  });
  const target =
    typeof rejects === 'string'
      ? rejects
      : `rejects-${basename(summary.rejectsFile.split('/').at(-2) ?? 'import')}.csv`;
  const { writeFile } = await import('node:fs/promises');
  await writeFile(target, rows.bytes);
  return { ...summary, rejectsFile: target };
}

/** The request parameters an import error can name, as this command's flags. */
const FLAG_HINTS: Record<string, string> = {
  replace: 'use --source NAME to keep both, or --replace to replace them',
  source: 'name it with --source NAME',
};

function withFlagHint(error: unknown): unknown {
  const hint = isUserError(error) ? FLAG_HINTS[error.location?.parameter ?? ''] : undefined;
  if (!hint || !isUserError(error)) return error;
  return new UserError(error.code, error.message, error.location, [...error.details, hint]);
}
