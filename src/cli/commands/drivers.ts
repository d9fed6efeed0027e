import type { Command } from 'commander';
import { driversRequest } from '../../app/requests/drivers.js';
import { formatOption, whereOf, whereOptions } from '../command-options.js';
import { requestFlags, requestOf } from '../params.js';
import { printOperation } from '../run-operation.js';

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
  formatOption(command, ['table']).action(async (opts: Record<string, unknown> & { format: string }) => {
    const { driversOperation } = await import('../../app/drivers.js');
    await printOperation(driversOperation, await requestOf(command, opts), whereOf(opts), {
      format: opts.format,
      workspace: 'required',
    });
  });
}
