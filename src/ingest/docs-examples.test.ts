import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type TestWorkspace, testWorkspace } from './testing.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const mapping = (name: string) => join(repo, 'docs', 'mappings', name);

/** The worked examples of docs/import.md, run as written there. */
describe('docs/import.md worked examples', () => {
  let t: TestWorkspace;
  beforeEach(async () => {
    t = await testWorkspace();
  });
  afterEach(async () => {
    await t.close();
  });

  it('quotes the example mapping files verbatim', async () => {
    const doc = await readFile(join(repo, 'docs', 'import.md'), 'utf8');
    for (const name of ['german-calls.yaml', 'daily-volumes.yaml']) {
      expect(doc).toContain(`\`\`\`yaml\n${await readFile(mapping(name), 'utf8')}\`\`\``);
    }
  });

  it('a German telephony export (latin-1, ";", decimal comma, percent)', async () => {
    const text =
      'Anruf-ID;Datum;Beginn;Kanal;Wartezeit;Gesprächsdauer;Ergebnis;Zufriedenheit\nA-1;01.03.2026;08:05;Telefon;0:00:42;1.234,5;angenommen;80 %\n';
    await t.import({
      files: [await t.file('anrufe.csv', Buffer.from(text, 'latin1'))],
      mappingFile: mapping('german-calls.yaml'),
    });
    const [row] = await t.rows('SELECT * FROM contacts');
    expect(row).toMatchObject({
      id: 'A-1',
      channel: 'voice',
      wait_seconds: 42,
      talk_seconds: 1234.5,
      outcome: 'handled',
      csat: 0.8,
    });
    expect((row?.arrived_at as Date | undefined)?.toISOString()).toBe('2026-03-01T07:05:00.000Z');
  });

  it('daily volumes with averages and a service-level percentage', async () => {
    const text =
      'Datum,Kanal,Angeboten,Angenommen,Abgebrochen,AHT,Servicelevel\n2026-03-01,voice,410,385,25,0:04:12,81%\n';
    await t.import({
      kind: 'volumes',
      files: [await t.file('daily.csv', text)],
      mappingFile: mapping('daily-volumes.yaml'),
      interval: 'day',
    });
    const [row] = await t.rows('SELECT * FROM volumes');
    // 385 × 252 s = 97020; round(0.81 × 385) = round(311.85) = 312.
    expect(row).toMatchObject({
      offered: 410,
      handled: 385,
      abandoned: 25,
      handle_seconds_sum: 97020,
      answered_within_threshold: 312,
      interval_length: 'P1D',
    });
  });
});
