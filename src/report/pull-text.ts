import type { PullView } from '../app/pull.js';
import { formatSummary } from '../ingest/pipeline/summary.js';

/** A pull as text: the range and folder, what each kind brought, and the imports' summaries. */
export function pullText(view: PullView): string {
  const lines = [`pulled LiveAgent ${view.range.from} to ${view.range.to} into ${view.folder}\n`];
  for (const [name, kind] of [
    ['calls', view.calls],
    ['tickets', view.tickets],
  ] as const) {
    const left =
      kind.leftOut > 0
        ? `, ${kind.leftOut} left out${name === 'tickets' ? ' (call tickets, or created outside the range)' : ' (created outside the range)'}`
        : '';
    lines.push(`  ${name.padEnd(8)} ${kind.fetched} fetched in ${kind.pages} pages${left}\n`);
  }
  for (const summary of view.imports) lines.push(formatSummary(summary));
  return lines.join('');
}
