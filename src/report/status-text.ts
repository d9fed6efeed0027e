import type { StatusCell, StatusView } from '../app/status.js';
import { IMPORTED_TABLES, rowCount } from '../app/workspace-totals.js';
import { localMinute } from '../text/text-table.js';

/** One cell of the coverage map: C contacts, $ cost lines, A agent time, H handle time (h: some). */
export function coverageMark(c: StatusCell): string {
  const handle =
    c.handled === 0
      ? '-'
      : c.handledWithHandleTime === c.handled
        ? 'H'
        : c.handledWithHandleTime > 0
          ? 'h'
          : '-';
  return `${c.contacts > 0 ? 'C' : '-'}${c.costLines > 0 ? '$' : '-'}${c.agentTimeSeconds > 0 ? 'A' : '-'}${handle}`;
}

/** The status as text: totals, then the coverage map (a month a line, a column per channel, ≤ 100 columns). */
export function statusText(view: StatusView): string {
  const t = view.totals;
  const costs = Object.entries(t.cost).map(([currency, amount]) => `${currency} ${amount}`);
  const counts = IMPORTED_TABLES.filter(({ total }) => t[total] > 0 || total === 'contacts').map(
    ({ total }) => rowCount(total, t[total]),
  );
  const last = view.imports.last ? `, the last on ${localMinute(view.imports.last, view.timezone)}` : '';
  const lines = [
    `Workspace ${view.workspace} (${view.currency}, ${view.timezone}): ${view.imports.count} imports${last}`,
    ...wrapped(counts),
    ...(costs.length > 0 ? wrapped(costs, 'ledger total ') : []),
  ];
  if (view.months.length === 0)
    return `${[...lines, '', 'No data yet: import contacts and costs (percontact import).'].join('\n')}\n`;
  const channels = view.channels.length > 0 ? view.channels : ['all'];
  const byKey = new Map(view.cells.map((c) => [`${c.month}|${c.channel}`, c]));
  const widths = channels.map((c) => Math.max(c.length, 4));
  const row = (month: string, cells: string[]) =>
    [month.padEnd(7), ...cells.map((cell, i) => cell.padEnd(widths[i] ?? 4))].join('  ').trimEnd();
  lines.push(
    '',
    'Coverage by month and channel, - where missing:',
    '  C contacts, $ cost lines, A agent time, H handle time (h: known for some handled contacts)',
    row('month', channels),
    ...view.months.map((m) =>
      row(
        m,
        channels.map((c) => coverageMark(byKey.get(`${m}|${c}`) as StatusCell)),
      ),
    ),
  );
  const costless = view.months.filter((m) =>
    channels.some((c) => {
      const cell = byKey.get(`${m}|${c}`);
      return cell !== undefined && cell.contacts > 0 && cell.costLines === 0;
    }),
  );
  if (costless.length > 0)
    lines.push('', `Contacts without cost lines (no cost per contact there): ${costless.join(', ')}`);
  return `${lines.join('\n')}\n`;
}

/** Items joined by commas, in lines of at most 100 columns, indented by two spaces (and `lead`). */
function wrapped(items: readonly string[], lead = ''): string[] {
  const lines: string[] = [];
  let line = '';
  for (const item of items) {
    const longer = line ? `${line}, ${item}` : item;
    if (line && 2 + lead.length + longer.length > 100) {
      lines.push(`${line},`);
      line = item;
    } else line = longer;
  }
  if (line) lines.push(line);
  return lines.map((l, i) => `  ${i === 0 ? lead : ' '.repeat(lead.length)}${l}`);
}
