import type { Command } from 'commander';
import { io } from '../io.js';
import type { Granularity } from '../../calendar/period.js';
import type { Dimension } from '../../model/contact.js';
import { choiceOption, dimensionsOption, granularityOption } from '../options.js';

const FORMATS = ['table', 'json', 'csv'] as const;
type Format = (typeof FORMATS)[number];

interface ReportCliOptions {
  workspace: string;
  period: Granularity;
  from?: string;
  to?: string;
  by: Dimension[];
  format: Format;
}

export function registerReport(program: Command): void {
  program
    .command('report')
    .description('cost per contact and service figures per period and segment')
    .requiredOption('-w, --workspace <dir>', 'workspace folder')
    .option('--period <unit>', 'day, week (ISO), month, quarter or year', granularityOption, 'month')
    .option('--from <date>', 'first date or period included (e.g. 2026-01 or 2026-01-15); default: first data')
    .option('--to <date>', 'last date or period included; default: last data')
    .option('--by <dims>', 'break down by channel,queue,team,agent,topic', dimensionsOption, [])
    .option('--format <format>', 'table, json or csv', choiceOption('--format', FORMATS), 'table')
    .action(async (opts: ReportCliOptions) => {
      const { openWorkspace } = await import('../../workspace/workspace.js');
      const { renderReport } = await import('../../report/render.js');
      const workspace = await openWorkspace(opts.workspace);
      try {
        io.out(
          await renderReport(workspace, { granularity: opts.period, from: opts.from, to: opts.to, by: opts.by }, opts.format),
        );
      } finally {
        await workspace.close();
      }
    });
}
