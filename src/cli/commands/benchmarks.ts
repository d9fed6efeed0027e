import type { Command } from 'commander';
import { io } from '../io.js';
import { choiceOption } from '../options.js';

interface BenchmarksCliOptions {
  workspace?: string;
  format: 'table' | 'json';
}

export function registerBenchmarks(program: Command): void {
  program
    .command('benchmarks')
    .description('the published cost-per-contact figures reports compare with, each with its source and year')
    .option(
      '-w, --workspace <dir>',
      "include the workspace's own figures and show which ones it compares with",
    )
    .option(
      '--format <format>',
      'table or json',
      choiceOption('--format', ['table', 'json'] as const),
      'table',
    )
    .action(async (opts: BenchmarksCliOptions) => {
      const { BENCHMARK_TABLE_VERSION } = await import('../../metrics/benchmarks/published.js');
      const { benchmarkChoice } = await import('../../metrics/benchmarks/select.js');
      const { defaultConfig } = await import('../../model/config.js');
      const { readConfig, CONFIG_FILE } = await import('../../workspace/config-file.js');
      const { join } = await import('node:path');
      const config = opts.workspace
        ? await readConfig(join(opts.workspace, CONFIG_FILE))
        : defaultConfig('EUR', 'UTC');
      const choice = benchmarkChoice(config);
      const used = new Map<string, string[]>([[choice.overall, ['overall']]]);
      for (const [channel, id] of Object.entries(choice.byChannel))
        used.set(id, [...(used.get(id) ?? []), channel]);
      const rows = choice.table.map((b) => ({
        ...b,
        table: choice.customIds.has(b.id) ? 'workspace' : BENCHMARK_TABLE_VERSION,
        comparedFor: used.get(b.id) ?? [],
      }));
      const comparesWith = { overall: choice.overall, byChannel: choice.byChannel };
      if (opts.format === 'json') {
        const body = {
          version: BENCHMARK_TABLE_VERSION,
          workspace: opts.workspace ?? null,
          comparesWith,
          benchmarks: rows,
        };
        io.out(`${JSON.stringify(body, null, 2)}\n`);
        return;
      }
      const own = choice.customIds.size;
      io.out(
        `Benchmarks: the shipped table (version ${BENCHMARK_TABLE_VERSION})${own > 0 ? ` and ${own} of the workspace's own` : ''}, each with its source and year\n\n`,
      );
      const figure = (id: string) => {
        const b = choice.table.find((x) => x.id === id);
        return b
          ? `${id} (${b.value}${b.currency ? ` ${b.currency}` : ''}, ${b.year ?? 'year not stated'})`
          : `${id} (not in the table)`;
      };
      io.out(
        opts.workspace
          ? `Workspace ${opts.workspace} compares with:\n`
          : 'A new workspace compares with (percontact init):\n',
      );
      io.out(`  rows of several channels: ${figure(choice.overall)}\n`);
      for (const [channel, id] of Object.entries(choice.byChannel)) io.out(`  ${channel}: ${figure(id)}\n`);
      io.out('  other channels: the figure for rows of several channels\n\n');
      for (const r of rows) {
        const value = `${r.value}${r.currency ? ` ${r.currency}` : ''}`;
        const scope = `${r.metric}${r.channel ? `, ${r.channel}` : ''}`;
        const whose = r.table === 'workspace' ? " (the workspace's own)" : '';
        io.out(
          `${r.id}${whose}\n  ${scope}: ${value}${r.note ? ` (${r.note})` : ''}\n  source: ${r.source}, ${r.year ?? 'year not stated'}\n`,
        );
        if (r.comparedFor.length > 0) io.out(`  used for: ${r.comparedFor.join(', ')}\n`);
      }
    });
}
