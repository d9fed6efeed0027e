import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import { CsvRecordScanner, decodeUtf8, splitFields } from './csv-tokenizer.js';

export const FILE_FORMATS = ['csv', 'xlsx', 'ods', 'json', 'jsonl', 'parquet', 'yaml'] as const;
export type FileFormat = (typeof FILE_FORMATS)[number];

const SAMPLE_BYTES = 256 * 1024;
const DELIMITERS = [',', ';', '\t', '|'] as const;

/** The first bytes of a file, enough to recognise its format and CSV dialect. */
export async function readSample(
  path: string,
  bytes = SAMPLE_BYTES,
): Promise<{ sample: Buffer; complete: boolean }> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return { sample: buffer.subarray(0, bytesRead), complete: bytesRead < bytes };
  } finally {
    await handle.close();
  }
}

/** Recognises a file's format by its content first (zip = xlsx or ods, PAR1 = parquet), then its name. */
export function detectFormat(path: string, sample: Buffer): FileFormat {
  if (sample.subarray(0, 4).toString('latin1') === 'PK\u0003\u0004')
    return isOpenDocument(sample) ? 'ods' : 'xlsx';
  if (sample.subarray(0, 4).toString('latin1') === 'PAR1') return 'parquet';
  const ext = extname(path).toLowerCase();
  if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl';
  if (ext === '.yaml' || ext === '.yml') return 'yaml';
  if (ext === '.json') return 'json';
  return 'csv';
}

/** An OpenDocument file starts with an uncompressed `mimetype` entry naming its type (ODF 1.2, 3.3). */
function isOpenDocument(zip: Buffer): boolean {
  const head = zip.subarray(0, 128).toString('latin1');
  return head.includes('mimetype') && head.includes('application/vnd.oasis.opendocument.spreadsheet');
}

/**
 * The text encoding a sample shows: a byte-order mark's (UTF-8, UTF-16 LE or BE); UTF-16 without
 * one, told by its zero bytes; UTF-8 when the bytes are valid UTF-8; else Windows-1252 (what Excel
 * writes as "CSV" on a German or Western Windows, and latin-1's printable characters and more).
 * Undefined when none of them fits: other zero bytes, or bytes Windows-1252 leaves undefined.
 */
export function detectEncoding(sample: Buffer, complete: boolean): string | undefined {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return 'utf-8';
  if (sample[0] === 0xff && sample[1] === 0xfe) return 'utf-16le';
  if (sample[0] === 0xfe && sample[1] === 0xff) return 'utf-16be';
  const zeros = zeroBytes(sample.subarray(0, 4096));
  if (zeros.odd > 0.4 * zeros.pairs && zeros.even < 0.05 * zeros.pairs) return 'utf-16le';
  if (zeros.even > 0.4 * zeros.pairs && zeros.odd < 0.05 * zeros.pairs) return 'utf-16be';
  if (zeros.even + zeros.odd > 0) return undefined;
  // A sample cut mid-file may end inside a multi-byte character: ignore its last 3 bytes.
  const body = complete ? sample : sample.subarray(0, Math.max(0, sample.length - 3));
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(body);
    return 'utf-8';
  } catch {
    return sample.some((byte) => WINDOWS_1252_UNDEFINED.has(byte)) ? undefined : 'windows-1252';
  }
}

/** Bytes Windows-1252 gives no character. */
export const WINDOWS_1252_UNDEFINED = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

function zeroBytes(bytes: Buffer): { even: number; odd: number; pairs: number } {
  let even = 0;
  let odd = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0) i % 2 === 0 ? even++ : odd++;
  return { even, odd, pairs: Math.floor(bytes.length / 2) };
}

/**
 * Records of a UTF-8 sample split with a delimiter; the last (possibly cut) record is dropped unless
 * complete.
 */
export function sampleRecords(sample: Buffer, complete: boolean, delimiter: string, limit = 200): string[][] {
  const dialect = { delimiter, quote: '"' };
  const scanner = new CsvRecordScanner(dialect, () => true);
  const records = scanner.push(sample);
  if (complete) records.push(...scanner.end());
  return records.slice(0, limit).map((r) => splitFields(r.bytes ?? Buffer.alloc(0), dialect, decodeUtf8));
}

/**
 * The delimiter that splits the sampled records into the same number of fields most often (more
 * fields wins a tie); a file of one column gets ','.
 */
export function detectDelimiter(sample: Buffer, complete: boolean): string {
  let best: { delimiter: string; score: number; fields: number } = { delimiter: ',', score: 0, fields: 1 };
  for (const delimiter of DELIMITERS) {
    const counts = sampleRecords(sample, complete, delimiter).map((fields) => fields.length);
    if (counts.length === 0) continue;
    const { value, frequency } = mode(counts);
    if (value < 2) continue;
    const score = frequency / counts.length;
    if (score > best.score || (score === best.score && value > best.fields))
      best = { delimiter, score, fields: value };
  }
  return best.delimiter;
}

/**
 * ',' when the sampled values use a decimal comma (German `7,5` or `1.234,56`), else '.'. Only for
 * files not separated by commas.
 */
export function detectDecimal(records: readonly string[][], delimiter: string): '.' | ',' {
  if (delimiter === ',') return '.';
  const comma = /^[+-]?(\d{1,3}(\.\d{3})+|\d+),\d+%?$/;
  const point = /^[+-]?\d+\.\d+%?$/;
  let commas = 0;
  let points = 0;
  for (const record of records.slice(1)) {
    for (const value of record) {
      const v = value.trim();
      if (comma.test(v)) commas++;
      else if (point.test(v)) points++;
    }
  }
  return commas > points ? ',' : '.';
}

function mode(values: readonly number[]): { value: number; frequency: number } {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = { value: 0, frequency: 0 };
  for (const [value, frequency] of counts) {
    if (frequency > best.frequency || (frequency === best.frequency && value > best.value))
      best = { value, frequency };
  }
  return best;
}
