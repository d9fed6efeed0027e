import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isUserError } from '../../errors.js';
import { type TestWorkspace, testWorkspace } from '../testing.js';

/** The mapping language, feature by feature, each through a real import of a small file. */
describe('mapping files', () => {
  let t: TestWorkspace;
  beforeEach(async () => {
    t = await testWorkspace();
  });
  afterEach(async () => {
    await t.close();
  });

  const iso = (value: unknown) => (value as Date).toISOString();

  async function importWith(csv: string, yaml: string, options: { skipInvalid?: boolean } = {}) {
    const summary = await t.import({
      files: [await t.file('in.csv', csv)],
      mappingFile: await t.file('map.yaml', yaml),
      rejectsPath: `${t.dir}/rejects.csv`,
      ...options,
    });
    const rows = await t.rows('SELECT * EXCLUDE (source) FROM contacts ORDER BY id');
    return { summary, rows };
  }

  it('renames columns, joins and hashes values, combines date and time, and applies constants', async () => {
    const csv =
      'Line;Call;Day;Start;Kanal;Wer\nA1;7;020326;8:05:09;Telefon;Max\nA1;8;020326;14:00:00;E-Mail;\n';
    const yaml = `
fields:
  id: { join: [Line, Call], with: "/" }
  customer: { hash: [Line, Call] }
  channel: { column: Kanal, map: { telefon: voice, e-mail: email } }
  agent: { column: Wer, default: unassigned }
  arrived_at: { date: Day, time: Start, date_format: "%d%m%y" }
  outcome: { value: handled }
`;
    const { rows } = await importWith(csv, yaml);
    expect(rows.map((r) => [r.id, r.channel, r.agent, iso(r.arrived_at)])).toEqual([
      // 02.03.26 08:05:09 in Berlin (UTC+1) is 07:05:09 UTC.
      ['A1/7', 'voice', 'Max', '2026-03-02T07:05:09.000Z'],
      ['A1/8', 'email', 'unassigned', '2026-03-02T13:00:00.000Z'],
    ]);
    // md5 of "A1", unit separator, "7" — the same every time, so re-imports match.
    expect(rows[0]?.customer).toMatch(/^[0-9a-f]{32}$/);
    expect(rows[0]?.customer).not.toBe(rows[1]?.customer);
  });

  it("says a date or time that does not match the mapping's format does not match it (it is not empty)", async () => {
    const csv = 'id;Datum;Beginn;Ende\nA;2026-03-01;08:05;08:06\nB;01.03.2026;08:05;8 Uhr\nC;;;\n';
    const yaml = `
fields:
  channel: { value: voice }
  outcome: { value: handled }
  arrived_at: { date: Datum, time: Beginn, date_format: "%d.%m.%Y", time_format: "%H:%M" }
  talk_seconds: { between: [Beginn, Ende], format: "%H:%M" }
`;
    const error = await importWith(csv, yaml).catch((e: unknown) => e);
    const path = `${t.dir}/in.csv`;
    expect(isUserError(error) && error.details).toEqual([
      `${path}:2: column "Datum + Beginn" value "2026-03-01 08:05": does not match the format "%d.%m.%Y %H:%M"`,
      `${path}:3: column "Beginn → Ende" value "08:05 → 8 Uhr": does not match the format "%H:%M"`,
      `${path}:4: column "Datum + Beginn" value "": is empty (arrived_at is required)`,
    ]);
  });

  it('computes durations: between two times, subtract, units, h:mm, and extract', async () => {
    const csv =
      'id,start,answer,ring_ms,total,talk,tracked,dst\n1,2026-03-02 08:00:00,2026-03-02 08:01:30,2500,300,240,1:30,SIP/301-0000abcd\n';
    const yaml = `
fields:
  channel: { value: voice }
  outcome: { value: handled }
  arrived_at: start
  wait_seconds: { between: [start, answer] }
  ivr_seconds: { column: ring_ms, unit: milliseconds }
  hold_seconds: { subtract: [total, talk] }
  handle_seconds: { column: tracked, format: "h:mm" }
  talk_seconds: { column: talk, unit: minutes }
  agent: { column: dst, extract: "^SIP/([^-]+)" }
`;
    const { rows } = await importWith(csv, yaml);
    // 08:00:00 → 08:01:30 = 90 s; 2500 ms = 2.5 s; 300 - 240 = 60; talk 240 min = 14400 s; handle = talk + hold.
    expect(rows[0]).toMatchObject({
      wait_seconds: 90,
      ivr_seconds: 2.5,
      hold_seconds: 60,
      talk_seconds: 14400,
      handle_seconds: 14460,
      agent: '301',
    });
  });

  it('reads timestamps with formats, epoch seconds and an explicit source time zone', async () => {
    const csv = 'id,a,b\n1,03/02/2026 08:00,1772438400\n';
    const yaml = `
timezone: America/New_York
fields:
  channel: { value: chat }
  outcome: { value: handled }
  arrived_at: { column: a, format: ["%d.%m.%Y %H:%M", "%m/%d/%Y %H:%M"] }
  wait_seconds: { value: "0" }
`;
    const { rows } = await importWith(csv, yaml);
    // 8:00 in New York (UTC-5 on 2 March) is 13:00 UTC.
    expect(iso(rows[0]?.arrived_at)).toBe('2026-03-02T13:00:00.000Z');
    const epoch = await importWith(
      csv,
      'fields:\n  channel: { value: chat }\n  outcome: { value: handled }\n  arrived_at: { column: b, format: epoch }\n',
    );
    expect(iso(epoch.rows[0]?.arrived_at)).toBe('2026-03-02T08:00:00.000Z');
  });

  it('decides values by conditions: lists, not, empty, numeric tests on durations, any, alternatives and optional columns', async () => {
    const csv =
      'id,result,queued,wait,Kind\n1,AGENT,0:00:00,0,x\n2,HANG,0:01:00,60,x\n3,HANG,0:00:00,0,y\n4,BUSY,,5,x\n5,hang,0:00:00,0:00:07,x\n';
    const yaml = `
fields:
  channel: { value: voice }
  arrived_at: { value: "2026-03-02 08:00:00" }
  outcome:
    - when: { result: [AGENT, CONNECT] }
      then: handled
    - when: { result: HANG, queued: { not: "0:00:00" } }
      then: abandoned
    - when: { any: [{ result: BUSY }, { wait: { gt: 6 } }] }
      then: callback
    - when: { result: HANG, "type|kind": y, "missing?": { empty: true } }
      then: self_served
    - then: other
`;
    const { rows } = await importWith(csv, yaml);
    expect(rows.map((r) => r.outcome)).toEqual([
      'handled',
      'abandoned',
      'self_served',
      'callback',
      'callback',
    ]);
  });

  it('skips rows by rule and counts them apart; "invalid: null" blanks unreadable values instead of rejecting', async () => {
    const csv = 'id,kind,ivr\n1,CALL,5\n2,PHANTOM,5\n3,CALL,-4\n4,TEST,x\n';
    const yaml = `
fields:
  channel: { value: voice }
  outcome: { value: handled }
  arrived_at: { value: "2026-03-02 08:00:00" }
  ivr_seconds: { column: ivr, invalid: null }
skip:
  - when: { kind: PHANTOM }
    reason: phantom
  - when: { kind: { matches: "^TE" } }
    reason: test call
`;
    const { summary, rows } = await importWith(csv, yaml);
    expect(summary).toMatchObject({ read: 4, imported: 2, rejected: 0 });
    expect(summary.skipped).toEqual([
      { reason: 'phantom', rows: 1 },
      { reason: 'test call', rows: 1 },
    ]);
    expect(rows.map((r) => [r.id, r.ivr_seconds])).toEqual([
      ['1', 5],
      ['3', null],
    ]);
  });

  it('with only_mapped ignores same-named columns; maps scores from a raw scale', async () => {
    const csv = 'id,channel,arrived_at,outcome,queue,stars\n1,chat,2026-03-02 08:00,handled,ignored,4\n';
    const { rows } = await importWith(
      csv,
      'only_mapped: true\nfields:\n  id: id\n  channel: channel\n  arrived_at: arrived_at\n  outcome: outcome\n  csat: { column: stars, scale: [1, 5] }\n',
    );
    // 4 on 1..5 is (4 - 1) / (5 - 1) = 0.75.
    expect(rows[0]).toMatchObject({ queue: null, csat: 0.75 });
  });

  it('explains mistakes in the mapping itself', async () => {
    const csv = 'id,channel,arrived_at,outcome\n1,chat,2026-03-02 08:00,handled\n';
    const messages: string[] = [];
    for (const yaml of [
      'fields:\n  colour: id\n',
      'fields:\n  queue: { column: nowhere }\n',
      'fields: [\n',
      'fields:\n  outcome: { value: handled, shout: true }\n',
      'fields:\n  id: 42\n',
      'fields:\n  id: { colum: Call }\n',
      'fields:\n  handle_seconds: { column: Dauer, unit: fortnights }\n',
    ]) {
      const error = await importWith(csv, yaml).catch((e: unknown) => e);
      expect(isUserError(error)).toBe(true);
      messages.push((error as Error).message);
    }
    expect(messages[0]).toMatch(/"colour" is not a contacts field/);
    expect(messages[1]).toMatch(
      /no column "nowhere" \(needed for queue\); the file has: id, channel, arrived_at, outcome/,
    );
    expect(messages[2]).toMatch(/not valid YAML/);
    expect(messages[3]).toMatch(/map\.yaml: fields\.outcome: Unrecognized key: "shout"$/);
    // What no form of a field accepts: the forms there are, else the complaint of the closest form.
    expect(messages[4]).toMatch(
      /map\.yaml: fields\.id: expected a column name, or an object such as \{ column: … \}/,
    );
    expect(messages[5]).toMatch(/map\.yaml: fields\.id: Unrecognized key: "colum"$/);
    expect(messages[6]).toMatch(
      /map\.yaml: fields\.handle_seconds\.unit: Invalid option: expected one of "milliseconds"/,
    );
  });
});
