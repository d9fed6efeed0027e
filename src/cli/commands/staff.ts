import type { Command } from 'commander';
import { SERVICE_LEVEL_FORMULAS } from '../../planning/erlang/types.js';
import type { StaffRequest } from '../../planning/staff-request.js';
import { io } from '../io.js';
import {
  choiceOption,
  integerOption,
  nonNegativeNumberOption,
  positiveNumberOption,
  shareOption,
} from '../options.js';

const FORMATS = ['table', 'json', 'csv'] as const;
const ROWS = ['intervals', 'days', 'months'] as const;

export function registerStaff(program: Command): void {
  demandOptions(
    program
      .command('staff')
      .description(
        'agents needed for a service target (Erlang C, or Erlang A with --patience), and what they cost',
      ),
  )
    .option('--format <format>', 'table, json or csv', choiceOption('--format', FORMATS), 'table')
    .action(async (opts: StaffRequest) => {
      const { runStaffRequest } = await import('../../planning/staff-request.js');
      const { output, warning } = await runStaffRequest(opts);
      if (warning) io.err(`percontact: ${warning}\n`);
      io.out(output);
    });
}

/** The demand, targets and money options `staff` and `simulate` share. */
export function demandOptions(command: Command): Command {
  return command
    .option('--calls <n>', 'calls arriving in one interval', nonNegativeNumberOption('--calls'))
    .option(
      '--interval <seconds>',
      'interval length (with --workspace: 900, 1800 or 3600)',
      positiveNumberOption('--interval'),
      1800,
    )
    .option('--aht <seconds>', 'average handle time (talk + hold + wrap)', positiveNumberOption('--aht'))
    .option(
      '--patience <seconds>',
      'mean patience of waiting callers: Erlang A with abandonment',
      positiveNumberOption('--patience'),
    )
    .option(
      '--sl <share>',
      'service level target, e.g. 0.8 (default 0.8 unless --asa or --max-abandon)',
      shareOption('--sl', { zero: false, one: true }),
    )
    .option(
      '--within <seconds>',
      "service level threshold t (default 20, or the workspace's)",
      nonNegativeNumberOption('--within'),
    )
    .option(
      '--short-abandon <seconds>',
      'Erlang A: abandons within this leave the SL denominator (default 5)',
      nonNegativeNumberOption('--short-abandon'),
    )
    .option(
      '--sl-formula <name>',
      "Erlang A: how abandons count in the SL (default short_abandons_excluded, or the workspace's)",
      choiceOption('--sl-formula', SERVICE_LEVEL_FORMULAS),
    )
    .option('--asa <seconds>', 'maximum average speed of answer', nonNegativeNumberOption('--asa'))
    .option(
      '--max-abandon <share>',
      'maximum share of callers abandoning (Erlang A)',
      shareOption('--max-abandon', { zero: true, one: true }),
    )
    .option(
      '--max-occupancy <share>',
      'maximum occupancy; a value exactly at the cap is allowed',
      shareOption('--max-occupancy', { zero: false, one: true }),
      1,
    )
    .option(
      '--shrinkage <share>',
      'paid time not on the phones; scheduled = ceil(agents / (1 - shrinkage))',
      shareOption('--shrinkage', { zero: true, one: false }),
      0,
    )
    .option(
      '--agents <n>',
      'evaluate this many agents instead of searching (with --calls)',
      integerOption('--agents'),
    )
    .option(
      '--concurrency <n>',
      'contacts an agent handles at once (chat 2-3); staffed on AHT / concurrency (with a workspace: its config)',
      positiveNumberOption('--concurrency'),
    )
    .option('--intervals <file>', 'CSV with interval_start, calls, aht_seconds[, patience_seconds]')
    .option(
      '--timezone <zone>',
      'with --intervals: the time zone instants (…Z, +01:00) in interval_start are converted to (default UTC)',
    )
    .option('-w, --workspace <dir>', "plan from the workspace's history")
    .option('--from <date>', 'with --workspace: first date or period of history (default: first data)')
    .option('--to <date>', 'with --workspace: last date or period of history, included (default: last data)')
    .option('--channel <list>', 'with --workspace: only these channels, e.g. voice,chat')
    .option('--hourly-cost <amount>', 'loaded cost of one paid agent hour, for labour cost (e.g. 32.50)')
    .option('--currency <code>', "currency of --hourly-cost (default: the workspace's, else EUR)")
    .option(
      '--rows <rows>',
      'with --format csv: intervals, days or months',
      choiceOption('--rows', ROWS),
      'intervals',
    );
}
