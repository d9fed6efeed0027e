import type { Command } from 'commander';
import { io } from '../io.js';
import { choiceOption, integerOption, monthOption, positiveNumberOption } from '../options.js';

interface DemoCliOptions {
  dir: string;
  seed: number;
  months: number;
  endMonth?: string;
  scale: number;
  format: 'table' | 'json' | 'csv';
}

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('create a realistic demo workspace and print its cost per contact for the last 3 months')
    .option('--dir <dir>', 'folder for the demo workspace', './percontact-demo')
    .option('--seed <n>', 'seed of the generated data (same seed, same data)', integerOption('--seed'), 1)
    .option('--months <n>', 'months of history', integerOption('--months', 3), 12)
    .option(
      '--end-month <yyyy-mm>',
      'last month generated (default: the last complete month)',
      monthOption('--end-month'),
    )
    .option(
      '--scale <factor>',
      'volume multiplier (1 = about 600,000 contacts a year)',
      positiveNumberOption('--scale'),
      1,
    )
    .option(
      '--format <format>',
      'table, json or csv',
      choiceOption('--format', ['table', 'json', 'csv'] as const),
      'table',
    )
    .action(async (opts: DemoCliOptions) => {
      const { createDemoWorkspace } = await import('../../demo/demo-workspace.js');
      const { reportOperation } = await import('../../app/report.js');
      const { json } = await import('../run-operation.js');
      const { lastCompleteMonth, shiftMonth, wallClock } = await import('../../calendar/index.js');
      const endMonth = opts.endMonth ?? lastCompleteMonth(wallClock(new Date(), 'UTC').date);
      const workspace = await createDemoWorkspace({
        dir: opts.dir,
        seed: opts.seed,
        months: opts.months,
        endMonth,
        scale: opts.scale,
      });
      try {
        const request = { from: shiftMonth(endMonth, -2), to: endMonth, by: ['channel' as const] };
        const width = opts.format === 'table' && process.stdout.isTTY ? process.stdout.columns : undefined;
        io.out(
          opts.format === 'json'
            ? json(await reportOperation.run(workspace, request))
            : String(await reportOperation.output?.render(workspace, request, opts.format, width)),
        );
        if (opts.format === 'table') {
          io.out(
            `\nDemo workspace: ${workspace.dir}\nTry: percontact report --workspace ${opts.dir} --period quarter --by channel,team\n`,
          );
        }
      } finally {
        await workspace.close();
      }
    });
}
