import type { Command } from 'commander';
import { listImportsRequest } from '../../app/requests/imports.js';
import { LOCALES, type Locale } from '../../report/locale.js';
import { formatOption, whereOf, whereOptions } from '../command-options.js';
import { choiceOption } from '../options.js';
import { requestFlags } from '../params.js';
import { readAction } from '../read-command.js';
import { printWrite } from '../run-operation.js';

/** `percontact imports list` and `percontact imports remove ID`: the import log, and undoing one import. */
export function registerImports(program: Command): void {
  const command = program.command('imports').description('list the imports of a workspace, or remove one');
  const list = command
    .command('list')
    .description('every import: id, when, kind, source, rows stored, checksum and file');
  requestFlags(whereOptions(list), listImportsRequest, { all: '--all', locale: '--locale <locale>' });
  readAction(list, ['table'], async () => (await import('../../app/imports.js')).listImportsOperation);
  formatOption(
    whereOptions(
      command
        .command('remove')
        .description(
          'take out exactly the rows one import stored (all or nothing), with the totals before and after',
        )
        .argument('<id>', 'the import id, or its first characters as imports list shows them'),
    ),
    ['table'],
  )
    .option(
      '--locale <locale>',
      'language and number formats of the table: en-US or de-DE',
      choiceOption('--locale', LOCALES),
    )
    .action(async (id: string, opts: Record<string, unknown> & { format: string; locale?: Locale }) => {
      const { removeImport } = await import('../../app/imports.js');
      const { removedText } = await import('../../report/imports-text.js');
      await printWrite(whereOf(opts), opts.format, {
        local: (ws, actor) => removeImport(ws, actor, { id }),
        remote: { method: 'DELETE', path: `/imports/${encodeURIComponent(id)}` },
        text: (view) => removedText(view, opts.locale),
      });
    });
}
