/**
 * A file opened for import: a SQL relation with one text column per column of the file, in file
 * order, whatever the file's format. Mapping and validation run on it as SQL; only the rows that
 * fail are traced back to their lines.
 */
export interface RawSource {
  /** The path as the user gave it, for messages. */
  file: string;
  /** SQL for a FROM clause: columns `sqlColumns` (VARCHAR), and `__problem` when `hasProblems`. */
  relation: string;
  /** Column names as the file (or the mapping's `read.columns`) names them. */
  columns: readonly string[];
  /** The SQL names of those columns, in the same order. */
  sqlColumns: readonly string[];
  /** A column holding the 1-based record number; null: records are numbered in relation order. */
  recordColumn: string | null;
  /** The relation has a `__problem` column: why a record is malformed (wrong field count, bad JSON). */
  hasProblems: boolean;
  /** The decimal separator numbers in this file use. */
  decimal: '.' | ',';
  /** A text file's encoding as detected from its first bytes (none: named by the mapping, or not text). */
  detectedEncoding?: string;
  /** Lines (or sheet rows) and raw text of records, by their 1-based number in `relation`. */
  locate(records: readonly number[]): Promise<Map<number, Located>>;
  /** SHA-256 of what was read (`sha256:<hex>`) where the source is not a file (a table): the log's checksum. */
  digest?: string;
  /** Drops what opening the file created (temporary tables). */
  dispose(): Promise<void>;
}

export interface Located {
  line: number;
  text: string;
}

export const sqlColumnName = (i: number): string => `c${i}`;

/** Makes column names unique ("Name", "Name" → "Name", "Name_2") and names empty ones by position. */
export function uniqueColumnNames(names: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((raw, i) => {
    const name = raw.trim() === '' ? `column${i + 1}` : raw.trim();
    const count = (seen.get(name.toLowerCase()) ?? 0) + 1;
    seen.set(name.toLowerCase(), count);
    return count === 1 ? name : `${name}_${count}`;
  });
}
