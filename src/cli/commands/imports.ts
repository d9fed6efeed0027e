import type { Command } from 'commander';
import { io } from '../io.js';
import { choiceOption } from '../options.js';
import { cliActor } from '../with-workspace.js';
import { openCommandWorkspace } from '../workspace.js';

interface ImportsCliOptions {
  workspace: string;
  format: 'table' | 'json';
  all?: boolean;
}

const FORMAT = ['table', 'json'] as const;

/** `percontact imports list` and `percontact imports remove ID`: the import log, and undoing one import. */
export function registerImports(program: Command): void {
  const command = program.command('imports').description('list the imports of a workspace, or remove one');
  command
    .command('list')
    .description('every import: id, when, kind, source, rows stored, checksum and file')
    .requiredOption('-w, --workspace <dir>', 'workspace folder')
    .option('--all', 'also list imports that were removed')
    .option('--format <format>', 'table or json', choiceOption('--format', FORMAT), 'table')
    .action(async (opts: ImportsCliOptions) => {
      const { listImports } = await import('../../app/imports.js');
      const { importsText } = await import('./imports-text.js');
      const workspace = await openCommandWorkspace(opts.workspace, 'read');
      try {
        const view = await listImports(workspace, { all: opts.all === true });
        io.out(opts.format === 'json' ? json(view) : importsText(view, workspace.config.timezone));
      } finally {
        await workspace.close();
      }
    });
  command
    .command('remove')
    .description(
      'take out exactly the rows one import stored (all or nothing), with the totals before and after',
    )
    .argument('<id>', 'the import id, or its first characters as imports list shows them')
    .requiredOption('-w, --workspace <dir>', 'workspace folder')
    .option('--format <format>', 'table or json', choiceOption('--format', FORMAT), 'table')
    .action(async (id: string, opts: ImportsCliOptions) => {
      const { removeImport } = await import('../../app/imports.js');
      const { removedText } = await import('./imports-text.js');
      const workspace = await openCommandWorkspace(opts.workspace, 'write');
      try {
        const view = await removeImport(workspace, await cliActor(), { id });
        io.out(opts.format === 'json' ? json(view) : removedText(view, workspace.config.currency));
      } finally {
        await workspace.close();
      }
    });
}

const json = (view: unknown) => `${JSON.stringify(view, null, 2)}\n`;
