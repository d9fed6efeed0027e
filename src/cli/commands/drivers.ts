import type { Command } from 'commander';
import type { Dimension } from '../../model/contact.js';
import { io } from '../io.js';
import { choiceOption, dimensionsOption, integerOption } from '../options.js';
import { openCommandWorkspace } from '../workspace.js';

const FORMATS = ['table', 'json'] as const;

interface DriversCliOptions {
  workspace: string;
  from: string;
  to: string;
  by: Dimension[];
  decimals?: number;
  format: (typeof FORMATS)[number];
}

export function registerDrivers(program: Command): void {
  program
    .command('drivers')
    .description(
      'why cost per contact changed between two periods: mix, cost and volume growth per segment, labour split',
    )
    .requiredOption('-w, --workspace <dir>', 'workspace folder')
    .requiredOption(
      '--from <period>',
      'the earlier period: a month 2026-02, quarter 2026-Q1, week 2026-W10 or day 2026-02-15',
    )
    .requiredOption('--to <period>', 'the later period, of the same kind as --from')
    .option(
      '--by <dims>',
      'segments: channel, queue, team, agent, topic or a combination',
      dimensionsOption,
      ['channel'],
    )
    .option(
      '--decimals <n>',
      "decimal places of money shown (default: the currency's minor unit)",
      integerOption('--decimals'),
    )
    .option('--format <format>', 'table or json', choiceOption('--format', FORMATS), 'table')
    .action(async (opts: DriversCliOptions) => {
      const { resolveDefinitions } = await import('../../metrics/definitions.js');
      const { driversReport } = await import('../../metrics/drivers/drivers-report.js');
      const { driversView } = await import('../../metrics/drivers/view.js');
      const { renderDriversTable } = await import('../../metrics/drivers/table.js');
      const workspace = await openCommandWorkspace(opts.workspace, 'read');
      try {
        const report = await driversReport(workspace.engine, resolveDefinitions(workspace.config), opts);
        const view = driversView(report, opts.decimals);
        io.out(opts.format === 'json' ? `${JSON.stringify(view, null, 2)}\n` : renderDriversTable(view));
      } finally {
        await workspace.close();
      }
    });
}
