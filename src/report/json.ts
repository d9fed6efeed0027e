import type { ReportView, RowView } from './report-view.js';

/** The documented JSON shape: each --by dimension is a key of its own on the row. */
function flatRow(row: RowView): Record<string, unknown> {
  const { dimensions, kind, period, ...figures } = row;
  const dims = kind === 'segment' || kind === 'unallocated' ? dimensions : {};
  return { period, ...dims, ...(kind === 'unallocated' ? { unallocated: true } : {}), ...figures };
}

export function renderJson(view: ReportView): string {
  const { rows, periodTotals, totals, ...head } = view;
  return `${JSON.stringify(
    { ...head, rows: rows.map(flatRow), periodTotals: periodTotals.map(flatRow), totals: flatRow(totals) },
    null,
    2,
  )}\n`;
}
