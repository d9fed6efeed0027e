import type { ReportView, RowView } from './report-view.js';

/**
 * The documented JSON shape: each --by dimension is a key of its own on the row; a row's notes as
 * their texts (the report's `notes` at the top carry every note with its code and values).
 */
function flatRow(row: RowView): Record<string, unknown> {
  const { dimensions, kind, period, notes, ...figures } = row;
  const dims = kind === 'segment' || kind === 'unallocated' ? dimensions : {};
  return {
    period,
    ...dims,
    ...(kind === 'unallocated' ? { unallocated: true } : {}),
    ...figures,
    notes: notes.map((n) => n.text),
  };
}

/** The report as the documented JSON value (what `--format json` writes, and the HTTP API answers). */
export function reportJson(view: ReportView): ReportJson {
  const { rows, periodTotals, totals, ...head } = view;
  return {
    ...head,
    rows: rows.map(flatRow),
    periodTotals: periodTotals.map(flatRow),
    totals: flatRow(totals),
  };
}

export type ReportJson = Omit<ReportView, 'rows' | 'periodTotals' | 'totals'> & {
  rows: Record<string, unknown>[];
  periodTotals: Record<string, unknown>[];
  totals: Record<string, unknown>;
};

export function renderJson(view: ReportView): string {
  return `${JSON.stringify(reportJson(view), null, 2)}\n`;
}
