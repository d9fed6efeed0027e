import type { Command } from 'commander';
import { io } from '../io.js';
import { choiceOption } from '../options.js';
import { openCommandWorkspace } from '../workspace.js';

interface StatusCliOptions {
  workspace: string;
  from?: string;
  to?: string;
  format: 'table' | 'json';
}

/** `percontact status`: what a workspace holds, and which inputs each month and channel has. */
export function registerStatus(program: Command): void {
  program
    .command('status')
    .description(
      'what the workspace holds, and per month and channel: contacts, costs, agent time, handle time',
    )
    .requiredOption('-w, --workspace <dir>', 'workspace folder')
    .option('--from <month>', 'first month shown (default: the first with data)')
    .option('--to <month>', 'last month shown (default: the last with data)')
    .option(
      '--format <format>',
      'table or json',
      choiceOption('--format', ['table', 'json'] as const),
      'table',
    )
    .action(async (opts: StatusCliOptions) => {
      const { workspaceStatus } = await import('../../app/status.js');
      const { statusText } = await import('./status-text.js');
      const workspace = await openCommandWorkspace(opts.workspace, 'read');
      try {
        const view = await workspaceStatus(workspace, {
          ...(opts.from ? { from: opts.from } : {}),
          ...(opts.to ? { to: opts.to } : {}),
        });
        io.out(
          opts.format === 'json' ? `${JSON.stringify(view, null, 2)}\n` : statusText(view, opts.workspace),
        );
      } finally {
        await workspace.close();
      }
    });
}
