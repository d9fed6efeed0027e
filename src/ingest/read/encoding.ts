import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import iconv from 'iconv-lite';
import { UserError } from '../../errors.js';
import type { ReadOptions } from '../mapping/schema.js';
import { detectEncoding, readSample, WINDOWS_1252_UNDEFINED } from './sniff.js';

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
  throw cannotTell(path);
}

function cannotTell(path: string): UserError {
  return new UserError(
    'INVALID_INPUT',
    `${path}: cannot tell the text encoding (not UTF-8, UTF-16 or Windows-1252); name it in a mapping file: read: { encoding: latin-1 } (or windows-1250, iso-8859-15, …)`,
    { file: path, parameter: 'read.encoding' },
  );
}

/**
 * The encoding of a file read as UTF-8 because its first bytes (the sample) were, once the engine
 * met a byte further on that is not: Windows-1252 where everything before that byte was ASCII (the
 * sample saw no other character, and whole-file detection would have said so), else a refusal at
 * that line, since the file mixes encodings. Null: the file is UTF-8 after all.
 */
export async function encodingPastSample(path: string): Promise<string | null> {
  const broken = await firstNonUtf8(path);
  if (!broken) return null;
  if (broken.asciiBefore) {
    if (await usesAny(path, WINDOWS_1252_UNDEFINED)) throw cannotTell(path);
    return 'windows-1252';
  }
  const byte = `0x${broken.byte.toString(16).toUpperCase()}`;
  throw new UserError(
    'INVALID_INPUT',
    `${path}:${broken.line}: byte ${byte} is not UTF-8, though the lines before it are: the file mixes text encodings; save it in one, or name its encoding in a mapping file (read: { encoding: windows-1252 })`,
    { file: path, line: broken.line, parameter: 'read.encoding' },
  );
}

async function usesAny(path: string, bytes: ReadonlySet<number>): Promise<boolean> {
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }))
    if ((chunk as Buffer).some((b) => bytes.has(b))) return true;
  return false;
}

/** Where a file stops being UTF-8: its 1-based line, the offending byte, and whether all before it was ASCII. */
export interface Utf8Break {
  line: number;
  byte: number;
  asciiBefore: boolean;
}

/** The first byte of a file that is not part of valid UTF-8; null where the whole file is UTF-8. */
export async function firstNonUtf8(path: string): Promise<Utf8Break | null> {
  const scan = new Utf8Scan();
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    const broken = scan.push(chunk as Buffer);
    if (broken) return broken;
  }
  return scan.end();
}

/**
 * UTF-8 validation byte by byte (RFC 3629: no overlong forms, surrogates or code points beyond
 * U+10FFFF), counting lines, across chunk boundaries.
 */
class Utf8Scan {
  private line = 1;
  /** No character beyond ASCII has been completed yet. */
  private ascii = true;
  /** The current character's lead byte, the continuation bytes it still needs and the next one's range. */
  private lead = 0;
  private pending = 0;
  private low = 0x80;
  private high = 0xbf;

  push(bytes: Buffer): Utf8Break | null {
    for (const b of bytes) {
      if (this.pending > 0) {
        if (b < this.low || b > this.high) return this.broken(this.lead);
        [this.low, this.high] = [0x80, 0xbf];
        if (--this.pending === 0) this.ascii = false;
      } else if (b === 0x0a) this.line++;
      else if (b >= 0x80 && !this.begin(b)) return this.broken(b);
    }
    return null;
  }

  end(): Utf8Break | null {
    return this.pending > 0 ? this.broken(this.lead) : null;
  }

  /** Starts a multi-byte character at lead byte `b`; false where no character starts so. */
  private begin(b: number): boolean {
    this.lead = b;
    if (b >= 0xc2 && b <= 0xdf) this.pending = 1;
    else if (b >= 0xe0 && b <= 0xef) this.pending = 2;
    else if (b >= 0xf0 && b <= 0xf4) this.pending = 3;
    else return false;
    if (b === 0xe0) this.low = 0xa0;
    if (b === 0xed) this.high = 0x9f;
    if (b === 0xf0) this.low = 0x90;
    if (b === 0xf4) this.high = 0x8f;
    return true;
  }

  private broken(byte: number): Utf8Break {
    return { line: this.line, byte, asciiBefore: this.ascii };
  }
}
