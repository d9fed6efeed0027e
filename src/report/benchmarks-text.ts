import type { BenchmarksView } from '../app/benchmarks.js';
import type { Locale } from './locale.js';

/** The benchmark table: what the workspace compares with, then every figure with its source and year. */
export function benchmarksText(view: BenchmarksView, _locale: Locale = 'en-US'): string {
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
