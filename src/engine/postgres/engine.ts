import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import copyStreams from 'pg-copy-streams';
import { changeSetInTransaction } from '../change-set.js';
import type { ChangeSet, Engine, ResultRow } from '../engine.js';
import { runMigrations, stepSql } from '../migrate.js';
import type { MigrationStep } from '../migrations/migration.js';
import type { ColumnType, RowValues, SqlValue, TableDef } from '../schema.js';
import { postgresDialect } from './dialect.js';

export interface PostgresOptions {
  /** postgres://user@host:port/database */
  url: string;
  /** The schema the workspace's tables live in (created if missing); default the server's search path. */
  schema?: string;
  /** Used where the URL carries none. */
  password?: string;
}

/** A PostgreSQL database over one connection (transactions are per connection). */
export class PostgresEngine implements Engine {
  readonly dialect = postgresDialect;
  private inTransaction = false;

  private constructor(private readonly client: pg.Client) {}

  static async open(options: PostgresOptions): Promise<PostgresEngine> {
    const client = new pg.Client({
      connectionString: options.url,
      ...(options.password ? { password: options.password } : {}),
      types: { getTypeParser: typeParser },
    });
    await client.connect();
    const engine = new PostgresEngine(client);
    // Reports run in UTC and convert explicitly: the session zone must never leak into figures.
    await engine.execute("SET TIME ZONE 'UTC'");
    if (options.schema) {
      const schema = engine.dialect.createCompiler().identifier(options.schema);
      await engine.execute(`CREATE SCHEMA IF NOT EXISTS ${schema}; SET search_path TO ${schema}`);
    }
    return engine;
  }

  migrate(): Promise<number> {
    return runMigrations(this);
  }

  applySchemaStep(step: MigrationStep): Promise<void> {
    return this.execute(stepSql(this.dialect.createCompiler(), step));
  }

  async query(sql: string): Promise<ResultRow[]> {
    const result = await this.client.query(sql);
    const last = Array.isArray(result) ? result.at(-1) : result;
    return (last?.rows ?? []) as ResultRow[];
  }

  async execute(sql: string): Promise<void> {
    await this.client.query(sql);
  }

  /** COPY … FROM STDIN in text format: the server's own bulk load, streamed in chunks of rows. */
  async append(table: TableDef, rows: Iterable<RowValues>): Promise<number> {
    const c = this.dialect.createCompiler();
    const columns = table.columns.map((col) => c.identifier(col.name)).join(', ');
    const copy = this.client.query(
      copyStreams.from(`COPY ${c.identifier(table.name)} (${columns}) FROM STDIN`),
    );
    const encoders = table.columns.map((col) => COPY_TEXT[col.type]);
    let count = 0;
    function* chunks(): Generator<string> {
      let lines: string[] = [];
      for (const row of rows) {
        lines.push(encoders.map((encode, j) => copyField(encode, row[j] ?? null)).join('\t'));
        count++;
        if (lines.length === CHUNK_ROWS) {
          yield `${lines.join('\n')}\n`;
          lines = [];
        }
      }
      if (lines.length > 0) yield `${lines.join('\n')}\n`;
    }
    await pipeline(Readable.from(chunks()), copy);
    return count;
  }

  async transaction<T>(work: () => Promise<T>): Promise<T> {
    if (this.inTransaction) return work();
    await this.execute('BEGIN');
    this.inTransaction = true;
    try {
      const result = await work();
      await this.execute('COMMIT');
      return result;
    } catch (error) {
      await this.execute('ROLLBACK');
      throw error;
    } finally {
      this.inTransaction = false;
    }
  }

  changeSet<T>(id: string, work: (changes: ChangeSet) => Promise<T>): Promise<T> {
    return changeSetInTransaction(this, id, work);
  }

  progress(): number | null {
    return null;
  }

  async close(): Promise<void> {
    await this.client.end();
  }
}

const CHUNK_ROWS = 2048;

/** Result types as ResultRow promises them: bigint and numeric as numbers, dates as their text. */
function typeParser(oid: number, format?: string): (value: string) => unknown {
  if (oid === pg.types.builtins.INT8 || oid === pg.types.builtins.NUMERIC) return Number;
  if (oid === pg.types.builtins.DATE) return (value) => value;
  return pg.types.getTypeParser(oid, format as 'text');
}

/** COPY's text format: `\N` for NULL, backslash escapes for the characters that delimit fields and rows. */
function copyField(encode: (value: Exclude<SqlValue, null>) => string, value: SqlValue): string {
  return value === null ? '\\N' : encode(value);
}

const COPY_TEXT: Record<ColumnType, (value: Exclude<SqlValue, null>) => string> = {
  text: (v) => String(v).replace(/[\\\n\r\t]/g, (ch) => COPY_ESCAPES[ch] as string),
  double: (v) => String(Number(v)),
  integer: (v) => String(v),
  boolean: (v) => (v ? 't' : 'f'),
  timestamp: (v) => (v as Date).toISOString(),
  date: (v) => String(v),
};

const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };
