import type { Command } from 'commander';
import { whereOptions } from '../command-options.js';
import { readAction } from '../read-command.js';

/** `percontact config`: the workspace's configuration as it is read, and the definitions in force. */
export function registerConfig(program: Command): void {
  const command = program
    .command('config')
    .description(
      "the workspace's configuration (defaults filled in) and the definitions every report states",
    );
  readAction(
    whereOptions(command),
    ['table'],
    async () => (await import('../../app/config.js')).configOperation,
  );
}
