import type { Command } from 'commander';
import type { SimulateRequest } from '../../app/simulate.js';
import { SIMULATE_FORMATS } from '../../planning/report/simulate-render.js';
import { io } from '../io.js';
import {
  choiceOption,
  integerOption,
  nonNegativeNumberOption,
  positiveNumberOption,
  shareOption,
} from '../options.js';
import { demandOptions } from './staff.js';

export function registerSimulate(program: Command): void {
  demandOptions(
    program
      .command('simulate')
      .description(
        'simulate a staffing plan (seeded discrete-event model): SL, ASA, abandonment, occupancy with 95 % confidence',
      ),
  )
    .option('--replications <n>', 'independent replications (default 10)', integerOption('--replications', 2))
    .option('--seed <n>', 'random seed (default 1)', integerOption('--seed'))
    .option(
      '--service <distribution>',
      'handle times: exponential or lognormal',
      choiceOption('--service', ['exponential', 'lognormal'] as const),
      'exponential',
    )
    .option(
      '--cv <share>',
      'with --service lognormal: coefficient of variation of handle times',
      positiveNumberOption('--cv'),
    )
    .option(
      '--callback-after <seconds>',
      'offer a callback when the predicted wait exceeds this',
      nonNegativeNumberOption('--callback-after'),
    )
    .option(
      '--callback-take <share>',
      'share of offered callers taking the callback',
      shareOption('--callback-take', { zero: true, one: true }),
    )
    .option(
      '--callback-within <minutes>',
      'callbacks are made within this (default 60)',
      positiveNumberOption('--callback-within'),
    )
    .option('--format <format>', 'table, json or csv', choiceOption('--format', SIMULATE_FORMATS), 'table')
    .action(async (opts: SimulateRequest & { format: (typeof SIMULATE_FORMATS)[number] }) => {
      const { simulatePlan } = await import('../../app/simulate.js');
      const { renderSimulation } = await import('../../planning/report/simulate-render.js');
      io.out(renderSimulation(await simulatePlan(opts), opts.format));
    });
}
