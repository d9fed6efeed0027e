/** Quoting for the SQL the importer writes; user text only ever reaches SQL through these. */
export const lit = (text: string): string => `'${text.replaceAll("'", "''")}'`;
export const ident = (name: string): string => `"${name.replaceAll('"', '""')}"`;
export const litList = (values: readonly string[]): string => values.map(lit).join(', ');

/** A finite number as SQL (the mapping's numbers come from YAML, never from the data). */
export function num(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
  return `CAST(${value} AS DOUBLE)`;
}

/**
 * Trimmed text with empty as NULL: how every cell is seen before it is interpreted. Trimming only
 * the cells that need it keeps the common case (no padding) at the cost of two byte checks.
 */
export const cell = (sql: string): string =>
  `(CASE WHEN starts_with(${sql}, ' ') OR ends_with(${sql}, ' ') THEN NULLIF(trim(${sql}), '') ELSE NULLIF(${sql}, '') END)`;

/** Text as a number in the file's decimal style ('.' : 1234.5, ',' : 1.234,5). */
export function number(text: string, decimal: '.' | ','): string {
  return decimal === '.'
    ? `TRY_CAST(${text} AS DOUBLE)`
    : `TRY_CAST(replace(replace(${text}, '.', ''), ',', '.') AS DOUBLE)`;
}
