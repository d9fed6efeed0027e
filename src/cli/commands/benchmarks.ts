import type { Command } from 'commander';
import type { BenchmarksView } from '../../app/benchmarks.js';
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
      const { benchmarksView } = await import('../../app/benchmarks.js');
      const { defaultConfig } = await import('../../model/config.js');
      const { readConfig, CONFIG_FILE } = await import('../../workspace/config-file.js');
      const { join } = await import('node:path');
      const config = opts.workspace
        ? await readConfig(join(opts.workspace, CONFIG_FILE))
        : defaultConfig('EUR', 'UTC');
      const view = benchmarksView(config, opts.workspace ?? null);
      io.out(opts.format === 'json' ? `${JSON.stringify(view, null, 2)}\n` : benchmarksText(view));
    });
}

function benchmarksText(view: BenchmarksView): string {
  const own = view.benchmarks.filter((b) => b.table === 'workspace').length;
  const figure = (id: string) => {
    const b = view.benchmarks.find((x) => x.id === id);
    return b
      ? `${id} (${b.value}${b.currency ? ` ${b.currency}` : ''}, ${b.year ?? 'year not stated'})`
      : `${id} (not in the table)`;
  };
  const lines = [
    `Benchmarks: the shipped table (version ${view.version})${own > 0 ? ` and ${own} of the workspace's own` : ''}, each with its source and year`,
    '',
    view.workspace
      ? `Workspace ${view.workspace} compares with:`
      : 'A new workspace compares with (percontact init):',
    `  rows of several channels: ${figure(view.comparesWith.overall)}`,
    ...Object.entries(view.comparesWith.byChannel).map(([channel, id]) => `  ${channel}: ${figure(id)}`),
    '  other channels: the figure for rows of several channels',
    '',
  ];
  for (const r of view.benchmarks) {
    const value = `${r.value}${r.currency ? ` ${r.currency}` : ''}`;
    const scope = `${r.metric}${r.channel ? `, ${r.channel}` : ''}`;
    const whose = r.table === 'workspace' ? " (the workspace's own)" : '';
    lines.push(`${r.id}${whose}`, `  ${scope}: ${value}${r.note ? ` (${r.note})` : ''}`);
    lines.push(`  source: ${r.source}, ${r.year ?? 'year not stated'}`);
    if (r.comparedFor.length > 0) lines.push(`  used for: ${r.comparedFor.join(', ')}`);
  }
  return `${lines.join('\n')}\n`;
}
