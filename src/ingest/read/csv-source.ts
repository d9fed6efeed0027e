import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import type { Engine } from '../../engine/engine.js';
import { UserError } from '../../errors.js';
import type { ReadOptions } from '../mapping/schema.js';
import { type CsvDialect, CsvRecordScanner, decodeUtf8, splitFields } from './csv-tokenizer.js';
import { utf8File } from './encoding.js';
import { type RawRecord, RawTable } from './raw-table.js';
import { detectDecimal, detectDelimiter, readSample, sampleRecords } from './sniff.js';
import { type Located, type RawSource, sqlColumnName, uniqueColumnNames } from './source.js';

/** How a (UTF-8) CSV file is laid out, from the mapping's `read` options and what the sample shows. */
export interface CsvLayout {
  dialect: CsvDialect;
  header: boolean;
  columns: string[];
  decimal: '.' | ',';
  ragged: boolean;
}

/**
 * Opens a delimited text file: converted to UTF-8 first where it is in another encoding, then read by
 * the engine itself, or (`scripted`, or a dialect the engine cannot read) record by record.
 */
export async function openCsvSource(
  engine: Engine,
  path: string,
  read: ReadOptions,
  scripted: boolean,
): Promise<RawSource> {
  const text = await utf8File(path, read);
  try {
    const layout = await detectCsvLayout(text.path, read, path);
    const source =
      !scripted && enginesReadsCsv(layout)
        ? engineCsvSource(text.path, layout, path)
        : await scriptedCsvSource(engine, text.path, layout, path);
    return {
      ...source,
      ...(read.encoding ? {} : { detectedEncoding: text.encoding }),
      dispose: async () => {
        await source.dispose();
        await text.dispose();
      },
    };
  } catch (error) {
    await text.dispose();
    throw error;
  }
}

/** The layout of a UTF-8 file at `path`; messages name it `shownAs` (the file the user gave). */
export async function detectCsvLayout(
  path: string,
  read: ReadOptions = {},
  shownAs = path,
): Promise<CsvLayout> {
  const { sample, complete } = await readSample(path);
  const delimiter = unescapeDelimiter(read.delimiter) ?? detectDelimiter(sample, complete);
  const dialect = { delimiter, quote: read.quote ?? '"' };
  const records = sampleRecords(sample, complete, delimiter);
  const first = records[0];
  if (!first) throw new UserError('INVALID_INPUT', `${shownAs}: the file is empty`, { file: shownAs });
  if (read.delimiter !== undefined) refuseOtherDelimiter(shownAs, sample, complete, delimiter, records);
  const header = read.header ?? !(read.columns || read.layouts);
  const columns = uniqueColumnNames(header ? first : namesFor(shownAs, read, records));
  return {
    dialect,
    header,
    columns,
    decimal: read.decimal ?? detectDecimal(records, delimiter),
    ragged: read.ragged ?? false,
  };
}

/**
 * A layout that names its delimiter read against a file that never uses it (a table export in CSV
 * where a pipe-separated log was expected) would yield one column per line and skip or reject every
 * row for reasons that hide the cause: say what the file is instead.
 */
function refuseOtherDelimiter(
  shownAs: string,
  sample: Buffer,
  complete: boolean,
  delimiter: string,
  records: readonly string[][],
): void {
  if (records.some((r) => r.length > 1)) return;
  const other = detectDelimiter(sample, complete);
  if (other === delimiter) return;
  const header = sampleRecords(sample, complete, other)[0] ?? [];
  if (header.length < 2) return;
  throw new UserError(
    'INVALID_INPUT',
    `${shownAs}: no "${delimiter}" in its first lines, the delimiter this layout reads; the file is "${other}"-separated (first line: ${header.slice(0, 6).join(', ')}${header.length > 6 ? ', …' : ''}): another layout`,
    { file: shownAs, line: 1 },
  );
}

function unescapeDelimiter(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  return text === '\\t' || text.toLowerCase() === 'tab' ? '\t' : text;
}

/** Names for a header-less file: `read.columns`, else the layout for its most common field count. */
function namesFor(path: string, read: ReadOptions, records: readonly string[][]): string[] {
  const counts = records.map((r) => r.length);
  const width = Math.max(...counts);
  if (read.layouts) {
    const typical = mostCommon(counts);
    const names = read.layouts[String(typical)];
    if (!names) {
      const known = Object.keys(read.layouts).join(', ');
      throw new UserError(
        'INVALID_INPUT',
        `${path}: records have ${typical} fields; this layout knows ${known}`,
        { file: path },
      );
    }
    return names;
  }
  if (read.columns) return read.columns;
  return Array.from({ length: width }, (_, i) => `column${i + 1}`);
}

function mostCommon(values: readonly number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? 0;
}

/** A CSV file the engine parses itself: the fast path. */
export function engineCsvSource(path: string, layout: CsvLayout, shownAs = path): RawSource {
  const lit = (text: string) => `'${text.replaceAll("'", "''")}'`;
  const sqlColumns = layout.columns.map((_, i) => sqlColumnName(i));
  const columnTypes = sqlColumns.map((c) => `${lit(c)}: 'VARCHAR'`).join(', ');
  const options = [
    'auto_detect = false',
    `header = ${layout.header}`,
    `delim = ${lit(layout.dialect.delimiter)}`,
    `quote = ${lit(layout.dialect.quote)}`,
    `escape = ${lit(layout.dialect.quote)}`,
    "encoding = 'utf-8'",
    `null_padding = ${layout.ragged}`,
    `columns = {${columnTypes}}`,
  ];
  return {
    file: shownAs,
    relation: `read_csv(${lit(path)}, ${options.join(', ')})`,
    columns: layout.columns,
    sqlColumns,
    recordColumn: null,
    hasProblems: false,
    decimal: layout.decimal,
    locate: (records) => locateCsvRecords(path, layout, records),
    dispose: async () => {},
  };
}

/** Finds records by their 1-based number after the header, scanning the file once. */
export async function locateCsvRecords(
  path: string,
  layout: CsvLayout,
  records: readonly number[],
): Promise<Map<number, Located>> {
  const offset = layout.header ? 0 : 1;
  const wanted = new Set(records.map((r) => r - offset));
  const found = new Map<number, Located>();
  if (wanted.size === 0) return found;
  const scanner = new CsvRecordScanner(layout.dialect, (index) => wanted.has(index));
  const take = (scanned: ReturnType<CsvRecordScanner['push']>) => {
    for (const r of scanned) {
      if (wanted.has(r.index))
        found.set(r.index + offset, { line: r.line, text: decodeUtf8(r.bytes ?? Buffer.alloc(0)) });
    }
  };
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    take(scanner.push(chunk as Buffer));
    if (found.size === wanted.size) return found;
  }
  take(scanner.end());
  return found;
}

/**
 * A CSV file read in JavaScript into a temporary table: for dialects the engine cannot read and for
 * files whose structure it rejects. A record with the wrong number of fields becomes a row with a
 * problem, so it is reported at its line instead of failing the whole file.
 */
export async function scriptedCsvSource(
  engine: Engine,
  path: string,
  layout: CsvLayout,
  shownAs = path,
): Promise<RawSource> {
  const width = layout.columns.length;
  const table = await RawTable.create(engine, width);
  const scanner = new CsvRecordScanner(layout.dialect, () => true);
  let batch: RawRecord[] = [];
  const take = async (scanned: ReturnType<CsvRecordScanner['push']>) => {
    for (const r of scanned) {
      if (layout.header && r.index === 0) continue;
      const values = splitFields(r.bytes ?? Buffer.alloc(0), layout.dialect, decodeUtf8);
      batch.push({
        values: values.map((v) => (v === '' ? null : v)),
        line: r.line,
        problem: fieldCountProblem(values.length, width, layout.ragged) ?? utf8Problem(r.bytes),
      });
    }
    if (batch.length >= 10_000) {
      await table.append(batch);
      batch = [];
    }
  };
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }))
    await take(scanner.push(chunk as Buffer));
  await take(scanner.end());
  await table.append(batch);
  return {
    file: shownAs,
    relation: `"${table.name}"`,
    columns: layout.columns,
    sqlColumns: layout.columns.map((_, i) => sqlColumnName(i)),
    recordColumn: '__rec',
    hasProblems: true,
    decimal: layout.decimal,
    locate: (records) => locateCsvRecords(path, layout, records),
    dispose: () => table.drop(),
  };
}

/** A record of a file read as UTF-8 (its encoding named so) whose bytes are not: never guessed at. */
function utf8Problem(bytes: Buffer | undefined): string | undefined {
  if (!bytes || isUtf8(bytes)) return undefined;
  return 'is not UTF-8 text, though the file is read as UTF-8 (name its encoding: read: { encoding: windows-1252 })';
}

function fieldCountProblem(count: number, width: number, ragged: boolean): string | undefined {
  if (count === width || (ragged && count < width)) return undefined;
  return `has ${count} fields, expected ${width}`;
}

/** DuckDB's CSV reader takes one-character delimiters only. */
export function enginesReadsCsv(layout: CsvLayout): boolean {
  return layout.dialect.delimiter.length === 1;
}
