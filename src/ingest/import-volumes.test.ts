import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isUserError } from '../errors.js';
import { type TestWorkspace, testWorkspace } from './testing.js';

const iso = (value: unknown) => (value as Date).toISOString();

describe('import volumes', () => {
  let t: TestWorkspace;
  beforeEach(async () => {
    t = await testWorkspace();
  });
  afterEach(async () => {
    await t.close();
  });

  it('stores interval rows; averages and service-level percentages become sums and counts', async () => {
    const text = [
      'interval_start,interval,channel,queue,offered,handled,abandoned,aht_seconds,asa_seconds,service_level,threshold_seconds',
      '2026-03-02 08:00,30,voice,sales,100,90,10,0:04:00,12,80%,20',
      '2026-03-02 08:30,30m,voice,sales,50,50,,,,,',
    ].join('\n');
    const summary = await t.import({ kind: 'volumes', files: [await t.file('v.csv', text)] });
    // No --source and no mapping source: the rows are stored under the file name's stem.
    expect(summary).toMatchObject({ kind: 'volumes', read: 2, imported: 2, source: 'v' });
    const [first, second] = await t.rows('SELECT * FROM volumes ORDER BY interval_start');
    // 08:00 Berlin (UTC+1) is 07:00 UTC; 90 handled × 240 s AHT = 21600; × 12 s ASA = 1080; 80 % of 90 = 72.
    expect(iso(first?.interval_start)).toBe('2026-03-02T07:00:00.000Z');
    expect(iso(first?.interval_end)).toBe('2026-03-02T07:30:00.000Z');
    expect(first).toMatchObject({
      interval_length: 'PT30M',
      offered: 100,
      handled: 90,
      abandoned: 10,
      handle_seconds_sum: 21600,
      wait_seconds_sum: 1080,
      answered_within_threshold: 72,
      threshold_seconds: 20,
    });
    // Without abandoned, everything offered and not handled counts as abandoned: 50 - 50 = 0.
    expect(second).toMatchObject({ abandoned: 0, handle_seconds_sum: null, answered_within_threshold: null });
  });

  it('measures day and month intervals on the local calendar (a DST day has 23 hours)', async () => {
    const text = 'date,channel,offered,handled\n2026-03-29,chat,10,9\n2026-03-30,chat,12,12\n';
    await t.import({
      kind: 'volumes',
      files: [await t.file('d.csv', text)],
      interval: 'day',
      mappingFile: await t.file('m.yaml', 'fields:\n  interval_start: date\n'),
    });
    const rows = await t.rows('SELECT interval_start, interval_end, interval_length FROM volumes ORDER BY 1');
    expect(rows.map((r) => [iso(r.interval_start), iso(r.interval_end), r.interval_length])).toEqual([
      ['2026-03-28T23:00:00.000Z', '2026-03-29T22:00:00.000Z', 'P1D'],
      ['2026-03-29T22:00:00.000Z', '2026-03-30T22:00:00.000Z', 'P1D'],
    ]);
    await t.import({
      kind: 'volumes',
      files: [
        await t.file('mo.csv', 'interval_start,interval,channel,handled\n2026-10-01,month,email,300\n'),
      ],
    });
    const [month] = await t.rows("SELECT interval_start, interval_end FROM volumes WHERE channel = 'email'");
    // October starts in summer time (UTC+2) and ends in winter time (UTC+1).
    expect([iso(month?.interval_start), iso(month?.interval_end)]).toEqual([
      '2026-09-30T22:00:00.000Z',
      '2026-10-31T23:00:00.000Z',
    ]);
  });

  it('is idempotent and replaces a row changed in a new export of the same file', async () => {
    const text = 'interval_start,interval,channel,queue,handled\n2026-03-02 08:00,15,voice,a,5\n';
    const path = await t.file('v.csv', text);
    await t.import({ kind: 'volumes', files: [path] });
    expect(await t.import({ kind: 'volumes', files: [path] })).toMatchObject({ imported: 0, duplicates: 1 });
    await t.file('v.csv', text.replace(',5\n', ',6\n'));
    expect(await t.import({ kind: 'volumes', files: [path] })).toMatchObject({ imported: 1, replaced: 1 });
    expect(await t.rows('SELECT handled FROM volumes')).toEqual([{ handled: 6 }]);
  });

  it('refuses inconsistent counts and overlapping intervals of one segment', async () => {
    const text = [
      'interval_start,interval,channel,queue,offered,handled,abandoned',
      '2026-03-02 08:00,30,voice,a,10,9,5',
      '2026-03-02 09:00,60,voice,a,10,9,1',
      '2026-03-02 09:30,30,voice,a,10,9,1',
      '2026-03-02 09:30,30,voice,b,10,9,1',
      '2026-03-02 09:30,30,voice,,10,9,1',
    ].join('\n');
    const path = await t.file('bad.csv', text);
    const error = await t.import({ kind: 'volumes', files: [path] }).catch((e: unknown) => e);
    // Line 4 lies inside line 3's hour; line 6 has no queue, so it covers queue a's (and b's) half hour.
    expect(isUserError(error) && error.details).toEqual([
      `${path}:2: column "offered" value "10": is less than handled + abandoned`,
      `${path}:4: overlaps ${path}:3 but different values`,
      `${path}:6: overlaps ${path}:3 but different values`,
    ]);
  });

  it('reports a start that is no time once, and a missing interval length with the start as the file writes it', async () => {
    const path = await t.file(
      'nolength.csv',
      'interval_start,channel,offered,handled\n2026-02-30 09:00,voice,10,9\n2026-03-02 09:00,voice,10,9\n',
    );
    const error = await t.import({ kind: 'volumes', files: [path] }).catch((e: unknown) => e);
    expect(isUserError(error) && error.details).toEqual([
      `${path}:2: column "interval_start" value "2026-02-30 09:00": not a date and time`,
      `${path}:3: column "interval_start" value "2026-03-02 09:00": has no interval length (give an interval column, interval_end, or the import's interval: 15m, 30m, 1h, day, week or month)`,
    ]);
  });

  it('never counts a period twice: volumes and contacts of the same segment and time exclude each other', async () => {
    const contacts = 'id,channel,queue,arrived_at,outcome\n1,voice,sales,2026-03-02 08:10,handled\n';
    await t.import({ files: [await t.file('c.csv', contacts)] });
    const volumes =
      'interval_start,interval,channel,queue,handled\n2026-03-02 08:00,30,voice,sales,5\n2026-03-02 08:00,30,voice,service,5\n';
    const path = await t.file('v.csv', volumes);
    const error = await t.import({ kind: 'volumes', files: [path] }).catch((e: unknown) => e);
    expect(isUserError(error) && error.details).toEqual([
      `${path}:2: column "interval_start" value "2026-03-02 07:00:00+00": overlaps contacts already imported for this channel and queue (a period is counted from volumes or from contacts, never both)`,
    ]);
    expect(
      await t.import({ kind: 'volumes', files: [path], skipInvalid: true, rejectsPath: `${t.dir}/r.csv` }),
    ).toMatchObject({ imported: 1, rejected: 1 });
    const more = await t.file(
      'c2.csv',
      'id,channel,queue,arrived_at,outcome\n2,voice,service,2026-03-02 08:20,handled\n3,voice,service,2026-03-02 08:40,handled\n',
    );
    const refused = await t.import({ files: [more], source: 'crm' }).catch((e: unknown) => e);
    expect(isUserError(refused) && refused.details[0]).toMatch(
      /c2\.csv:2: column "arrived_at" value "2026-03-02 07:20:00\+00": lies in an interval already imported as volumes/,
    );
  });
});
