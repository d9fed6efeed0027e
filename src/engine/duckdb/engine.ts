import {
  type DuckDBAppender,
  type DuckDBConnection,
  DuckDBDateValue,
  DuckDBInstance,
  DuckDBTimestampTZValue,
  type DuckDBValue,
} from '@duckdb/node-api';
import { dayNumber } from '../../calendar/dates.js';
import type { Engine, ResultRow } from '../engine.js';
import { runMigrations } from '../migrate.js';
import type { ColumnType, RowValues, SqlValue, TableDef } from '../schema.js';
import { duckDbDialect } from './dialect.js';

/** The embedded default engine: one DuckDB file in the workspace folder (or ':memory:'). */
export class DuckDbEngine implements Engine {
  readonly dialect = duckDbDialect;
  private inTransaction = false;

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
  ) {}

  static async open(path: string): Promise<DuckDbEngine> {
    const instance = await DuckDBInstance.create(path);
    const connection = await instance.connect();
    // Reports run in UTC and convert explicitly: the session zone must never leak into figures.
    await connection.run("SET TimeZone = 'UTC'");
    return new DuckDbEngine(instance, connection);
  }

  migrate(): Promise<number> {
    return runMigrations(this);
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

  async append(table: TableDef, rows: Iterable<RowValues>): Promise<number> {
    const appender = await this.connection.createAppender(table.name);
    const writers = table.columns.map((c) => columnWriter(c.type));
    let count = 0;
    try {
      for (const row of rows) {
        for (let i = 0; i < writers.length; i++) {
          const value = row[i];
          if (value === null || value === undefined) appender.appendNull();
          else (writers[i] as ColumnWriter)(appender, value);
        }
        appender.endRow();
        count++;
      }
      appender.flushSync();
    } finally {
      appender.closeSync();
    }
    return count;
  }

  async transaction<T>(work: () => Promise<T>): Promise<T> {
    if (this.inTransaction) return work();
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

  async close(): Promise<void> {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}

type ColumnWriter = (appender: DuckDBAppender, value: SqlValue) => void;

function columnWriter(type: ColumnType): ColumnWriter {
  switch (type) {
    case 'text':
      return (a, v) => a.appendVarchar(String(v));
    case 'double':
      return (a, v) => a.appendDouble(Number(v));
    case 'integer':
      return (a, v) => a.appendBigInt(BigInt(v as number));
    case 'boolean':
      return (a, v) => a.appendBoolean(Boolean(v));
    case 'timestamp':
      return (a, v) => a.appendTimestampTZ(new DuckDBTimestampTZValue(BigInt((v as Date).getTime()) * 1000n));
    case 'date':
      return (a, v) => a.appendDate(new DuckDBDateValue(dayNumber(String(v))));
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
