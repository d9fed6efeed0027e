import type { Command } from 'commander';
import type { Where } from './run-operation.js';

/** `-w, --workspace` and `--server`: where a command's use case runs. */
export function whereOptions(command: Command, workspace = 'workspace folder'): Command {
  return command
    .option('-w, --workspace <dir>', workspace)
    .option(
      '--server <url>',
      'instead of a workspace folder: the percontact server that owns it (token from PERCONTACT_TOKEN)',
    );
}

export function whereOf(opts: Record<string, unknown>): Where {
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return { workspace: text(opts.workspace), server: text(opts.server) };
}

/** `--format`: json (the view) and the operation's other outputs, `table` by default. */
export function formatOption(command: Command, formats: readonly string[]): Command {
  const all = [...new Set([formats[0] ?? 'table', 'json', ...formats])];
  return command.option('--format <format>', `${all.slice(0, -1).join(', ')} or ${all.at(-1)}`, all[0]);
}

export function outOption(command: Command): Command {
  return command.option('-o, --out <file>', 'write to this file (required for xlsx and pdf on a terminal)');
}
