import type { Command } from 'commander';
import { simulateRequest } from '../../app/requests/simulate.js';
import { whereOptions } from '../command-options.js';
import { requestFlags } from '../params.js';
import { readAction } from '../read-command.js';
import { DEMAND_FLAGS, demandWhere } from './staff.js';

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
    locale: '--locale <locale>',
  });
  readAction(
    whereOptions(command, "simulate the workspace's typical week"),
    ['table', 'csv'],
    async () => (await import('../../app/simulate.js')).simulateOperation,
    (opts) => ({ where: demandWhere(opts), workspace: 'optional' }),
  );
}
