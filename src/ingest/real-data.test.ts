import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { plainFields } from '../test-support/plain-csv.js';
import { type TestWorkspace, testWorkspace } from './testing.js';

const iso = (value: unknown) => (value as Date).toISOString();

/**
 * The real files in ../shared/data (never copied into the repository). Every expected figure is
 * counted here by a second, naive reading of the same file, independent of the importer.
 */
const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DATA = resolve(repo, '..', 'shared', 'data');
const present = existsSync(DATA);
if (!present)
  console.warn(`real-data tests skipped: ${DATA} is absent (the shared data folder is not part of a clone)`);
const data = (name: string) => join(DATA, name);

describe.skipIf(!present)('real data in ../shared/data', () => {
  let t: TestWorkspace;
  beforeEach(async () => {
    t = await testWorkspace('EUR', 'Asia/Jerusalem');
  });
  afterEach(async () => {
    await t.close();
  });

  it('Anonymous Bank, six months, with the documented mapping: outcomes, phantoms and quirks', async () => {
    const files = readdirSync(DATA)
      .filter((f) => f.startsWith('anonbank_1999_'))
      .sort()
      .map(data);
    const rows = files.flatMap((f) =>
      readFileSync(f, 'utf8')
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => l.split('\t')),
    );
    const count = (test: (r: string[]) => boolean) => rows.filter(test).length;
    const hang = (r: string[]) => r[12] === 'HANG';
    const summary = await t.import({ files, mappingFile: join(repo, 'docs', 'mappings', 'anonbank.yaml') });
    const phantoms = count((r) => r[12] === 'PHANTOM');
    expect(summary).toMatchObject({
      read: rows.length,
      imported: rows.length - phantoms,
      rejected: 0,
      duplicates: 0,
    });
    expect(summary.skipped).toEqual([{ reason: 'phantom record (not a real call)', rows: phantoms }]);
    const outcomes = await t.rows('SELECT outcome, count(*) AS n FROM contacts GROUP BY 1 ORDER BY 1');
    expect(outcomes).toEqual([
      { outcome: 'abandoned', n: count((r) => hang(r) && r[9] !== '0:00:00') },
      { outcome: 'handled', n: count((r) => r[12] === 'AGENT') },
      { outcome: 'self_served', n: count((r) => hang(r) && r[9] === '0:00:00') },
    ]);
    const real = rows.filter((r) => r[12] !== 'PHANTOM');
    const [quirks] = await t.rows(`SELECT
      count(*) FILTER (WHERE agent IN ('ANO_SERVERT', 'NO_SERVER')) AS bad_agents,
      count(*) FILTER (WHERE ivr_seconds IS NULL) AS unknown_ivr,
      count(*) FILTER (WHERE customer IS NULL) AS unknown_customer,
      sum(talk_seconds) AS talk, sum(wait_seconds) AS wait FROM contacts`);
    expect(quirks).toEqual({
      bad_agents: 0,
      unknown_ivr: real.filter((r) => Number(r[8]) < 0).length,
      unknown_customer: real.filter((r) => r[2] === '0').length,
      talk: real.reduce((s, r) => s + Number(r[15]), 0),
      wait: real.reduce((s, r) => s + Number(r[11]), 0),
    });
    // The first call: 1999-01-01 0:00:31 in Israel (UTC+2) is 1998-12-31 22:00:31 UTC.
    const [first] = await t.rows("SELECT arrived_at FROM contacts WHERE id = 'AA0101-33116'");
    expect(iso(first?.arrived_at)).toBe('1998-12-31T22:00:31.000Z');
  });

  it('Asterisk Master.csv files (21 and 19 columns): legs sharing a linkedid make one contact', async () => {
    // Positions of linkedid (uniqueid in the 19-column cdr_custom layout), dstchannel, billsec, disposition.
    for (const [name, at] of [
      ['asterisk_cdr_master_stadion_pbx.csv', { id: 19, dst: 6, billsec: 13, disposition: 14 }],
      ['asterisk_cdr_master_lab_pjsip.csv', { id: 16, dst: 5, billsec: 12, disposition: 13 }],
    ] as const) {
      const records = readFileSync(data(name), 'latin1').trim().split('\n').map(plainFields);
      const calls = new Map<string, string[][]>();
      for (const r of records) calls.set(r[at.id] as string, [...(calls.get(r[at.id] as string) ?? []), r]);
      const summary = await t.import({ preset: 'asterisk-cdr', files: [data(name)], source: name });
      expect(summary).toMatchObject({
        read: records.length,
        imported: records.length,
        written: calls.size,
        rejected: 0,
      });
      // Handled: some leg reached a device (dstchannel) and was answered with billed seconds.
      const answered = (l: string[]) => l[at.disposition] === 'ANSWERED' && Number(l[at.billsec]) > 0;
      const handled = [...calls.values()].filter((legs) =>
        legs.some((l) => answered(l) && l[at.dst] !== ''),
      ).length;
      const talk = records
        .filter((l) => answered(l) && l[at.dst] !== '')
        .reduce((s, l) => s + Number(l[at.billsec]), 0);
      const [row] = await t.rows(
        `SELECT count(*) FILTER (WHERE outcome = 'handled') AS handled, sum(talk_seconds) AS talk FROM contacts WHERE source = '${name}'`,
      );
      expect(row).toEqual({ handled, talk });
    }
  });

  it('FreeSWITCH default template re-saved by a spreadsheet (seconds cut off, a leg logged three times)', async () => {
    const records = readFileSync(data('freeswitch_cdr_master_excel_mangled.csv'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => l.split(','));
    const uuids = new Set(records.map((r) => r[10]));
    const summary = await t.import({
      preset: 'freeswitch-cdr',
      files: [data('freeswitch_cdr_master_excel_mangled.csv')],
    });
    expect(summary).toMatchObject({ read: records.length, written: uuids.size, rejected: 0 });
    // Talk per call: the largest billsec among the records of its uuid.
    const talk = new Map<string, number>();
    for (const r of records)
      talk.set(r[10] as string, Math.max(talk.get(r[10] as string) ?? 0, Number(r[8])));
    const [row] = await t.rows('SELECT sum(talk_seconds) AS talk FROM contacts');
    expect(row?.talk).toBe([...talk.values()].reduce((a, b) => a + b, 0));
  });
});
