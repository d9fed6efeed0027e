import type { Note, NoteCode } from '../metrics/notes.js';
import type { RenderContext } from './context.js';
import { noteText } from './note-text.js';
import type { ReportView, RowView } from './report-view.js';

/** The report's notes numbered 1, 2, … in order; rows refer to them by number. */
export interface Footnotes {
  /** [number, text in the locale's language] for every note. */
  list: [number, string][];
  /** "1,3": the numbers of a row's notes; '' without any. */
  marker(row: RowView): string;
}

/** `only`: just the notes of these codes (a trend of cost per contact leaves out service notes). */
export function footnotes(view: ReportView, context: RenderContext, only?: ReadonlySet<NoteCode>): Footnotes {
  const shown = only ? view.notes.filter((n) => only.has(n.code)) : view.notes;
  const numbers = new Map<string, number>(shown.map((n, i) => [n.text, i + 1]));
  const list = shown.map((n, i): [number, string] => [i + 1, noteText(n, context.locale)]);
  const marker = (row: RowView) =>
    [...new Set(row.notes.map((n: Note) => numbers.get(n.text)).filter((n) => n !== undefined))]
      .sort((a, b) => a - b)
      .join(',');
  return { list, marker };
}
