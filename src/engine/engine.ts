import type { Dialect, DialectCapabilities } from './dialect.js';
import type { MigrationStep } from './migrations/migration.js';
import type { Expr } from './query.js';
import type { ColumnType, RowValues, TableDef } from './schema.js';

/**
 * Result rows: numbers as JS numbers (integers are safe below 2^53), text as strings, dates as
 * 'YYYY-MM-DD' text, timestamps as Date, NULL as null.
 */
export type ResultRow = Record<string, string | number | boolean | Date | null>;

/**
 * Result columns whose stored form an engine cannot tell apart by itself (a boolean kept as 0/1
 * where the engine has no boolean type); the engine converts them to the form ResultRow promises.
 */
export type ResultTypes = Readonly<Record<string, ColumnType>>;

/**
 * A file of rows in the bulk CSV form every engine writes and reads, so that rows move between
 * engines without per-value work in JavaScript: RFC 4180 (quoted where needed, quotes doubled), no
 * header, the table's columns in order; NULL an unquoted `\N` (a text `\N` is quoted), so an empty
 * text may go unquoted to a reader with `csvEmptyIsText` (every text is quoted for the others);
 * booleans 1/0; instants in UTC as `YYYY-MM-DD HH:MM:SS.fff` (without `.fff` for an engine without
 * `subsecondInstants`); dates `YYYY-MM-DD`; numbers as their shortest exact decimal.
 */
export interface BulkCsv {
  /** A file, or a named pipe the writer is filling while the reader loads (staging.ts, pipeRows). */
  readonly bulkCsv: string;
  /** How many rows it holds (the writer knows; NaN while a pipe is being written). */
  readonly rows: number;
}

/** The rows of a SELECT the engine runs itself (the table's columns in order): nothing crosses into JavaScript. */
export interface SelectedRows {
  readonly select: string;
}

/** Rows to write: values in the table's column order (at once or streamed), a bulk CSV file, or a SELECT. */
export type Rows = Iterable<RowValues> | AsyncIterable<RowValues> | BulkCsv | SelectedRows;

export function isBulkCsv(rows: Rows): rows is BulkCsv {
  return typeof (rows as BulkCsv).bulkCsv === 'string';
}

export function isSelectedRows(rows: Rows): rows is SelectedRows {
  return typeof (rows as SelectedRows).select === 'string';
}

/**
 * Writes that land together or not at all. Removals apply to the rows stored before the change set;
 * puts go in after them and replace stored rows with the same key (`TableDef.key`, NULLs equal), so
 * putting the same rows twice leaves the same store. Keys within one change set's puts are unique.
 */
export interface ChangeSet {
  put(table: TableDef, rows: Rows): Promise<number>;
  /**
   * Rows whose keys the caller knows are not stored (a first import of a source): added without
   * looking for rows to replace, which is cheaper. Within the work, reads of the store may or may not
   * see them yet, depending on the engine. A table takes adds or removals in one change set, not both.
   */
  add(table: TableDef, rows: Rows): Promise<number>;
  remove(table: TableDef, where: Expr): Promise<void>;
}

/**
 * The in-process DuckDB where ingest parses and checks files, in DuckDB SQL, before anything
 * reaches the store. `isStore`: it is the store itself (the embedded default), so staged rows reach
 * the store's tables by INSERT … SELECT; otherwise a fresh in-memory database, which `close` drops.
 */
export interface Staging {
  engine: StagingEngine;
  isStore: boolean;
  /**
   * The import may change the engine's instance-wide settings (memory limit, optimizers, insertion
   * order) while it runs: false where other connections share them (a server's readers), which must
   * not run under an import's settings.
   */
  tunable: boolean;
  close(): Promise<void>;
}

export interface StagingEngine extends Engine {
  /**
   * Writes the rows of a SELECT (the table's columns in order) to `path` in the bulk CSV form, as the
   * store with `reader`'s capabilities reads it (without `subsecondInstants` instants are cut to the
   * second, without `csvEmptyIsText` every text is quoted). `path` may be a named pipe.
   */
  exportQuery(sql: string, table: TableDef, path: string, reader: BulkCsvReader): Promise<BulkCsv>;
}

/** What the writer of a bulk CSV file needs to know of its reader. */
export type BulkCsvReader = Pick<DialectCapabilities, 'subsecondInstants' | 'csvEmptyIsText'>;

/** A storage engine: the one boundary between percontact and a database. */
export interface Engine {
  readonly dialect: Dialect;
  /** Applies every migration not yet applied; returns the schema version now in force. */
  migrate(): Promise<number>;
  /** One migration step, on every node the engine's tables live on. Idempotent. */
  applySchemaStep(step: MigrationStep): Promise<void>;
  query(sql: string, types?: ResultTypes): Promise<ResultRow[]>;
  execute(sql: string): Promise<void>;
  /** Appends rows as one bulk load; returns the row count. */
  append(table: TableDef, rows: Rows): Promise<number>;
  /** Writes the rows of `table` matching `where` (all without) to `path` in the bulk CSV form. */
  exportCsv(table: TableDef, where: Expr | undefined, path: string): Promise<BulkCsv>;
  /**
   * Runs `work` so that either all its writes land or none do, on engines with `transactions`;
   * elsewhere it just runs `work`.
   */
  transaction<T>(work: () => Promise<T>): Promise<T>;
  /**
   * Runs `work` and then publishes its change set at once; a failure of `work` or of the commit
   * leaves the store as it was. If the process dies while publishing, the next `open` finishes the
   * commit. `id` (letters, digits, `_`) names the change set, e.g. the import id.
   */
  changeSet<T>(id: string, work: (changes: ChangeSet) => Promise<T>): Promise<T>;
  /** Where ingest stages an import for this store (see Staging). */
  stagingEngine(): Promise<Staging>;
  /** How far the statement running now has got, 0..1; null when none runs or the engine cannot tell. */
  progress(): number | null;
  close(): Promise<void>;
}
