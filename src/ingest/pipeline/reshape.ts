import type { Engine } from '../../engine/engine.js';
import { ident } from '../mapping/sql.js';
import { type RawRecord, RawTable, rawTableSource } from '../read/raw-table.js';
import type { Located, RawSource } from '../read/source.js';

/** One record as its file holds it: which file, its record number there, its values by column. */
export interface SourceRecord {
  /** Index of the file among the import's files. */
  file: number;
  /** 1-based record number in that file: where a problem with it is traced back to. */
  rec: number;
  values: Readonly<Record<string, string | null>>;
  /** Why the record is malformed (wrong field count, bad JSON), if it is. */
  problem?: string;
}

/** What a reshape knows of the files: their columns, to tell one kind of file from another. */
export interface SourceFile {
  path: string;
  columns: readonly string[];
}

/**
 * A record-level transform a preset supplies for layouts the mapping language cannot express
 * (nested JSON, a call spread over two tables). It sees every record of an import's files and
 * yields flat records with the columns it names; the mapping then reads those like a file's. Each
 * record it yields stands for one record of a file (`file`, `rec`), so problems are still reported
 * at that file's line, and everything after it (strict or skip-invalid, rejects, idempotent merge,
 * one transaction) is the importer's as for any file.
 */
export interface Reshape {
  /** Columns of the records it yields. */
  columns: readonly string[];
  records(input: readonly SourceRecord[], files: readonly SourceFile[]): Iterable<SourceRecord>;
}

/**
 * The import's sources reshaped: one new source per file, holding the records that stand for that
 * file's records. Problems found in them are located through the file's own source.
 */
export async function reshapeSources(
  engine: Engine,
  sources: readonly RawSource[],
  reshape: Reshape,
): Promise<RawSource[]> {
  const input: SourceRecord[] = [];
  for (const [file, source] of sources.entries()) input.push(...(await readRecords(engine, source, file)));
  const files = sources.map((s) => ({ path: s.file, columns: s.columns }));
  const byFile = sources.map(() => ({ records: [] as RawRecord[], origins: [] as number[] }));
  for (const out of reshape.records(input, files)) {
    const target = byFile[out.file];
    if (!target) throw new Error(`reshape yielded a record of file ${out.file}, which the import has not`);
    target.records.push({
      line: out.rec,
      values: reshape.columns.map((c) => out.values[c] ?? null),
      ...(out.problem ? { problem: out.problem } : {}),
    });
    target.origins.push(out.rec);
  }
  const reshaped: RawSource[] = [];
  for (const [i, source] of sources.entries()) {
    const { records, origins } = byFile[i] as { records: RawRecord[]; origins: number[] };
    const table = await RawTable.create(engine, Math.max(1, reshape.columns.length));
    for (let at = 0; at < records.length; at += 10_000) await table.append(records.slice(at, at + 10_000));
    const flat = rawTableSource(source.file, table, reshape.columns, source.decimal);
    reshaped.push({
      ...flat,
      locate: (wanted) => locateOrigins(source, wanted, origins),
      dispose: async () => {
        await flat.dispose();
        await source.dispose();
      },
    });
  }
  return reshaped;
}

/** Every record of a source, in order, with its number and problem. */
async function readRecords(engine: Engine, source: RawSource, file: number): Promise<SourceRecord[]> {
  const rec = source.recordColumn ? ident(source.recordColumn) : 'row_number() OVER ()';
  const problem = source.hasProblems ? '__problem' : 'CAST(NULL AS VARCHAR)';
  const columns = source.sqlColumns.map((c, i) => `${ident(c)} AS ${ident(`v${i}`)}`);
  const rows = await engine.query(
    `SELECT ${rec} AS __rec, ${problem} AS __problem${columns.length ? `, ${columns.join(', ')}` : ''} FROM ${source.relation} ORDER BY 1`,
  );
  return rows.map((row) => {
    const values: Record<string, string | null> = {};
    source.columns.forEach((name, i) => {
      const value = row[`v${i}`];
      values[name] = value === null || value === undefined ? null : String(value);
    });
    const record: SourceRecord = { file, rec: Number(row.__rec), values };
    return row.__problem ? { ...record, problem: String(row.__problem) } : record;
  });
}

/** Flat record n stands for record origins[n - 1] of the file: its line and text are the file's. */
async function locateOrigins(
  source: RawSource,
  wanted: readonly number[],
  origins: readonly number[],
): Promise<Map<number, Located>> {
  const originOf = new Map(wanted.map((n) => [n, origins[n - 1] as number]));
  const found = await source.locate([...new Set(originOf.values())]);
  const located = new Map<number, Located>();
  for (const [n, origin] of originOf) {
    const place = found.get(origin);
    if (place) located.set(n, place);
  }
  return located;
}
