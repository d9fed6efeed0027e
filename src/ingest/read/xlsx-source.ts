import type ExcelJS from 'exceljs';
import type { Engine } from '../../engine/engine.js';
import { UserError } from '../../errors.js';
import type { ReadOptions } from '../mapping/schema.js';
import { type RawRecord, RawTable, rawTableSource } from './raw-table.js';
import { type RawSource, uniqueColumnNames } from './source.js';

/** A worksheet of an XLSX workbook: the first row is the header unless `read.header` is false. */
export async function xlsxSource(engine: Engine, path: string, read: ReadOptions = {}): Promise<RawSource> {
  // Loaded on demand: the workbook library is large and only sheets need it.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.readFile(path);
  } catch (error) {
    throw new UserError(
      'INVALID_INPUT',
      `${path}: not a readable XLSX workbook: ${(error as Error).message}`,
      { file: path },
    );
  }
  const sheet = pickSheet(workbook, path, read.sheet);
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const values = (row.values as unknown[]).slice(1).map(cellText);
    if (values.some((v) => v !== null)) rows.push({ line, values });
  });
  return sheetSource(engine, path, sheet.name, rows, read);
}

/** A sheet's non-empty row: its row number and the cells as text (null when empty). */
export interface SheetRow {
  line: number;
  values: (string | null)[];
}

/** The rows of a sheet (XLSX or ODS) as a source: the first row is the header unless `read.header` is false. */
export async function sheetSource(
  engine: Engine,
  path: string,
  sheetName: string,
  rows: readonly SheetRow[],
  read: ReadOptions,
): Promise<RawSource> {
  const header = read.header ?? !read.columns;
  const first = rows[0];
  if (!first) throw new UserError('INVALID_INPUT', `${path}: sheet "${sheetName}" is empty`, { file: path });
  const width = Math.max(...rows.map((r) => r.values.length));
  const names = header ? first.values.map((v) => v ?? '') : (read.columns ?? []);
  const columns = uniqueColumnNames(
    Array.from({ length: Math.max(width, names.length) }, (_, i) => names[i] ?? ''),
  );
  const table = await RawTable.create(engine, columns.length);
  const records: RawRecord[] = (header ? rows.slice(1) : rows).map((r) => ({
    line: r.line,
    values: r.values,
  }));
  for (let i = 0; i < records.length; i += 10_000) await table.append(records.slice(i, i + 10_000));
  return rawTableSource(path, table, columns, read.decimal ?? '.');
}

/** No sheet of that name or number: the message lists the sheets there are. */
export function noSheet(
  path: string,
  wanted: string | number | undefined,
  names: readonly string[],
): UserError {
  return new UserError(
    'INVALID_INPUT',
    `${path}: no sheet ${JSON.stringify(wanted ?? 1)} (sheets: ${names.join(', ') || 'none'})`,
    { file: path },
  );
}

function pickSheet(
  workbook: ExcelJS.Workbook,
  path: string,
  wanted: string | number | undefined,
): ExcelJS.Worksheet {
  const sheet =
    wanted === undefined
      ? workbook.worksheets[0]
      : typeof wanted === 'number'
        ? workbook.worksheets[wanted - 1]
        : workbook.getWorksheet(wanted);
  if (!sheet)
    throw noSheet(
      path,
      wanted,
      workbook.worksheets.map((w) => w.name),
    );
  return sheet;
}

/** A cell as the text the user sees: dates as ISO local wall-clock text, time-only cells as H:MM:SS. */
export function cellText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return dateText(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: string };
    if (v.richText) return v.richText.map((part) => part.text).join('');
    if ('result' in v) return cellText(v.result);
    if ('text' in v) return cellText(v.text);
    if (v.error) return v.error;
  }
  return String(value);
}

/** Excel keeps no time zone: exceljs hands wall-clock time as UTC fields. */
function dateText(date: Date): string {
  const rounded = new Date(Math.round(date.getTime() / 1000) * 1000);
  const iso = rounded.toISOString();
  const time = iso.slice(11, 19);
  if (rounded.getUTCFullYear() < 1900) {
    const seconds = Math.round((rounded.getTime() - Date.UTC(1899, 11, 30)) / 1000);
    return `${Math.floor(seconds / 3600)}:${iso.slice(14, 19)}`;
  }
  return time === '00:00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${time}`;
}
