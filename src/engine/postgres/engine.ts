import { createReadStream, createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import copyStreams from 'pg-copy-streams';
import { changeSetInTransaction } from '../change-set.js';
import {
  type BulkCsv,
  type ChangeSet,
  type Engine,
  isBulkCsv,
  isSelectedRows,
  type ResultRow,
  type Rows,
  type Staging,
} from '../engine.js';
import { runMigrations, stepSql } from '../migrate.js';
import type { MigrationStep } from '../migrations/migration.js';
import type { Expr } from '../query.js';
import type { ColumnType, SqlValue, TableDef } from '../schema.js';
import { inMemoryStaging } from '../staging.js';
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

  /**
   * COPY … FROM STDIN, the server's own bulk load: a bulk CSV file as it is, rows as values in text
   * format, streamed in chunks of rows.
   */
  async append(table: TableDef, rows: Rows): Promise<number> {
    const c = this.dialect.createCompiler();
    const columns = table.columns.map((col) => c.identifier(col.name)).join(', ');
    const into = `${c.identifier(table.name)} (${columns})`;
    if (isSelectedRows(rows)) {
      const result = await this.client.query(`INSERT INTO ${into} SELECT * FROM (${rows.select}) AS q`);
      return result.rowCount ?? 0;
    }
    if (isBulkCsv(rows)) {
      const copy = this.client.query(copyStreams.from(`COPY ${into} FROM STDIN (${BULK_CSV})`));
      await pipeline(createReadStream(rows.bulkCsv, { highWaterMark: 1 << 20 }), copy);
      return rows.rows;
    }
    const values = rows;
    const copy = this.client.query(copyStreams.from(`COPY ${into} FROM STDIN`));
    const encoders = table.columns.map((col) => COPY_TEXT[col.type]);
    let count = 0;
    async function* chunks(): AsyncGenerator<string> {
      let lines: string[] = [];
      for await (const row of values) {
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

  /** COPY (SELECT …) TO STDOUT, each value written in the bulk form by the server itself. */
  async exportCsv(table: TableDef, where: Expr | undefined, path: string): Promise<BulkCsv> {
    const c = this.dialect.createCompiler();
    const columns = table.columns.map((col) => {
      const name = c.identifier(col.name);
      if (col.type === 'boolean') return `CAST(${name} AS INTEGER) AS ${name}`;
      if (col.type === 'timestamp')
        return `to_char(${name} AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.MS') AS ${name}`;
      return name;
    });
    const text = table.columns.filter((col) => col.type === 'text').map((col) => c.identifier(col.name));
    const quote = text.length > 0 ? `, FORCE_QUOTE (${text.join(', ')})` : '';
    const select = `SELECT ${columns.join(', ')} FROM ${c.identifier(table.name)}${where ? ` WHERE ${c.expr(where)}` : ''}`;
    const copy = this.client.query(copyStreams.to(`COPY (${select}) TO STDOUT (${BULK_CSV}${quote})`));
    await pipeline(copy, createWriteStream(path));
    return { bulkCsv: path, rows: copy.rowCount ?? 0 };
  }

  stagingEngine(): Promise<Staging> {
    return inMemoryStaging();
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

/** COPY options of the bulk CSV form (engine.ts, BulkCsv); the session's zone is UTC. */
const BULK_CSV = "FORMAT csv, NULL '\\N'";

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
