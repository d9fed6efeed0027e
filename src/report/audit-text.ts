import type { AuditView } from '../app/audit.js';
import type { WorkspaceTotals } from '../app/workspace-totals.js';
import { alignColumns } from '../text/columns.js';

/** The audit log as a table, newest first: who did what, and the contacts and ledger before → after. */
export function auditText(view: AuditView): string {
  if (view.entries.length === 0) return 'no audit entries\n';
  const ledger = (t: WorkspaceTotals | null) =>
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
  return `${alignColumns([head, ...rows], () => 'left').join('\n')}\n`;
}
