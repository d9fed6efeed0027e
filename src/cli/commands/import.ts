import type { Command } from 'commander';
import { isUserError, UserError } from '../../errors.js';
import { io } from '../io.js';
import { openCommandWorkspace } from '../workspace.js';

interface ImportCliOptions {
  workspace: string;
  preset?: string;
  mapping?: string;
  source?: string;
  timezone?: string;
  interval?: string;
  skipInvalid?: boolean;
  replace?: boolean;
  rejects?: string;
  fromTable?: string;
}

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
      .requiredOption('-w, --workspace <dir>', 'workspace folder')
      .option(
        '--from-table <url>',
        'read a PostgreSQL table instead of files: postgres://user@host:port/db?table=[schema.]name (password from PGPASSWORD)',
      )
      .option('--mapping <file>', 'mapping file (YAML) for files not in the canonical columns');
    if (spec.presets)
      sub.option(
        '--preset <name>',
        'a known export layout, see: percontact import presets (default: generic)',
      );
    if (spec.sourced) {
      sub
        .option(
          '--source <name>',
          "name the rows are stored under, each source with its own ids (default: the preset's or mapping's source, else the file name without extension)",
        )
        .option(
          '--timezone <tz>',
          'IANA time zone of local times in the files (default: the workspace zone)',
        );
    }
    if (spec.kind === 'volumes')
      sub.option(
        '--interval <length>',
        'interval length when the file has none: 15m, 30m, 1h, day, week, month',
      );
    sub
      .option('--skip-invalid', 'import the good rows and write the rejected ones to the rejects file')
      .option('--replace', 'replace stored rows with the same keys that came from other files')
      .option(
        '--rejects <file>',
        'where --skip-invalid writes rejected rows (default: DIR/rejects/<kind>-<time>.csv)',
      )
      .action((files: string[], opts: ImportCliOptions) => runImportCommand(spec.kind, files, opts));
  }
  command
    .command('presets')
    .description('list the presets for known export layouts')
    .action(async () => {
      const { PRESETS } = await import('../../ingest/presets/presets.js');
      for (const p of PRESETS) io.out(`${p.kind.padEnd(9)} ${p.name.padEnd(20)} ${p.description}\n`);
    });
}

async function runImportCommand(kind: Kind, files: string[], opts: ImportCliOptions): Promise<void> {
  const { importFiles } = await import('../../ingest/import-files.js');
  const { formatSummary } = await import('../../ingest/pipeline/summary.js');
  const { progressBar } = await import('../../ingest/progress.js');
  const workspace = await openCommandWorkspace(opts.workspace, 'write');
  const bar = io.interactive ? progressBar(workspace.engine, process.stderr) : undefined;
  const started = Date.now();
  // PERCONTACT_TRACE=1: one line per phase on stderr, for diagnostics and tests.
  const trace = process.env.PERCONTACT_TRACE
    ? (phase: string) => io.err(`phase ${phase} +${Date.now() - started} ms\n`)
    : undefined;
  const onPhase = (phase: string) => {
    bar?.phase(phase);
    trace?.(phase);
  };
  try {
    const summary = await importFiles(workspace, {
      kind,
      files: [...files, ...(opts.fromTable ? [opts.fromTable] : [])],
      ...(opts.mapping ? { mappingFile: opts.mapping } : {}),
      ...(opts.preset ? { preset: opts.preset } : {}),
      ...(opts.source ? { source: opts.source } : {}),
      ...(opts.timezone ? { timeZone: opts.timezone } : {}),
      ...(opts.interval ? { interval: opts.interval } : {}),
      skipInvalid: opts.skipInvalid === true,
      replace: opts.replace === true,
      ...(opts.rejects ? { rejectsPath: opts.rejects } : {}),
      onPhase,
    });
    bar?.stop();
    io.out(formatSummary(summary));
  } catch (error) {
    throw withFlagHint(error);
  } finally {
    bar?.stop();
    await workspace.close();
  }
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
