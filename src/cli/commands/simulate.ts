import type { Command } from 'commander';
import { simulateRequest } from '../../app/requests/simulate.js';
import { formatOption, whereOptions } from '../command-options.js';
import { requestFlags, requestOf } from '../params.js';
import { printOperation } from '../run-operation.js';
import { DEMAND_FLAGS, type DemandCliOptions, demandWhere } from './staff.js';

export function registerSimulate(program: Command): void {
  const command = program
    .command('simulate')
    .description(
      'simulate a staffing plan (seeded discrete-event model): SL, ASA, abandonment, occupancy with 95 % confidence',
    );
  requestFlags(command, simulateRequest, {
    ...DEMAND_FLAGS,
    replications: '--replications <n>',
    seed: '--seed <n>',
    service: '--service <distribution>',
    cv: '--cv <share>',
    callbackAfter: '--callback-after <seconds>',
    callbackTake: '--callback-take <share>',
    callbackWithin: '--callback-within <minutes>',
  });
  formatOption(whereOptions(command, "simulate the workspace's typical week"), ['table', 'csv']).action(
    async (opts: DemandCliOptions) => {
      const { simulateOperation } = await import('../../app/simulate.js');
      await printOperation(simulateOperation, await requestOf(command, opts), demandWhere(opts), {
        format: opts.format,
        workspace: 'optional',
      });
    },
  );
}
