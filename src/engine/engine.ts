import type { Dialect } from './dialect.js';
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
 * Writes that land together or not at all. Removals apply to the rows stored before the change set;
 * puts go in after them and replace stored rows with the same key (`TableDef.key`, NULLs equal), so
 * putting the same rows twice leaves the same store. Keys within one change set's puts are unique.
 */
export interface ChangeSet {
  put(table: TableDef, rows: Iterable<RowValues>): Promise<number>;
  remove(table: TableDef, where: Expr): Promise<void>;
}

/** A storage engine: the one boundary between percontact and a database. */
export interface Engine {
  readonly dialect: Dialect;
  /** Applies every migration not yet applied; returns the schema version now in force. */
  migrate(): Promise<number>;
  /** One migration step, on every node the engine's tables live on. Idempotent. */
  applySchemaStep(step: MigrationStep): Promise<void>;
  query(sql: string, types?: ResultTypes): Promise<ResultRow[]>;
  execute(sql: string): Promise<void>;
  /** Appends rows (values in the table's column order) as one bulk load; returns the row count. */
  append(table: TableDef, rows: Iterable<RowValues>): Promise<number>;
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
  /** How far the statement running now has got, 0..1; null when none runs or the engine cannot tell. */
  progress(): number | null;
  close(): Promise<void>;
}
