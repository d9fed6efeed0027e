import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstNonUtf8 } from './encoding.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'percontact-utf8-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const scan = async (bytes: Buffer) => {
  const path = join(dir, 'f.txt');
  await writeFile(path, bytes);
  return firstNonUtf8(path);
};
/** The independent judge: the platform's own strict UTF-8 decoder. */
const valid = (bytes: Buffer) => {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
};

describe('firstNonUtf8', () => {
  const cases: [string, number[]][] = [
    ['ASCII', [0x61, 0x0a, 0x62]],
    ['ü, €, an emoji', [...Buffer.from('ü€😀')]],
    ['a lone continuation byte', [0x61, 0x80]],
    ['an overlong "/"', [0xc0, 0xaf]],
    ['an overlong three-byte form', [0xe0, 0x80, 0xaf]],
    ['a surrogate', [0xed, 0xa0, 0x80]],
    ['beyond U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
    ['a character cut off at the end', [0x61, 0xe2, 0x82]],
    ['Windows-1252 ü before ASCII', [0x4d, 0xfc, 0x6e]],
  ];
  it.each(cases)('agrees with the strict decoder: %s', async (_, bytes) => {
    const buffer = Buffer.from(bytes);
    expect((await scan(buffer)) === null).toBe(valid(buffer));
  });

  it('names the line and the lead byte, and whether only ASCII came before', async () => {
    expect(await scan(Buffer.from([0x61, 0x0a, 0x62, 0x0a, 0xfc]))).toEqual({
      line: 3,
      byte: 0xfc,
      asciiBefore: true,
    });
    // ü in UTF-8 on line 1, then a three-byte character missing its last byte on line 2.
    expect(await scan(Buffer.from([0xc3, 0xbc, 0x0a, 0xe2, 0x82, 0x41]))).toEqual({
      line: 2,
      byte: 0xe2,
      asciiBefore: false,
    });
  });

  it('follows a character across the boundary between two chunks read (1 MiB)', async () => {
    const emoji = Buffer.from('😀');
    const before = Buffer.alloc((1 << 20) - 2, 0x61);
    expect(await scan(Buffer.concat([before, emoji]))).toBeNull();
    expect(await scan(Buffer.concat([before, emoji.subarray(0, 2), Buffer.from('a')]))).toMatchObject({
      byte: 0xf0,
      asciiBefore: true,
    });
  });
});
