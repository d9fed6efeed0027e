import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import iconv from 'iconv-lite';
import { UserError } from '../../errors.js';
import type { ReadOptions } from '../mapping/schema.js';
import { detectEncoding, readSample } from './sniff.js';

/** Canonical names: 'utf-8', or a name iconv-lite knows (windows-1252, latin1, utf-16le, …). */
export function canonicalEncoding(name: string): string {
  const n = name.trim().toLowerCase().replace(/_/g, '-');
  if (n === 'utf8' || n === 'utf-8') return 'utf-8';
  if (!iconv.encodingExists(n)) {
    throw new UserError(
      'USAGE',
      `encoding "${name}" is not known (use utf-8, windows-1252, latin-1, utf-16le, ...)`,
      { parameter: 'read.encoding', value: name },
    );
  }
  return n;
}

/** A delimited text file in UTF-8 on disk: the file itself, or a converted temporary copy. */
export interface Utf8File {
  path: string;
  /** The encoding the file was read in. */
  encoding: string;
  dispose(): Promise<void>;
}

/**
 * The file as UTF-8, in the encoding the mapping names or the one its bytes show. Other encodings
 * are converted once into a temporary copy (line for line, so lines keep their numbers), which the
 * engine then reads itself as fast as any UTF-8 file.
 */
export async function utf8File(path: string, read: ReadOptions = {}): Promise<Utf8File> {
  const encoding = read.encoding ? canonicalEncoding(read.encoding) : await fileEncoding(path);
  if (encoding === 'utf-8') return { path, encoding, dispose: async () => {} };
  const dir = await mkdtemp(join(tmpdir(), 'percontact-text-'));
  const copy = join(dir, 'utf-8.txt');
  try {
    await pipeline(createReadStream(path), iconv.decodeStream(encoding), createWriteStream(copy, 'utf8'));
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return { path: copy, encoding, dispose: () => rm(dir, { recursive: true, force: true }) };
}

async function fileEncoding(path: string): Promise<string> {
  const { sample, complete } = await readSample(path);
  const encoding = detectEncoding(sample, complete);
  if (encoding) return encoding;
  throw new UserError(
    'INVALID_INPUT',
    `${path}: cannot tell the text encoding (not UTF-8, UTF-16 or Windows-1252); name it in a mapping file: read: { encoding: latin-1 } (or windows-1250, iso-8859-15, …)`,
    { file: path, parameter: 'read.encoding' },
  );
}
