import { existsSync, statSync } from 'node:fs';
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
  if (!existsSync(path) || !statSync(path).isFile())
    throw new UserError('NOT_FOUND', `${path}: no such file`, { file: path });
  const { sample } = await readSample(path, 4096);
  const format = read.format ?? detectFormat(path, sample);
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

/** The engine's CSV reader refused the file's structure (field counts, quotes, encoding). */
export function isCsvStructureError(error: unknown): boolean {
  const message = (error as Error)?.message ?? '';
  return /CSV Error|Invalid unicode|Maximum line size|unterminated quote|Expected Number of Columns/i.test(
    message,
  );
}
