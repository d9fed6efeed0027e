import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { captureIo } from '../cli/io.js';
import { run } from '../cli/main.js';
import { userError } from '../test-support/user-error.js';
import { type TestWorkspace, testWorkspace } from './testing.js';

const HEADER = 'id,channel,arrived_at,wait_seconds,talk_seconds,outcome,concurrency';
const problems = async (work: Promise<unknown>) => (await userError(work)).details;

describe('implausible values are invalid, with file, line, column, value and reason', () => {
  let t: TestWorkspace;
  beforeEach(async () => {
    t = await testWorkspace();
  });
  afterEach(async () => {
    await t.close();
  });

  it('refuses contact durations above the ceiling, negative ones, times outside 1990–2100 and concurrency 0', async () => {
    const path = await t.file(
      'c.csv',
      [
        HEADER,
        '1,voice,2026-03-02 10:00,10,99999999999999999999,handled,',
        '2,voice,2026-03-02 10:00,-3,60,handled,',
        '3,voice,1899-12-30 00:00,10,60,handled,',
        '4,voice,2150-01-01 00:00,10,60,handled,',
        '5,chat,2026-03-02 10:00,10,60,handled,0',
        // 24 h of talk is the ceiling itself; an email answered after 3 days (259200 s) waits below 31 days.
        '6,voice,2026-03-02 10:00,10,86400,handled,',
        '7,email,2026-03-02 10:00,259200,600,handled,',
      ].join('\n'),
    );
    expect(await problems(t.import({ files: [path] }))).toEqual([
      `${path}:2: column "talk_seconds" value "99999999999999999999": is more than 24 h (the ceiling plausibility.maxDurationSeconds in percontact.yaml)`,
      `${path}:3: column "wait_seconds" value "-3": is negative`,
      `${path}:4: column "arrived_at" value "1899-12-30 00:00": is outside 1990–2100 (not a plausible date)`,
      `${path}:5: column "arrived_at" value "2150-01-01 00:00": is outside 1990–2100 (not a plausible date)`,
      `${path}:6: column "concurrency" value "0": is not above 0`,
    ]);
  });

  it('stores a plausible per-contact concurrency', async () => {
    const path = await t.file('c.csv', `${HEADER}\n1,chat,2026-03-02 10:00,10,600,handled,2.5\n`);
    await t.import({ files: [path] });
    expect(await t.rows('SELECT concurrency FROM contacts')).toEqual([{ concurrency: 2.5 }]);
  });

  it('refuses amounts beyond 15 significant digits and cost dates outside 1990–2100', async () => {
    const path = await t.file(
      'ledger.csv',
      [
        'id,category,amount,period_start,period_end',
        // 15 digits, and 0.000…1 with one significant digit, are fine; 16 digits are not.
        'a,other,123456789012.345,2026-03-01,2026-04-01',
        'b,other,0.0000000000000000001,2026-03-01,2026-04-01',
        'c,other,1234567890123456,2026-03-01,2026-04-01',
        'd,other,-99999999999999.99,2026-03-01,2026-04-01',
        'e,other,10.00,1989-12-01,1990-01-01',
      ].join('\n'),
    );
    expect(await problems(t.import({ kind: 'costs', files: [path] }))).toEqual([
      `${path}:4: column "amount" value "1234567890123456": has more than 15 significant digits (not a plausible amount)`,
      `${path}:5: column "amount" value "-99999999999999.99": has more than 15 significant digits (not a plausible amount)`,
      `${path}:6: column "period_start" value "1989-12-01": is outside 1990–2100 (not a plausible date)`,
    ]);
  });

  it('refuses volume averages above the ceilings, and sums above handled × the ceiling', async () => {
    const path = await t.file(
      'v.csv',
      [
        'interval_start,interval,channel,handled,aht_seconds,handle_seconds_sum',
        '2026-03-02 08:00,30,voice,10,100000,',
        // 10 handled × 86400 s = 864000 s at most.
        '2026-03-02 08:30,30,voice,10,,864001',
      ].join('\n'),
    );
    expect(await problems(t.import({ kind: 'volumes', files: [path] }))).toEqual([
      `${path}:2: column "aht_seconds" value "100000": is more than 24 h (the ceiling plausibility.maxDurationSeconds in percontact.yaml)`,
      `${path}:3: column "handle_seconds_sum" value "864001": is more than handled × plausibility.maxDurationSeconds (not plausible)`,
    ]);
  });
});

describe('the ceiling is the workspace’s to set', () => {
  it('follows plausibility.maxDurationSeconds in percontact.yaml', async () => {
    const t = await testWorkspace();
    try {
      const yaml = join(t.ws.dir, 'percontact.yaml');
      const text = await readFile(yaml, 'utf8');
      expect(text).toContain('maxDurationSeconds: 86400');
      await writeFile(yaml, text.replace('maxDurationSeconds: 86400', 'maxDurationSeconds: 3600'));
      await t.ws.close();
      const path = await t.file('c.csv', `${HEADER}\n1,voice,2026-03-02 10:00,10,1:00:01,handled,\n`);
      const r = await captureIo(() => run(['import', 'contacts', path, '-w', t.ws.dir]));
      expect(r.result).toBe(5);
      expect(r.err).toContain(
        `${path}:2: column "talk_seconds" value "1:00:01": is more than 1 h (the ceiling plausibility.maxDurationSeconds in percontact.yaml)`,
      );
    } finally {
      await t.close();
    }
  });
});
