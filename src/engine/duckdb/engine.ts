import {
  BIGINT,
  BOOLEAN,
  DATE,
  DOUBLE,
  type DuckDBConnection,
  DuckDBDataChunk,
  DuckDBDateValue,
  DuckDBInstance,
  DuckDBTimestampTZValue,
  type DuckDBType,
  type DuckDBValue,
  TIMESTAMPTZ,
  VARCHAR,
} from '@duckdb/node-api';
import { dayNumber } from '../../calendar/dates.js';
import { changeSetInTransaction } from '../change-set.js';
import {
  type BulkCsv,
  type BulkCsvReader,
  type ChangeSet,
  isBulkCsv,
  isSelectedRows,
  type ResultRow,
  type Rows,
  type Staging,
  type StagingEngine,
} from '../engine.js';
import { runMigrations, stepSql } from '../migrate.js';
import type { MigrationStep } from '../migrations/migration.js';
import type { Expr } from '../query.js';
import type { ColumnType, RowValues, SqlValue, TableDef } from '../schema.js';
import { exportBulkCsv, loadBulkCsv } from './bulk-csv.js';
import { duckDbDialect } from './dialect.js';

/**
 * The embedded default engine: one DuckDB file in the workspace folder (or ':memory:'). Each engine
 * object is one connection with at most one transaction; `connect()` gives another connection to the
 * same database, whose transactions are isolated from this one's (readers see committed snapshots).
 */
export class DuckDbEngine implements StagingEngine {
  readonly dialect = duckDbDialect;
  private inTransaction = false;

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
    /** The engine that opened the instance closes it; connections from `connect()` close only themselves. */
    private readonly ownsInstance: boolean,
    /** The connections open on the instance, this one included: settings are the instance's. */
    private readonly peers: { connections: number },
  ) {}

  /**
   * Opens a database file (or ':memory:'). `readOnly`: a shared lock, so several processes can read
   * the file at once; a writer holds it exclusively. A lock held by another process fails the open.
   */
  static async open(path: string, options: { readOnly?: boolean } = {}): Promise<DuckDbEngine> {
    const instance = await DuckDBInstance.create(path, options.readOnly ? { access_mode: 'READ_ONLY' } : {});
    return new DuckDbEngine(instance, await prepared(instance), true, { connections: 1 });
  }

  /** Another connection to the same database, with transactions of its own. Close it before this one. */
  async connect(): Promise<DuckDbEngine> {
    const engine = new DuckDbEngine(this.instance, await prepared(this.instance), false, this.peers);
    this.peers.connections += 1;
    return engine;
  }

  /** Stops the statement running on this connection (it fails with an interrupt error). */
  interrupt(): void {
    this.connection.interrupt();
  }

  migrate(): Promise<number> {
    return runMigrations(this);
  }

  applySchemaStep(step: MigrationStep): Promise<void> {
    return this.execute(stepSql(this.dialect.createCompiler(), step));
  }

  changeSet<T>(id: string, work: (changes: ChangeSet) => Promise<T>): Promise<T> {
    return changeSetInTransaction(this, id, work);
  }

  async query(sql: string): Promise<ResultRow[]> {
    const reader = await this.connection.runAndReadAll(sql);
    const names = reader.columnNames();
    return reader.getRows().map((values) => {
      const row: ResultRow = {};
      values.forEach((value, i) => {
        row[names[i] as string] = toJs(value);
      });
      return row;
    });
  }

  async execute(sql: string): Promise<void> {
    await this.connection.run(sql);
  }

  /** Rows as values go in vectors of CHUNK_ROWS rows: column-wise chunks cost far fewer native calls than rows. */
  async append(table: TableDef, rows: Rows): Promise<number> {
    const c = this.dialect.createCompiler();
    if (isBulkCsv(rows)) return loadBulkCsv(this.connection, c, table, rows);
    if (isSelectedRows(rows)) {
      const columns = table.columns.map((col) => c.identifier(col.name)).join(', ');
      const [[count] = []] = (
        await this.connection.runAndReadAll(
          `INSERT INTO ${c.identifier(table.name)} (${columns}) SELECT * FROM (${rows.select})`,
        )
      ).getRows();
      return Number(count ?? 0);
    }
    const appender = await this.connection.createAppender(table.name);
    const types = table.columns.map((c) => DUCKDB_TYPES[c.type]);
    const converters = table.columns.map((c) => toDuckDb(c.type));
    let batch: RowValues[] = [];
    let count = 0;
    const flush = () => {
      const chunk = DuckDBDataChunk.create(types, batch.length);
      chunk.setColumns(converters.map((convert, j) => batch.map((row) => convert(row[j] ?? null))));
      appender.appendDataChunk(chunk);
      count += batch.length;
      batch = [];
    };
    try {
      for await (const row of rows) {
        batch.push(row);
        if (batch.length === CHUNK_ROWS) flush();
      }
      if (batch.length > 0) flush();
      appender.flushSync();
    } finally {
      appender.closeSync();
    }
    return count;
  }

  exportCsv(table: TableDef, where: Expr | undefined, path: string): Promise<BulkCsv> {
    const c = this.dialect.createCompiler();
    const select = c.compileSelect({
      from: table.name,
      columns: table.columns.map((col) => ({ name: col.name, expr: { kind: 'column', name: col.name } })),
      ...(where ? { where } : {}),
    });
    return this.exportQuery(select, table, path, this.dialect.capabilities);
  }

  exportQuery(sql: string, table: TableDef, path: string, reader: BulkCsvReader): Promise<BulkCsv> {
    return exportBulkCsv(this.connection, this.dialect.createCompiler(), sql, table, path, reader);
  }

  /** The store stages its own imports: candidates reach its tables by INSERT … SELECT. */
  async stagingEngine(): Promise<Staging> {
    return { engine: this, isStore: true, tunable: this.peers.connections === 1, close: async () => {} };
  }

  /**
   * Refuses to nest: joining a running transaction silently would let a failure in one piece of work
   * roll back another's. Concurrent work takes a connection each (`connect()`).
   */
  async transaction<T>(work: () => Promise<T>): Promise<T> {
    if (this.inTransaction) {
      throw new Error('transaction() while this connection runs one: give concurrent work its own connect()');
    }
    await this.connection.run('BEGIN TRANSACTION');
    this.inTransaction = true;
    try {
      const result = await work();
      await this.connection.run('COMMIT');
      return result;
    } catch (error) {
      await this.connection.run('ROLLBACK');
      throw error;
    } finally {
      this.inTransaction = false;
    }
  }

  progress(): number | null {
    const percentage = this.connection.progress.percentage;
    return percentage < 0 ? null : Math.min(1, percentage / 100);
  }

  async close(): Promise<void> {
    this.connection.closeSync();
    this.peers.connections -= 1;
    if (this.ownsInstance) this.instance.closeSync();
  }
}

async function prepared(instance: DuckDBInstance): Promise<DuckDBConnection> {
  const connection = await instance.connect();
  // Reports run in UTC and convert explicitly: the session zone must never leak into figures.
  await connection.run("SET TimeZone = 'UTC'");
  // Track progress for `progress()` (long imports show a bar) without DuckDB printing its own.
  await connection.run('SET enable_progress_bar = true; SET enable_progress_bar_print = false');
  return connection;
}

const CHUNK_ROWS = 2048;

const DUCKDB_TYPES: Record<ColumnType, DuckDBType> = {
  text: VARCHAR,
  double: DOUBLE,
  integer: BIGINT,
  boolean: BOOLEAN,
  timestamp: TIMESTAMPTZ,
  date: DATE,
};

function toDuckDb(type: ColumnType): (value: SqlValue) => DuckDBValue {
  switch (type) {
    case 'text':
      return (v) => (v === null ? null : String(v));
    case 'double':
      return (v) => (v === null ? null : Number(v));
    case 'integer':
      return (v) => (v === null ? null : BigInt(v as number));
    case 'boolean':
      return (v) => (v === null ? null : Boolean(v));
    case 'timestamp':
      return (v) => (v === null ? null : new DuckDBTimestampTZValue(BigInt((v as Date).getTime()) * 1000n));
    case 'date':
      return (v) => (v === null ? null : new DuckDBDateValue(dayNumber(String(v))));
  }
}

function toJs(value: DuckDBValue): ResultRow[string] {
  if (value === null) return null;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof DuckDBDateValue) return value.toString();
  if (value instanceof DuckDBTimestampTZValue) return new Date(Number(value.micros / 1000n));
  return String(value);
}
