import type { Command } from 'commander';
import { benchmarksRequest } from '../../app/requests/benchmarks.js';
import { formatOption, whereOf, whereOptions } from '../command-options.js';
import { requestFlags, requestOf } from '../params.js';
import { printOperation } from '../run-operation.js';

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
  formatOption(command, ['table']).action(async (opts: Record<string, unknown> & { format: string }) => {
    const { benchmarksOperation } = await import('../../app/benchmarks.js');
    await printOperation(benchmarksOperation, await requestOf(command, opts), whereOf(opts), {
      format: opts.format,
      workspace: 'optional',
    });
  });
}
