import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { userError } from '../test-support/user-error.js';
import { type TestWorkspace, testWorkspace } from './testing.js';

const HEADER =
  'id,channel,direction,queue,arrived_at,wait_seconds,talk_seconds,hold_seconds,wrap_seconds,outcome,resolved,csat';
const GOOD = [
  HEADER,
  '1,voice,inbound,sales,2026-03-01 08:00:00,12,0:03:09,10,20,handled,yes,0.8',
  '2,Email,,support,2026-03-01T09:30:00Z,,,,,handled,,',
  '3,chat,outbound,sales,2026-07-02 10:00:00,30,,,,abandoned,no,',
].join('\n');

const dump = (t: TestWorkspace) => t.rows('SELECT * FROM contacts ORDER BY source, id');

describe('import contacts (generic CSV)', () => {
  let t: TestWorkspace;
  beforeEach(async () => {
    t = await testWorkspace();
  });
  afterEach(async () => {
    await t.close();
  });

  const iso = (value: unknown) => (value as Date).toISOString();

  it('stores canonical columns as typed contacts', async () => {
    const summary = await t.import({ files: [await t.file('c.csv', GOOD)] });
    expect(summary).toMatchObject({
      read: 3,
      imported: 3,
      duplicates: 0,
      rejected: 0,
      written: 3,
      // No --source and no mapping source: the file name's stem.
      source: 'c',
    });
    const [one, two, three] = await dump(t);
    // 0:03:09 = 189 s; handle = talk + hold + wrap = 189 + 10 + 20 = 219.
    expect(one).toMatchObject({
      channel: 'voice',
      talk_seconds: 189,
      handle_seconds: 219,
      resolved: true,
      csat: 0.8,
    });
    // Berlin is UTC+1 on 1 March: 08:00 local is 07:00 UTC; an explicit Z is kept as given.
    expect(iso(one?.arrived_at)).toBe('2026-03-01T07:00:00.000Z');
    expect(iso(two?.arrived_at)).toBe('2026-03-01T09:30:00.000Z');
    // Summer time (UTC+2) in July: 10:00 local is 08:00 UTC.
    expect(iso(three?.arrived_at)).toBe('2026-07-02T08:00:00.000Z');
    // An empty direction reads as inbound; "Email" matches case-insensitively; no agent times → no handle time.
    expect(two).toMatchObject({
      channel: 'email',
      direction: 'inbound',
      handle_seconds: null,
      resolved: null,
    });
    expect(three).toMatchObject({ direction: 'outbound', outcome: 'abandoned', resolved: false });
  });

  it('is idempotent, and a contact changed in a new export of the same file replaces the stored one', async () => {
    const file = await t.file('c.csv', GOOD);
    await t.import({ files: [file] });
    const before = await dump(t);
    expect(await t.import({ files: [file] })).toMatchObject({
      read: 3,
      imported: 0,
      duplicates: 3,
      written: 0,
    });
    expect(await dump(t)).toEqual(before);
    const changed = GOOD.replace(
      '3,chat,outbound,sales,2026-07-02 10:00:00,30',
      '3,chat,outbound,sales,2026-07-02 10:00:00,45',
    );
    // A new export of the same file: its changed contact replaces the stored one.
    await t.file('c.csv', changed);
    const summary = await t.import({ files: [file] });
    expect(summary).toMatchObject({ read: 3, imported: 1, duplicates: 2, written: 1, replaced: 1 });
    const after = await dump(t);
    expect(after).toHaveLength(3);
    expect(after[2]?.wait_seconds).toBe(45);
    // The unchanged contacts are still the first import's; the changed one is the latest's.
    const firstId = before[0]?.import_id;
    expect(after.map((c) => c.import_id)).toEqual([firstId, firstId, summary.id]);
  });

  it('keeps sources apart: the same ids under another source are other contacts', async () => {
    const file = await t.file('c.csv', GOOD);
    await t.import({ files: [file] });
    expect(await t.import({ files: [file], source: 'crm' })).toMatchObject({ imported: 3 });
    expect(await t.rows('SELECT source, count(*) AS n FROM contacts GROUP BY 1 ORDER BY 1')).toEqual([
      { source: 'c', n: 3 },
      { source: 'crm', n: 3 },
    ]);
  });

  it('refuses a file with invalid rows, lists file:line: column "x" value "y": reason, and changes nothing', async () => {
    await t.import({ files: [await t.file('good.csv', GOOD)] });
    const before = await dump(t);
    const bad = [
      HEADER,
      '10,voice,inbound,"two',
      'lines",2026-03-01 08:00:00,5,60,,,handled,,',
      '11,fax,inbound,q,2026-03-01 08:00:00,-5,,,,done,,7',
      '12,chat,inbound,q,yesterday,,,,,handled,,',
    ].join('\n');
    const path = await t.file('bad.csv', bad);
    const error = await userError(t.import({ files: [path] }));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toContain('2 rows have problems (of 3 read)');
    // The quoted field spans lines 2-3, so record 2 starts on line 4 and record 3 on line 5.
    expect(error.details).toEqual([
      `${path}:4: column "channel" value "fax": not one of voice, email, chat, messaging, social, sms, video, self_service, other`,
      `${path}:4: column "wait_seconds" value "-5": is negative`,
      `${path}:4: column "outcome" value "done": not one of handled, abandoned, self_served, callback, other`,
      `${path}:4: column "csat" value "7": is above 1 (give the raw scale in the mapping, e.g. scale: [1, 5])`,
      `${path}:5: column "arrived_at" value "yesterday": not a date and time`,
    ]);
    expect(await dump(t)).toEqual(before);
  });

  it('reports a bad value and, in a later chunk of the file, a record with too few fields', async () => {
    // 2,100 lines of a 17-column tab file: line 100 has a negative wait, line 2,091 only 16 fields.
    const header = ['id', 'channel', 'arrived_at', 'wait_seconds', 'outcome', ...'abcdefghijkl'];
    const lines = [header.join('\t')];
    for (let line = 2; line <= 2100; line++) {
      const fields = [`C${line}`, 'voice', '2026-03-02 10:00:00', line === 100 ? '-5' : '10', 'handled'];
      const padding = Array.from({ length: line === 2091 ? 11 : 12 }, () => 'x');
      lines.push([...fields, ...padding].join('\t'));
    }
    const path = await t.file('wide.tsv', `${lines.join('\n')}\n`);
    const mapping = await t.file('m.yaml', 'fields: {}\n');
    const error = await userError(t.import({ files: [path], mappingFile: mapping }));
    expect(error.message).toContain('2 rows have problems (of 2099 read)');
    expect(error.details).toEqual([
      `${path}:100: column "wait_seconds" value "-5": is negative`,
      `${path}:2091: has 16 fields, expected 17`,
    ]);
  });

  it('lists at most the first 20 problems', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => `${i},voice,inbound,q,not a time,,,,,handled,,`);
    const error = await userError(
      t.import({ files: [await t.file('bad.csv', [HEADER, ...rows].join('\n'))] }),
    );
    expect(error.message).toContain('30 rows have problems (of 30 read)');
    expect(error.details).toHaveLength(20);
    expect(error.details[19]).toMatch(/bad\.csv:21: column "arrived_at" value "not a time"/);
  });

  it('with --skip-invalid imports the good rows and writes every rejected row with line and reason', async () => {
    const rows = [
      HEADER,
      '1,voice,inbound,q,2026-03-01 08:00:00,,60,,,handled,,',
      '2,fax,inbound,q,2026-03-01 08:00:00,,,,,handled,,',
      '3,voice,inbound,q,2026-03-01 08:00:00,,60,,,handled,,',
      '3,voice,inbound,q,2026-03-01 08:00:00,,60,,,handled,,',
      '3,voice,inbound,q,2026-03-01 09:00:00,,60,,,handled,,',
      '4,voice,inbound,q,2026-03-01 08:00:00,,abc,,,handled,,',
    ];
    const rejects = `${t.dir}/rejects.csv`;
    const summary = await t.import({
      files: [await t.file('mixed.csv', rows.join('\n'))],
      skipInvalid: true,
      rejectsPath: rejects,
    });
    // 6 rows: ids 1 and 3 imported, the second "3" is an identical duplicate, the third "3" conflicts, 2 and 4 are invalid.
    expect(summary).toMatchObject({ read: 6, imported: 2, duplicates: 1, rejected: 3, rejectsFile: rejects });
    expect(summary.read).toBe(summary.imported + summary.duplicates + summary.rejected);
    expect((await dump(t)).map((c) => c.id)).toEqual(['1', '3']);
    const lines = (await readFile(rejects, 'utf8')).trim().split('\n');
    expect(lines[0]).toBe('file,line,reason,record');
    expect(lines.slice(1).map((l) => l.split(',')[1])).toEqual(['3', '6', '7']);
    expect(lines[1]).toContain('column ""channel"" value ""fax""');
    expect(lines[2]).toContain('has the same key as');
    expect(lines[2]).toContain('mixed.csv:4');
    expect(lines[3]).toContain('column ""talk_seconds"" value ""abc"": not a duration');
  });

  it('in strict mode refuses ids repeated with different values, and skips identical repeats', async () => {
    const same = [
      HEADER,
      '1,voice,inbound,q,2026-03-01 08:00:00,,60,,,handled,,',
      '1,voice,inbound,q,2026-03-01 08:00:00,,60,,,handled,,',
    ];
    expect(await t.import({ files: [await t.file('same.csv', same.join('\n'))] })).toMatchObject({
      read: 2,
      imported: 1,
      duplicates: 1,
    });
    const conflict = [...same.slice(0, 2), '1,voice,inbound,q,2026-03-01 08:00:00,,61,,,handled,,'];
    const path = await t.file('conflict.csv', conflict.join('\n'));
    const error = await userError(t.import({ files: [path], source: 'other' }));
    expect(error.details).toEqual([`${path}:3: has the same key as ${path}:2 but different values`]);
  });

  it('names the columns it misses', async () => {
    const error = await userError(t.import({ files: [await t.file('x.csv', 'id,channel\n1,voice\n')] }));
    expect(error.message).toMatch(/no column for arrived_at, outcome \(required contacts fields\)/);
  });
});
