import { wallClock } from '../calendar/time-zone.js';
import { type Align, alignColumns, columnRule, columnWidths } from './columns.js';

/** A header row, a rule under it and the body, in aligned columns (the first left, the rest as `align` says). */
export function textTable(
  rows: readonly (readonly string[])[],
  align: (column: number) => Align = (i) => (i === 0 ? 'left' : 'right'),
): string[] {
  const widths = columnWidths(rows);
  const [header = '', ...body] = alignColumns(rows, align, '', widths);
  return [header, columnRule(widths), ...body];
}

/**
 * An instant as local date and minute in a time zone: 2026-03-04 10:12, the date as `date` writes an
 * ISO date (a locale's: 04.03.2026 10:12 in German).
 */
export function localMinute(iso: string, timeZone: string, date: (iso: string) => string = (d) => d): string {
  const t = wallClock(new Date(iso), timeZone);
  return `${date(t.date)} ${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}`;
}
