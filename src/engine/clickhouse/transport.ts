import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ClickHouseLogLevel, createClient } from '@clickhouse/client';

/** A result as ClickHouse's JSON format gives it: column types, then rows. */
export interface JsonResult {
  meta: readonly { name: string; type: string }[];
  data: readonly Record<string, unknown>[];
}

/** One ClickHouse server, spoken to in SQL text only (18.16 has no query parameters). */
export interface ClickHouseNode {
  select(sql: string): Promise<JsonResult>;
  /** A statement without a result; `INSERT … FORMAT JSONEachRow` carries its rows after a newline. */
  command(sql: string): Promise<void>;
  /** `INSERT INTO t (…) FORMAT CSV` with the file's bytes as its data. */
  insertFile(insert: string, path: string): Promise<void>;
  /** A query's result in the format its SQL names (`… FORMAT CSV`), written to a file as it streams. */
  selectToFile(sql: string, path: string): Promise<void>;
  close(): Promise<void>;
}

export interface HttpNodeOptions {
  url: string;
  database: string;
  password?: string;
  /** Session-independent settings sent with every statement. */
  settings?: Record<string, string | number>;
}

/** A server over HTTP (@clickhouse/client). */
export function httpNode(options: HttpNodeOptions): ClickHouseNode {
  const url = new URL(options.url);
  const username = decodeURIComponent(url.username) || 'default';
  const password = decodeURIComponent(url.password) || options.password || '';
  url.username = '';
  url.password = '';
  const client = createClient({
    url: url.toString(),
    username,
    password,
    database: options.database,
    // Errors reach the caller as exceptions; the client must not print them too (probes fail on purpose).
    log: { level: ClickHouseLogLevel.OFF },
    // Long scans: the server sends progress headers so that idle connections are not cut.
    clickhouse_settings: {
      send_progress_in_http_headers: 1,
      http_headers_progress_interval_ms: '10000',
      ...options.settings,
    },
    request_timeout: 3_600_000,
  });
  return {
    async select(sql) {
      const result = await client.query({ query: sql, format: 'JSON' });
      return (await result.json()) as JsonResult;
    },
    async command(sql) {
      await client.command({ query: sql });
    },
    async insertFile(insert, path) {
      const { stream } = await client.exec({
        query: insert,
        values: createReadStream(path, { highWaterMark: 1 << 20 }),
      });
      stream.resume();
      await new Promise((resolve, reject) => stream.on('end', resolve).on('error', reject));
    },
    async selectToFile(sql, path) {
      const { stream } = await client.exec({ query: sql });
      await pipeline(stream as Readable, createWriteStream(path));
    },
    close: () => client.close(),
  };
}

/** Embedded current ClickHouse (the `chdb` package, a devDependency: loaded only when used). */
export async function chdbNode(database: string): Promise<ClickHouseNode> {
  const { Session, drainPending } = await import('chdb');
  const folder = chdbFolder();
  const session = new Session(folder.path);
  folder.sessions++;
  session.query(`CREATE DATABASE IF NOT EXISTS \`${database}\``);
  session.query(`USE \`${database}\``);
  return {
    async select(sql) {
      return (await session.queryAsync(sql, { format: 'JSON' })).json<JsonResult>();
    },
    async command(sql) {
      await session.queryAsync(sql);
    },
    async insertFile(insert, path) {
      await session.queryAsync(insert.replace(/ FORMAT (\w+)$/, ` FROM INFILE ${quoted(path)} FORMAT $1`));
    },
    async selectToFile(sql, path) {
      await session.queryAsync(sql.replace(/ FORMAT (\w+)$/, ` INTO OUTFILE ${quoted(path)} FORMAT $1`));
    },
    async close() {
      session.close();
      if (--folder.sessions > 0) return;
      // The last session gone: wait until the engine has really let go of the folder, then remove it.
      await drainPending();
      rmSync(folder.path, { recursive: true, force: true });
      if (current === folder) current = undefined;
    },
  };
}

const quoted = (path: string) => `'${path.replace(/[\\']/g, (ch) => `\\${ch}`)}'`;

/** chdb binds one data folder per process; sessions at the same path coexist. */
let current: { path: string; sessions: number } | undefined;

function chdbFolder(): { path: string; sessions: number } {
  current ??= { path: mkdtempSync(join(tmpdir(), 'percontact-chdb-')), sessions: 0 };
  return current;
}
