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
