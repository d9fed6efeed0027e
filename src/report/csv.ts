import { reportColumns } from './columns.js';
import type { ReportView } from './report-view.js';

function field(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** RFC 4180 CSV: one row per period and segment, then the per-period totals and the grand total. */
export function renderCsv(view: ReportView): string {
  const columns = reportColumns(view, false);
  const rows = [...view.rows, ...(view.by.length > 0 ? view.periodTotals : []), view.totals];
  const lines = [columns.map((c) => c.header), ...rows.map((r) => columns.map((c) => c.value(r)))];
  return `${lines.map((l) => l.map(field).join(',')).join('\r\n')}\r\n`;
}
