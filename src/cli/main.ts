import { Command, CommanderError } from 'commander';
import { isUserError } from '../errors.js';
import { registerDemo } from './commands/demo.js';
import { registerInit } from './commands/init.js';
import { registerReport } from './commands/report.js';

/**
 * Command files define their options eagerly (for --help) and import their heavy modules (DuckDB,
 * decimal math) only when they run, so `percontact --help` starts fast.
 */
export function buildProgram(): Command {
  const program = new Command('percontact')
    .description('What each customer contact really costs: cost per contact by period, channel, queue and team.')
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  registerDemo(program);
  registerInit(program);
  registerReport(program);
  return program;
}

export async function main(argv: readonly string[]): Promise<void> {
  try {
    await buildProgram().parseAsync(argv as string[]);
  } catch (error) {
    process.exitCode = reportError(error);
  }
}

/** The one place errors become output: a line for user errors, a stack only for bugs. */
export function reportError(error: unknown): number {
  if (error instanceof CommanderError) {
    return error.exitCode === 0 ? 0 : 2;
  }
  if (isUserError(error)) {
    process.stderr.write(`percontact: ${error.message}\n`);
    for (const detail of error.details) process.stderr.write(`  ${detail}\n`);
    return error.exitCode;
  }
  process.stderr.write(`percontact: internal error (please report): ${(error as Error)?.stack ?? String(error)}\n`);
  return 1;
}
