import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import copyStreams from 'pg-copy-streams';
import { UserError } from '../../errors.js';
import { detectCsvLayout, engineCsvSource } from './csv-source.js';
import type { Located, RawSource } from './source.js';

/** `postgres://host:port/database?table=[schema.]name`: a table to import from where a PBX writes it. */
export function isTableLocator(text: string): boolean {
  return /^postgres(ql)?:\/\//i.test(text);
}

interface TableLocator {
  connection: string;
  schema: string | null;
  table: string;
}

/** Reads a locator; the password comes from PGPASSWORD (or ~/.pgpass), never from the command line. */
export function parseTableLocator(text: string): TableLocator {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UserError('USAGE', `not a table URL: ${text}`, { parameter: 'table', value: text });
  }
  if (url.password)
    throw new UserError('USAGE', 'the table URL must not carry a password: set PGPASSWORD instead', {
      parameter: 'table',
    });
  const name = url.searchParams.get('table');
  if (!name)
    throw new UserError('USAGE', `${text}: name the table, e.g. ?table=cdr or ?table=public.cdr`, {
      parameter: 'table',
      value: text,
    });
  url.searchParams.delete('table');
  const [schema, table] = name.includes('.') ? (name.split('.', 2) as [string, string]) : [null, name];
  return { connection: url.toString(), schema, table };
}

/**
 * A PostgreSQL table (Asterisk's cdr_pgsql, FreeSWITCH's mod_cdr_pg_csv) as an import source: its
 * rows streamed by the server's own COPY into a CSV file, every value as the server writes it as
 * text, which the staging engine then reads like any CSV file with a header. A record is located by
 * its row number in the order the server sent the rows, with its values; `digest` is the SHA-256 of
 * the copy, the import log's checksum.
 */
export async function tableSource(locator: string): Promise<RawSource> {
  const { connection, schema, table } = parseTableLocator(locator);
  const client = new pg.Client({ connectionString: connection });
  const folder = await mkdtemp(join(tmpdir(), 'percontact-table-'));
  const path = join(folder, 'rows.csv');
  try {
    await client.connect().catch((error: Error) => {
      throw new UserError('NOT_FOUND', `cannot connect to ${locator}: ${error.message.split('\n')[0]}`, {
        parameter: 'table',
        value: locator,
      });
    });
    // Instants with an offset read as the same instants in any zone; wall-clock times stay as stored.
    await client.query("SET TIME ZONE 'UTC'");
    const qualified = [schema, table]
      .filter((p) => p !== null)
      .map((p) => client.escapeIdentifier(p as string));
    const columns = await tableColumns(client, schema, table, locator);
    const select = columns.map((c) => `CAST(${client.escapeIdentifier(c)} AS text)`).join(', ');
    const hash = createHash('sha256');
    const copy = client.query(
      copyStreams.to(
        `COPY (SELECT ${select} FROM ${qualified.join('.')}) TO STDOUT (FORMAT csv, HEADER true)`,
      ),
    );
    const digesting = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        done(null, chunk);
      },
    });
    await pipeline(copy, digesting, createWriteStream(path));
    const layout = await detectCsvLayout(path, { delimiter: ',', header: true }, locator);
    const csv = engineCsvSource(path, layout, locator);
    return {
      ...csv,
      locate: async (records) => asRows(await csv.locate(records)),
      dispose: () => rm(folder, { recursive: true, force: true }),
      digest: `sha256:${hash.digest('hex')}`,
    };
  } catch (error) {
    await rm(folder, { recursive: true, force: true });
    throw error;
  } finally {
    await client.end();
  }
}

async function tableColumns(
  client: pg.Client,
  schema: string | null,
  table: string,
  locator: string,
): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT column_name AS name FROM information_schema.columns
     WHERE table_schema = coalesce($1, current_schema()) AND table_name = $2 ORDER BY ordinal_position`,
    [schema, table],
  );
  if (rows.length === 0)
    throw new UserError('NOT_FOUND', `${locator}: no table ${schema ? `${schema}.` : ''}${table} there`, {
      parameter: 'table',
      value: locator,
    });
  return rows.map((r) => r.name);
}

/** A record's place as its row number (not a line of the copy), with its values as the copy has them. */
function asRows(found: Map<number, Located>): Map<number, Located> {
  return new Map([...found].map(([record, place]) => [record, { line: record, text: place.text }]));
}
