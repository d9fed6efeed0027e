import type { Command } from 'commander';
import { benchmarksRequest } from '../../app/requests/benchmarks.js';
import { whereOptions } from '../command-options.js';
import { requestFlags } from '../params.js';
import { readAction } from '../read-command.js';

export function registerBenchmarks(program: Command): void {
  const command = program
    .command('benchmarks')
    .description(
      'the published cost-per-contact figures reports compare with, each with its source and year',
    );
  requestFlags(
    whereOptions(command, "include the workspace's own figures and show which ones it compares with"),
    benchmarksRequest,
    { locale: '--locale <locale>' },
  );
  readAction(
    command,
    ['table'],
    async () => (await import('../../app/benchmarks.js')).benchmarksOperation,
    () => ({
      workspace: 'optional',
    }),
  );
}
