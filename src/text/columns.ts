/** Plain-text tables for terminals: every report, plan and explanation lays out its columns here. */
export type Align = 'left' | 'right';

export function columnWidths(rows: readonly (readonly string[])[]): number[] {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, cell.length);
    });
  }
  return widths;
}

/** Lays out rows of cells in columns two spaces apart, each padded by its alignment. */
export function alignColumns(
  rows: readonly (readonly string[])[],
  align: (column: number) => Align,
  indent = '',
  widths = columnWidths(rows),
): string[] {
  return rows.map(
    (row) =>
      indent +
      row
        .map((cell, i) =>
          align(i) === 'right' ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0),
        )
        .join('  ')
        .trimEnd(),
  );
}

/** A dashed rule under a header, one dash per character of each column. */
export function columnRule(widths: readonly number[]): string {
  return widths.map((w) => '-'.repeat(w)).join('  ');
}

/** The width of a table laid out by alignColumns: its columns two spaces apart, after the indent. */
export function tableWidth(widths: readonly number[], indent = ''): number {
  return indent.length + widths.reduce((a, b) => a + b, 0) + 2 * Math.max(0, widths.length - 1);
}

/**
 * The columns that fit `maxWidth` (undefined: all of them): columns are dropped in `dropOrder`
 * (indices, first dropped first) until the table fits or nothing droppable is left.
 */
export function fitColumns(
  widths: readonly number[],
  dropOrder: readonly number[],
  maxWidth: number | undefined,
  indent = '',
): { kept: number[]; dropped: number[] } {
  const kept = widths.map((_, i) => i);
  const dropped: number[] = [];
  if (maxWidth === undefined) return { kept, dropped };
  for (const column of dropOrder) {
    if (
      tableWidth(
        kept.map((i) => widths[i] ?? 0),
        indent,
      ) <= maxWidth
    )
      break;
    const at = kept.indexOf(column);
    if (at < 0) continue;
    kept.splice(at, 1);
    dropped.push(column);
  }
  return { kept, dropped };
}

/** Rows with only the kept columns. */
export function keepColumns<T>(rows: readonly (readonly T[])[], kept: readonly number[]): T[][] {
  return rows.map((row) => kept.map((i) => row[i] as T));
}

/**
 * Text wrapped at spaces to lines of at most `width` characters (undefined: one line), the first
 * line after `first`, the others after `rest`. A word longer than a line stays whole.
 */
export function wrapText(text: string, width: number | undefined, first = '', rest = first): string[] {
  if (width === undefined || first.length + text.length <= width) return [first + text];
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const word of text.split(' ')) {
    if (!empty && line.length + 1 + word.length > width) {
      lines.push(line);
      line = rest + word;
    } else {
      line += (empty ? '' : ' ') + word;
    }
    empty = false;
  }
  lines.push(line);
  return lines;
}

/**
 * A table laid out to fit `maxWidth` (undefined: every column): columns dropped in `dropOrder`
 * until it fits, the rest aligned by `align` of their original index. `widths` are the kept
 * columns' widths (for a rule); `dropped` the original indices left out, for a hint.
 */
export function fittedTable(
  rows: readonly (readonly string[])[],
  align: (column: number) => Align,
  dropOrder: readonly number[],
  maxWidth: number | undefined,
  indent = '',
): { lines: string[]; widths: number[]; dropped: number[] } {
  const { kept, dropped } = fitColumns(columnWidths(rows), dropOrder, maxWidth, indent);
  const shown = keepColumns(rows, kept);
  const widths = columnWidths(shown);
  const lines = alignColumns(shown, (i) => align(kept[i] ?? i), indent, widths);
  return { lines, widths, dropped };
}
