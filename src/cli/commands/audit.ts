import type { Command } from 'commander';
import { io } from '../io.js';
import { choiceOption, integerOption } from '../options.js';
import { withWorkspace } from '../with-workspace.js';

const ACTIONS = ['import', 'cost.add', 'cost.edit', 'cost.remove', 'token.create', 'token.revoke'] as const;

interface AuditCliOptions {
  workspace: string;
  action?: (typeof ACTIONS)[number];
  limit: number;
  format: 'table' | 'json';
}

/** `percontact audit`: every write made through the use cases, newest first. */
export function registerAudit(program: Command): void {
  program
    .command('audit')
    .description(
      'the audit log: every import, cost edit and token change with who, when and the totals before and after',
    )
    .requiredOption('-w, --workspace <dir>', 'workspace folder')
    .option('--action <action>', ACTIONS.join(', '), choiceOption('--action', ACTIONS))
    .option('--limit <n>', 'entries shown, newest first', integerOption('--limit', 1), 50)
    .option(
      '--format <format>',
      'table or json',
      choiceOption('--format', ['table', 'json'] as const),
      'table',
    )
    .action(async (opts: AuditCliOptions) => {
      const { listAudit } = await import('../../app/audit.js');
      const { alignColumns } = await import('../../text/columns.js');
      const view = await withWorkspace(opts.workspace, (ws) =>
        listAudit(ws, { limit: opts.limit, ...(opts.action ? { action: opts.action } : {}) }),
      );
      if (opts.format === 'json') {
        io.out(`${JSON.stringify(view, null, 2)}\n`);
        return;
      }
      if (view.entries.length === 0) {
        io.out('no audit entries\n');
        return;
      }
      const ledger = (t: { cost: Record<string, string> } | null) =>
        t
          ? Object.entries(t.cost)
              .map(([c, s]) => `${s} ${c}`)
              .join(', ') || '0'
          : '';
      const rows = view.entries.map((e) => [
        String(e.seq),
        e.at,
        e.actor,
        e.action,
        e.target ?? '',
        `${e.totalsBefore?.contacts ?? ''} → ${e.totalsAfter?.contacts ?? ''}`,
        `${ledger(e.totalsBefore)} → ${ledger(e.totalsAfter)}`,
      ]);
      const head = ['seq', 'at', 'who', 'action', 'target', 'contacts', 'ledger'];
      io.out(`${alignColumns([head, ...rows], () => 'left').join('\n')}\n`);
    });
}
