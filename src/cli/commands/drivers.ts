import type { Command } from 'commander';
import { driversRequest } from '../../app/requests/drivers.js';
import { whereOptions } from '../command-options.js';
import { requestFlags } from '../params.js';
import { readAction } from '../read-command.js';

export function registerDrivers(program: Command): void {
  const command = program
    .command('drivers')
    .description(
      'why cost per contact changed between two periods: mix, cost and volume growth per segment, labour split',
    );
  requestFlags(whereOptions(command), driversRequest, {
    from: '--from <period>',
    to: { flags: '--to <period>', description: 'the later period, of the same kind as --from' },
    by: '--by <dims>',
    decimals: '--decimals <n>',
    locale: '--locale <locale>',
  });
  readAction(command, ['table'], async () => (await import('../../app/drivers.js')).driversOperation);
}
