import type { Command } from 'commander';
import { statusRequest } from '../../app/requests/status.js';
import { formatOption, whereOf, whereOptions } from '../command-options.js';
import { requestFlags, requestOf } from '../params.js';
import { printOperation } from '../run-operation.js';

/** `percontact status`: what a workspace holds, and which inputs each month and channel has. */
export function registerStatus(program: Command): void {
  const command = program
    .command('status')
    .description(
      'what the workspace holds, and per month and channel: contacts, costs, agent time, handle time',
    );
  requestFlags(whereOptions(command), statusRequest, { from: '--from <month>', to: '--to <month>' });
  formatOption(command, ['table']).action(async (opts: Record<string, unknown> & { format: string }) => {
    const { statusOperation } = await import('../../app/status.js');
    await printOperation(statusOperation, await requestOf(command, opts), whereOf(opts), {
      format: opts.format,
      workspace: 'required',
    });
  });
}
