import type { Command } from 'commander';
import type { Operation } from '../app/operation.js';
import { formatOption, whereOf } from './command-options.js';
import { requestOf } from './params.js';
import { type Printing, printOperation, type Where } from './run-operation.js';

export type CommandOptions = Record<string, unknown> & { format: string; out?: string };

/**
 * A read command's `--format` and action: its flags as the use case's request, run on the workspace
 * folder or the server, printed as --format says. `printing` adjusts where and how, per command.
 */
export function readAction(
  command: Command,
  formats: readonly string[],
  load: () => Promise<Operation>,
  printing: (
    opts: CommandOptions,
    request: Record<string, unknown>,
  ) => Partial<Printing> & { where?: Where } = () => ({}),
): Command {
  return formatOption(command, formats).action(async (opts: CommandOptions) => {
    const op = await load();
    const request = await requestOf(command, opts);
    const { where, ...rest } = printing(opts, request);
    await printOperation(op, request, where ?? whereOf(opts), {
      format: opts.format,
      out: opts.out,
      workspace: 'required',
      ...rest,
    });
  });
}
