import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDbEngine } from '../../engine/duckdb/engine.js';
import { detectCsvLayout, engineCsvSource, locateCsvRecords } from './csv-source.js';
import { CsvRecordScanner, splitFields } from './csv-tokenizer.js';

/** A field as a writer would quote it: quotes doubled, quoted when it holds a delimiter, quote or newline. */
const quote = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

const field = fc
  .stringMatching(/^[a-z"\n, äö]{0,6}$/)
  .map((s) => s.replace(/\n/g, Math.random() < 0.5 ? '\n' : '\r\n'));
const record = fc.array(field, { minLength: 3, maxLength: 3 }).filter((r) => r.join('') !== '');
const csv = fc.record({
  records: fc.array(record, { minLength: 1, maxLength: 25 }),
  blankAfter: fc.array(fc.boolean(), { minLength: 25, maxLength: 25 }),
  crlf: fc.boolean(),
});

/** Writes the file and, independently of the scanner, the line each record starts on. */
function build(input: { records: string[][]; blankAfter: boolean[]; crlf: boolean }): {
  text: string;
  lines: number[];
} {
  const eol = input.crlf ? '\r\n' : '\n';
  let text = `a,b,c${eol}`;
  let line = 2;
  const lines: number[] = [];
  input.records.forEach((r, i) => {
    const written = r.map(quote).join(',');
    lines.push(line);
    text += written + eol;
    line += 1 + (written.match(/\n/g)?.length ?? 0);
    if (input.blankAfter[i]) {
      text += eol;
      line++;
    }
  });
  return { text, lines };
}

describe('CSV tokenizer', () => {
  let dir: string;
  let engine: DuckDbEngine;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'percontact-csv-'));
    engine = await DuckDbEngine.open(':memory:');
  });
  afterAll(async () => {
    await engine.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('splits fields, unquoting doubled quotes and keeping quoted newlines', () => {
    const bytes = Buffer.from('1,"a ""b"", c","x\r\ny",,tail"q');
    expect(splitFields(bytes, { delimiter: ',', quote: '"' }, (b) => b.toString('utf8'))).toEqual([
      '1',
      'a "b", c',
      'x\r\ny',
      '',
      'tail"q',
    ]);
  });

  it('finds records across chunk boundaries and skips empty lines', () => {
    const scanner = new CsvRecordScanner({ delimiter: ',', quote: '"' }, () => true);
    const text = 'h1,h2\r\n\r\n"a\nb",1\n\n2,3';
    const found = [...text].flatMap((ch) => scanner.push(Buffer.from(ch)));
    found.push(...scanner.end());
    expect(found.map((r) => [r.index, r.line, r.bytes?.toString()])).toEqual([
      [0, 1, 'h1,h2'],
      [1, 3, '"a\nb",1'],
      [2, 6, '2,3'],
    ]);
  });

  it('agrees with the engine: record n of DuckDB is the record the scanner finds on its line', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(csv, async (input) => {
        const { text, lines } = build(input);
        const path = join(dir, `p${run++}.csv`);
        await writeFile(path, text);
        const layout = await detectCsvLayout(path, { delimiter: ',' });
        const source = engineCsvSource(path, layout);
        const rows = await engine.query(
          `SELECT row_number() OVER () AS n, c0, c1, c2 FROM ${source.relation}`,
        );
        expect(rows).toHaveLength(input.records.length);
        const located = await locateCsvRecords(
          path,
          layout,
          rows.map((r) => Number(r.n)),
        );
        rows.forEach((row, i) => {
          const place = located.get(Number(row.n));
          expect(place?.line).toBe(lines[i]);
          const values = splitFields(Buffer.from(place?.text ?? ''), layout.dialect, (b) =>
            b.toString('utf8'),
          );
          expect(values.map((v) => (v === '' ? null : v))).toEqual([row.c0, row.c1, row.c2]);
        });
      }),
      { numRuns: 40 },
    );
  });
});
