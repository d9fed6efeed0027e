import type { Note } from '../metrics/notes.js';
import type { LocaleFormat } from './locale.js';
import { noteText } from './note-text.js';
import type { ReportView, RowView } from './report-view.js';

/**
 * The documented JSON shape: each --by dimension is a key of its own on the row; a row's notes as
 * their texts (the report's `notes` at the top carry every note with its code and values).
 */
function flatRow(row: RowView, text: (n: Note) => string): Record<string, unknown> {
  const { dimensions, kind, period, notes, ...figures } = row;
  const dims = kind === 'segment' || kind === 'unallocated' ? dimensions : {};
  return {
    period,
    ...dims,
    ...(kind === 'unallocated' ? { unallocated: true } : {}),
    ...figures,
    notes: notes.map(text),
  };
}

/**
 * The report as the documented JSON value (what `--format json` writes, and the HTTP API answers).
 * The notes' texts are in the locale's words (English: the metrics' own texts); their codes and
 * values stay as they are.
 */
export function reportJson(view: ReportView, locale?: LocaleFormat): ReportJson {
  const { rows, periodTotals, totals, notes, ...head } = view;
  const text = (n: Note) => (locale && locale.lang !== 'en' ? noteText(n, locale) : n.text);
  const row = (r: RowView) => flatRow(r, text);
  return {
    ...head,
    notes: notes.map((n) => ({ ...n, text: text(n) })),
    rows: rows.map(row),
    periodTotals: periodTotals.map(row),
    totals: row(totals),
  };
}

export type ReportJson = Omit<ReportView, 'rows' | 'periodTotals' | 'totals'> & {
  rows: Record<string, unknown>[];
  periodTotals: Record<string, unknown>[];
  totals: Record<string, unknown>;
};

export function renderJson(view: ReportView, locale?: LocaleFormat): string {
  return `${JSON.stringify(reportJson(view, locale), null, 2)}\n`;
}
