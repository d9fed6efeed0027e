import type { DuckDBConnection } from '@duckdb/node-api';
import type { BulkCsv } from '../engine.js';
import type { TableDef } from '../schema.js';
import type { SqlCompiler } from '../sql-compiler.js';

/**
 * The bulk CSV form (engine.ts, BulkCsv) in DuckDB: its own CSV writer and reader, in parallel and
 * without a value crossing into JavaScript. Text is always quoted, so an empty text stays apart from
 * NULL (`\N`, unquoted) on every reader.
 */
export async function exportBulkCsv(
  connection: DuckDBConnection,
  c: SqlCompiler,
  sql: string,
  table: TableDef,
  path: string,
  subsecondInstants: boolean,
): Promise<BulkCsv> {
  const instant = subsecondInstants ? '%Y-%m-%d %H:%M:%S.%g' : '%Y-%m-%d %H:%M:%S';
  const columns = table.columns.map((col, i) => {
    const name = c.identifier(col.name);
    const value =
      col.type === 'boolean'
        ? `CAST(${name} AS INTEGER)`
        : col.type === 'timestamp'
          ? `strftime(${name}, ${c.stringLiteral(instant)})`
          : name;
    return `${value} AS ${c.identifier(`c${i}`)}`;
  });
  const quoted = table.columns.flatMap((col, i) => (col.type === 'text' ? [c.identifier(`c${i}`)] : []));
  const options = [
    'FORMAT csv',
    'HEADER false',
    "NULLSTR '\\N'",
    ...(quoted.length > 0 ? [`FORCE_QUOTE (${quoted.join(', ')})`] : []),
  ];
  const reader = await connection.runAndReadAll(
    `COPY (SELECT ${columns.join(', ')} FROM (${sql}) AS q) TO ${c.stringLiteral(path)} (${options.join(', ')})`,
  );
  return { bulkCsv: path, rows: Number(reader.getRows()[0]?.[0] ?? 0) };
}

/** Appends a bulk CSV file by DuckDB's own CSV reader (instants without an offset are UTC: the session zone). */
export async function loadBulkCsv(
  connection: DuckDBConnection,
  c: SqlCompiler,
  table: TableDef,
  file: BulkCsv,
): Promise<number> {
  const columns = table.columns.map((col) => c.identifier(col.name)).join(', ');
  await connection.run(
    `COPY ${c.identifier(table.name)} (${columns}) FROM ${c.stringLiteral(file.bulkCsv)} (FORMAT csv, HEADER false, QUOTE '"', ESCAPE '"', NULLSTR '\\N', ALLOW_QUOTED_NULLS false)`,
  );
  return file.rows;
}
