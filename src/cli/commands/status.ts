import type { Command } from 'commander';
import { statusRequest } from '../../app/requests/status.js';
import { whereOptions } from '../command-options.js';
import { requestFlags } from '../params.js';
import { readAction } from '../read-command.js';

/** `percontact status`: what a workspace holds, and which inputs each month and channel has. */
export function registerStatus(program: Command): void {
  const command = program
    .command('status')
    .description(
      'what the workspace holds, and per month and channel: contacts, costs, agent time, handle time',
    );
  requestFlags(whereOptions(command), statusRequest, {
    from: '--from <month>',
    to: '--to <month>',
    locale: '--locale <locale>',
  });
  readAction(command, ['table'], async () => (await import('../../app/status.js')).statusOperation);
}
