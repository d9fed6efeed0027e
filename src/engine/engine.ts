import type { Dialect } from './dialect.js';
import type { RowValues, TableDef } from './schema.js';

/**
 * Result rows: numbers as JS numbers (integers are safe below 2^53), text as strings, dates as
 * 'YYYY-MM-DD' text, timestamps as Date, NULL as null.
 */
export type ResultRow = Record<string, string | number | boolean | Date | null>;

/** A storage engine: the one boundary between percontact and a database. */
export interface Engine {
  readonly dialect: Dialect;
  /** Applies every migration not yet applied; returns the schema version now in force. */
  migrate(): Promise<number>;
  query(sql: string): Promise<ResultRow[]>;
  execute(sql: string): Promise<void>;
  /** Appends rows (values in the table's column order) as one bulk load; returns the row count. */
  append(table: TableDef, rows: Iterable<RowValues>): Promise<number>;
  /** Runs `work` so that either all its writes land or none do. */
  transaction<T>(work: () => Promise<T>): Promise<T>;
  /** How far the statement running now has got, 0..1; null when none runs or the engine cannot tell. */
  progress(): number | null;
  close(): Promise<void>;
}
