import type { Command } from 'commander';
import { auditRequest } from '../../app/requests/audit.js';
import { formatOption, whereOf, whereOptions } from '../command-options.js';
import { requestFlags, requestOf } from '../params.js';
import { printOperation } from '../run-operation.js';

/** `percontact audit`: every write made through the use cases, newest first. */
export function registerAudit(program: Command): void {
  const command = program
    .command('audit')
    .description(
      'the audit log: every import, import removal, cost edit and token change with who, when and the totals before and after',
    );
  requestFlags(whereOptions(command), auditRequest, {
    action: '--action <action>',
    limit: { flags: '--limit <n>', description: 'entries shown, newest first' },
    before: '--before <seq>',
  });
  formatOption(command, ['table']).action(async (opts: Record<string, unknown> & { format: string }) => {
    const { auditOperation } = await import('../../app/audit.js');
    await printOperation(auditOperation, await requestOf(command, opts), whereOf(opts), {
      format: opts.format,
      workspace: 'required',
    });
  });
}
