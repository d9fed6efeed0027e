import type { Engine } from '../../engine/engine.js';
import { ident } from '../mapping/sql.js';
import type { Located, RawSource } from './source.js';
import { sqlColumnName, uniqueColumnNames } from './source.js';

const lit = (text: string) => `'${text.replaceAll("'", "''")}'`;

/**
 * Parquet, read by the engine. Every column is turned into text so that one mapping and one set of
 * checks serve every format; instants keep their offset ("…+00"), so they are read as absolute.
 */
export async function parquetSource(engine: Engine, path: string): Promise<RawSource> {
  const scan = `read_parquet(${lit(path)}, file_row_number = true)`;
  const described = await engine.query(`DESCRIBE SELECT * EXCLUDE (file_row_number) FROM ${scan}`);
  const names = described.map((row) => String(row.column_name));
  const columns = uniqueColumnNames(names);
  const sqlColumns = columns.map((_, i) => sqlColumnName(i));
  const select = names.map((name, i) => `CAST(${ident(name)} AS VARCHAR) AS ${sqlColumns[i]}`).join(', ');
  return {
    file: path,
    relation: `(SELECT file_row_number + 1 AS __rec, ${select} FROM ${scan})`,
    columns,
    sqlColumns,
    recordColumn: '__rec',
    hasProblems: false,
    decimal: '.',
    locate: async (records) => {
      const found = new Map<number, Located>();
      if (records.length === 0) return found;
      const list = records.map((r) => Math.trunc(r) - 1).join(', ');
      const rows = await engine.query(
        `SELECT file_row_number + 1 AS __rec, ${select} FROM ${scan} WHERE file_row_number IN (${list})`,
      );
      for (const row of rows) {
        const object = Object.fromEntries(columns.map((c, i) => [c, row[sqlColumns[i] as string] ?? null]));
        found.set(Number(row.__rec), { line: Number(row.__rec), text: JSON.stringify(object) });
      }
      return found;
    },
    dispose: async () => {},
  };
}
