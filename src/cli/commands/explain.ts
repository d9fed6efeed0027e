import type { Command } from 'commander';
import type { DimensionValues } from '../../metrics/segments.js';
import { DIMENSIONS } from '../../model/contact.js';
import { EXPLAIN_METRICS } from '../../report/explain-metrics.js';
import { io } from '../io.js';
import { choiceOption } from '../options.js';
import { openCommandWorkspace } from '../workspace.js';

const METRICS = EXPLAIN_METRICS;

interface ExplainCliOptions extends Partial<Record<(typeof DIMENSIONS)[number], string>> {
  workspace: string;
  period: string;
  metric: (typeof METRICS)[number];
  format: 'table' | 'json';
}

export function registerExplain(program: Command): void {
  const command = program
    .command('explain')
    .description(
      'a figure and everything behind it: cost lines, prorated and allocated parts, contacts by outcome',
    )
    .requiredOption('-w, --workspace <dir>', 'workspace folder')
    .requiredOption('--period <period>', 'one period: 2026-03, 2026-Q1, 2026-W10, 2026-03-05 or 2026')
    .option('--metric <name>', METRICS.join(', '), choiceOption('--metric', METRICS), 'costPerContact')
    .option(
      '--format <format>',
      'table or json',
      choiceOption('--format', ['table', 'json'] as const),
      'table',
    );
  for (const dim of DIMENSIONS) command.option(`--${dim} <value>`, `only the ${dim} with this value`);
  command.action(async (opts: ExplainCliOptions) => {
    const { explain } = await import('../../metrics/explain.js');
    const { resolveDefinitions } = await import('../../metrics/definitions.js');
    const { explainJson, explainText } = await import('../../report/explain-render.js');
    const segment: DimensionValues = {};
    for (const dim of DIMENSIONS) if (opts[dim] !== undefined) segment[dim] = opts[dim];
    const workspace = await openCommandWorkspace(opts.workspace, 'read');
    try {
      const detail = opts.metric === 'costPerResolution' ? 'full' : 'headline';
      const e = await explain(workspace.engine, resolveDefinitions(workspace.config), {
        period: opts.period,
        segment,
        detail,
      });
      io.out(opts.format === 'json' ? explainJson(e, opts.metric) : explainText(e, opts.metric));
    } finally {
      await workspace.close();
    }
  });
}
