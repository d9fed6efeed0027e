import type { Command } from 'commander';
import { formatOption, whereOf, whereOptions } from '../command-options.js';
import { printOperation } from '../run-operation.js';

/** `percontact config`: the workspace's configuration as it is read, and the definitions in force. */
export function registerConfig(program: Command): void {
  const command = program
    .command('config')
    .description(
      "the workspace's configuration (defaults filled in) and the definitions every report states",
    );
  formatOption(whereOptions(command), ['table']).action(
    async (opts: Record<string, unknown> & { format: string }) => {
      const { configOperation } = await import('../../app/config.js');
      await printOperation(configOperation, {}, whereOf(opts), {
        format: opts.format,
        workspace: 'required',
      });
    },
  );
}
