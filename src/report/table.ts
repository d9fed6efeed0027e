import { reportColumns } from './columns.js';
import type { ReportView, RowView } from './report-view.js';

/** A human table: segment rows, a total per period when broken down, the grand total, then the definitions. */
export function renderTable(view: ReportView): string {
  const columns = reportColumns(view, true);
  const body: RowView[] = [];
  view.periodTotals.forEach((periodTotal) => {
    body.push(...view.rows.filter((r) => r.period === periodTotal.period));
    if (view.by.length > 0) body.push(periodTotal);
  });
  const cells = [columns.map((c) => c.header), ...body.map((r) => columns.map((c) => c.value(r)))];
  const totalCells = columns.map((c) => c.value(view.totals));
  const widths = columns.map((_, i) => Math.max(...[...cells, totalCells].map((row) => (row[i] ?? '').length)));
  const line = (row: string[]) =>
    row
      .map((cell, i) => (columns[i]?.align === 'right' ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  const header = `Cost per contact, ${view.currency}, ${view.from} to ${view.to} (exclusive), by ${view.granularity}${
    view.by.length > 0 ? ` × ${view.by.join(' × ')}` : ''
  }, time zone ${view.timezone}`;
  const definitions = Object.entries(view.definitions).map(([k, v]) => `  ${k}: ${v}`);
  definitions.push(`  labour cost: ${labourText(view.labourBasis)}`, ...view.notes.map((n) => `  note: ${n}`));
  return [header, '', line(cells[0] as string[]), rule, ...cells.slice(1).map(line), rule, line(totalCells), '', 'Definitions:', ...definitions, ''].join('\n');
}

const BASIS_TEXT: Record<string, string> = {
  ledger: 'from the wage ledger',
  'bottom-up': 'built bottom-up from handle time × rate cards',
  none: 'none (no wages in the ledger, no rate cards)',
};

/** Groups periods by how their labour cost was built: "from the wage ledger (2026-01, 2026-02)". */
function labourText(basis: Record<string, string>): string {
  const groups = new Map<string, string[]>();
  for (const [period, how] of Object.entries(basis)) groups.set(how, [...(groups.get(how) ?? []), period]);
  return [...groups].map(([how, periods]) => `${BASIS_TEXT[how] ?? how} (${periods.join(', ')})`).join('; ');
}
