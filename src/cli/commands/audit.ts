import type { Command } from 'commander';
import { auditRequest } from '../../app/requests/audit.js';
import { whereOptions } from '../command-options.js';
import { requestFlags } from '../params.js';
import { readAction } from '../read-command.js';

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
  readAction(command, ['table'], async () => (await import('../../app/audit.js')).auditOperation);
}
