import iconv from 'iconv-lite';
import { UserError } from '../../errors.js';

/** Canonical names: DuckDB reads utf-8 and latin-1 itself; anything else goes through iconv-lite. */
export function canonicalEncoding(name: string): string {
  const n = name.trim().toLowerCase().replace(/_/g, '-');
  if (n === 'utf8' || n === 'utf-8') return 'utf-8';
  if (n === 'latin1' || n === 'latin-1' || n === 'iso-8859-1' || n === 'iso8859-1') return 'latin-1';
  if (!iconv.encodingExists(n)) {
    throw new UserError(
      'USAGE',
      `encoding "${name}" is not known (use utf-8, latin-1, windows-1252, utf-16le, ...)`,
    );
  }
  return n;
}

export function readsNatively(encoding: string): boolean {
  return encoding === 'utf-8' || encoding === 'latin-1';
}

export function decoderFor(encoding: string): (bytes: Buffer) => string {
  if (encoding === 'utf-8') return (b) => stripBom(b.toString('utf8'));
  if (encoding === 'latin-1') return (b) => b.toString('latin1');
  return (b) => stripBom(iconv.decode(b, encoding));
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
