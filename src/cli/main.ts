import { Command, CommanderError } from 'commander';
import { isUserError, type UserError } from '../errors.js';
import { registerAudit } from './commands/audit.js';
import { registerBenchmarks } from './commands/benchmarks.js';
import { registerConfig } from './commands/config.js';
import { registerDemo } from './commands/demo.js';
import { registerDrivers } from './commands/drivers.js';
import { registerExplain } from './commands/explain.js';
import { registerImport } from './commands/import.js';
import { registerImports } from './commands/imports.js';
import { registerInit } from './commands/init.js';
import { registerPlan } from './commands/plan.js';
import { registerPull } from './commands/pull.js';
import { registerReport } from './commands/report.js';
import { registerServe } from './commands/serve.js';
import { registerSimulate } from './commands/simulate.js';
import { registerStaff } from './commands/staff.js';
import { registerStatus } from './commands/status.js';
import { registerToken } from './commands/token.js';
import { hintsFor } from './hints.js';
import { io } from './io.js';
import { fileOf, flagOf } from './params.js';

/**
 * Command files define their options eagerly (for --help) and import their heavy modules (DuckDB,
 * decimal math) only when they run, so `percontact --help` starts fast.
 */
export function buildProgram(): Command {
  const program = new Command('percontact')
    .description(
      'What each customer contact really costs: cost per contact by period, channel, queue and team.',
    )
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({
      writeOut: (s) => io.out(s),
      writeErr: (s) => io.err(s),
      // Commander's own messages ("error: unknown option '--x'") look like every other error.
      outputError: (s, write) => write(`percontact: ${s.replace(/^error: /, '')}`),
    })
    .exitOverride()
    .hook('preAction', (_program, action) => {
      running = action;
    });
  registerDemo(program);
  registerInit(program);
  registerReport(program);
  registerStaff(program);
  registerPlan(program);
  registerSimulate(program);
  registerExplain(program);
  registerDrivers(program);
  registerBenchmarks(program);
  registerImport(program);
  registerPull(program);
  registerImports(program);
  registerStatus(program);
  registerConfig(program);
  registerServe(program);
  registerToken(program);
  registerAudit(program);
  describeListDefaults(program);
  return program;
}

/** Help shows a list default as the user writes it ("channel", or "none"), not as JSON ("[]"). */
function describeListDefaults(command: Command): void {
  for (const option of command.options) {
    if (Array.isArray(option.defaultValue) && option.defaultValueDescription === undefined)
      option.defaultValueDescription = option.defaultValue.join(',') || 'none';
  }
  for (const sub of command.commands) describeListDefaults(sub);
}

export async function main(argv: readonly string[]): Promise<void> {
  ignoreClosedPipes();
  process.exitCode = await run(argv.slice(2));
}

/** `percontact report | head -1`: once the reader has gone, the rest of the output has nowhere to go. */
function ignoreClosedPipes(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
    });
  }
}

/** The command whose action runs: its flags name the parameters its errors are about. */
let running: Command | undefined;

/** Runs one command line (without the node and script arguments); returns the exit code. */
export async function run(args: readonly string[]): Promise<number> {
  running = undefined;
  const program = buildProgram();
  try {
    await program.parseAsync(args as string[], { from: 'user' });
    return 0;
  } catch (error) {
    return reportError(error);
  }
}

/** The one place errors become output: a line for user errors, a stack only for bugs. */
export function reportError(error: unknown): number {
  if (error instanceof CommanderError) {
    return error.exitCode === 0 ? 0 : 2;
  }
  if (isUserError(error)) {
    io.err(`percontact: ${messageWithFlag(error)}\n`);
    for (const detail of [...error.details, ...hintsFor(error)]) io.err(`  ${detail}\n`);
    return error.exitCode;
  }
  io.err(`percontact: internal error (please report): ${(error as Error)?.stack ?? String(error)}\n`);
  return 1;
}

/**
 * A user error in the command line's words: the parameter it begins with (`to`, `levers.ivr.containment`)
 * as the flag that gave it (`--to "2026-13"`), or as the file the flag named.
 */
function messageWithFlag(error: UserError): string {
  return flagsIn(leadingFlag(error));
}

function leadingFlag(error: UserError): string {
  const parameter = error.location?.parameter;
  if (!parameter) return error.message;
  const head = parameter.split('.')[0] ?? parameter;
  const file = fileOf(head);
  if (file && error.location?.file === head) return error.message.replace(`${head}: `, `${file}: `);
  const flag = flagOf(running, parameter);
  if (!flag) return error.message;
  // `to: …` becomes `--to "2026-13": …`; `currency "XYZ" …` (the value quoted) `--currency "XYZ" …`.
  if (error.message.startsWith(`${parameter} "`))
    return `${flag.long}${error.message.slice(parameter.length)}`;
  const prefix = `${parameter}: `;
  if (!error.message.startsWith(prefix)) return error.message;
  const rest = error.message.slice(prefix.length);
  const shown = typeof flag.value === 'string' && !rest.includes(flag.value);
  return `${shown ? `${flag.long} "${flag.value}"` : flag.long}: ${rest}`;
}

/**
 * Parameter names the message mentions as the command's flags: in camelCase (no English word is
 * written so), or before the very value the flag was given (`to "2026-01-01"`: "to" alone is a word).
 */
function flagsIn(text: string): string {
  return text
    .replace(/\b[a-z]+(?:[A-Z][a-z0-9]*)+\b/g, (word) => flagOf(running, word)?.long ?? word)
    .replace(/(?<![\w-])([a-z]\w*) "([^"]*)"/g, (whole, word: string, value: string) => {
      const flag = flagOf(running, word);
      return flag && flag.value === value ? `${flag.long} "${value}"` : whole;
    });
}
