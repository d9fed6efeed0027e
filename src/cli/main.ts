import { Command, CommanderError } from 'commander';
import { isUserError } from '../errors.js';
import { registerBenchmarks } from './commands/benchmarks.js';
import { registerDemo } from './commands/demo.js';
import { registerDrivers } from './commands/drivers.js';
import { registerExplain } from './commands/explain.js';
import { registerImport } from './commands/import.js';
import { registerInit } from './commands/init.js';
import { registerPlan } from './commands/plan.js';
import { registerReport } from './commands/report.js';
import { registerSimulate } from './commands/simulate.js';
import { registerStaff } from './commands/staff.js';
import { io } from './io.js';

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
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .exitOverride();
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
  return program;
}

export async function main(argv: readonly string[]): Promise<void> {
  process.exitCode = await run(argv.slice(2));
}

/** Runs one command line (without the node and script arguments); returns the exit code. */
export async function run(args: readonly string[]): Promise<number> {
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
    io.err(`percontact: ${error.message}\n`);
    for (const detail of error.details) io.err(`  ${detail}\n`);
    return error.exitCode;
  }
  io.err(`percontact: internal error (please report): ${(error as Error)?.stack ?? String(error)}\n`);
  return 1;
}
