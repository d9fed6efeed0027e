import { existsSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import type { Engine } from '../../engine/engine.js';
import { UserError } from '../../errors.js';
import type { ReadOptions } from '../mapping/schema.js';
import { openCsvSource } from './csv-source.js';
import { jsonSource } from './json-source.js';
import { jsonlSource } from './jsonl-source.js';
import { odsSource } from './ods-source.js';
import { parquetSource } from './parquet-source.js';
import { detectFormat, readSample } from './sniff.js';
import type { RawSource } from './source.js';
import { isTableLocator, tableSource } from './table-source.js';
import { xlsxSource } from './xlsx-source.js';
import { yamlSource } from './yaml-source.js';

/**
 * Opens a file of any supported format, or a PostgreSQL table (`postgres://…?table=…`), as a
 * RawSource. `scripted` forces a CSV file through the
 * JavaScript reader (after the engine rejected its structure), so that each bad record is reported.
 */
export async function openSource(
  engine: Engine,
  path: string,
  read: ReadOptions = {},
  scripted = false,
): Promise<RawSource> {
  if (isTableLocator(path)) return tableSource(path);
  if (!existsSync(path) || !statSync(path).isFile()) {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(path))
      throw new UserError(
        'USAGE',
        `${path}: only PostgreSQL tables are read from a database (postgres://user@host:port/db?table=name)`,
        { file: path },
      );
    throw new UserError('NOT_FOUND', `${path}: no such file`, { file: path });
  }
  const { sample } = await readSample(path, 4096);
  const format = read.format ?? detectFormat(path, sample);
  if (format === 'csv' && !read.format) refuseMisnamed(path, sample);
  switch (format) {
    case 'xlsx':
      return xlsxSource(engine, path, read);
    case 'ods':
      return odsSource(engine, path, read);
    case 'json':
      return jsonSource(engine, path);
    case 'parquet':
      return parquetSource(engine, path);
    case 'jsonl':
      return jsonlSource(engine, path);
    case 'yaml':
      return yamlSource(engine, path);
    case 'csv':
      return openCsvSource(engine, path, read, scripted);
  }
}

/**
 * A file named as a binary format whose bytes are not that format would be read as text and fail
 * with a puzzling message about its encoding: say what it is not (or what to do with it) instead.
 */
function refuseMisnamed(path: string, sample: Buffer): void {
  const why = OLE2.equals(sample.subarray(0, OLE2.length))
    ? 'an old-style Excel file (.xls) is not read; save it as .xlsx or CSV'
    : MISNAMED[extname(path).toLowerCase()];
  if (why) throw new UserError('INVALID_INPUT', `${path}: ${why}`, { file: path });
}

/** How an old-style Office file (an OLE2 compound document: .xls, .doc) starts; some ".xls" exports are text. */
const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

const MISNAMED: Record<string, string> = {
  '.xlsx': 'not an XLSX workbook (its bytes do not start as one); save it again from the spreadsheet',
  '.ods': 'not an ODS spreadsheet (its bytes do not start as one); save it again from the spreadsheet',
  '.parquet': 'not a Parquet file (it does not start with PAR1)',
  '.gz': 'compressed files are not read; unpack it first (gunzip)',
  '.zip': 'compressed files are not read; unpack it first',
};

/** The engine's CSV reader refused the file's structure (field counts, quotes, encoding). */
export function isCsvStructureError(error: unknown): boolean {
  const message = (error as Error)?.message ?? '';
  return /CSV Error|Invalid unicode|Maximum line size|unterminated quote|Expected Number of Columns/i.test(
    message,
  );
}
