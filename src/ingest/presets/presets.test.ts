import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type TestWorkspace, testWorkspace } from '../testing.js';
import { PRESETS } from './presets.js';

const fixture = (name: string) => join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', name);

interface PresetCase {
  preset: string;
  files: string[];
  /** Imports that must run first (the queue log joins onto CDR contacts). */
  before?: { preset: string; files: string[] };
  summary: { read: number; imported: number; written: number; skipped?: number };
  /** Hand-derived from the fixture, per contact, ordered by id; only the fields listed are compared. */
  contacts: Record<string, unknown>[];
}

const at = (iso: string) => new Date(iso).toISOString();

const CASES: PresetCase[] = [
  {
    preset: 'generic',
    files: ['generic-contacts.csv'],
    summary: { read: 3, imported: 3, written: 3 },
    contacts: [
      // 0:02:00 talk + 10 hold + 20 wrap = 150 s handle.
      {
        id: 'g1',
        channel: 'voice',
        team: 'berlin',
        arrived_at: at('2026-03-02T08:00:00Z'),
        ivr_seconds: 12,
        wait_seconds: 30,
        talk_seconds: 120,
        handle_seconds: 150,
        outcome: 'handled',
        resolved: true,
        csat: 0.75,
      },
      { id: 'g2', channel: 'email', handle_seconds: 600, resolved: false, priority: null },
      { id: 'g3', outcome: 'abandoned', wait_seconds: 90, handle_seconds: null },
    ],
  },
  {
    preset: 'asterisk-cdr',
    files: ['asterisk-master-21.csv'],
    summary: { read: 5, imported: 5, written: 4 },
    contacts: [
      // Two legs: 201 rang 20 s unanswered, 202 answered after 25 s and talked 95 s.
      {
        id: '1772438400.1',
        direction: 'inbound',
        queue: '800',
        customer: '4930111',
        agent: '202',
        arrived_at: at('2026-03-02T08:00:00Z'),
        wait_seconds: 25,
        talk_seconds: 95,
        handle_seconds: 95,
        ivr_seconds: null,
        outcome: 'handled',
      },
      // Answered by a Playback (no destination channel): the PBX served the caller for 30 s.
      {
        id: '1772439000.5',
        outcome: 'self_served',
        ivr_seconds: 30,
        talk_seconds: 0,
        wait_seconds: null,
        agent: null,
      },
      { id: '1772439600.7', outcome: 'abandoned', wait_seconds: 45, talk_seconds: 0, agent: null },
      { id: '1772440200.9', direction: 'outbound', outcome: 'other', queue: '0301234567', customer: '201' },
    ],
  },
  {
    preset: 'asterisk-cdr',
    files: ['asterisk-master-18.csv'],
    summary: { read: 2, imported: 2, written: 2 },
    contacts: [
      { id: '1772438400.1', outcome: 'handled', wait_seconds: 5, talk_seconds: 60, agent: '201' },
      { id: '1772438700.3', outcome: 'abandoned', wait_seconds: 2, talk_seconds: 0 },
    ],
  },
  {
    preset: 'asterisk-queue-log',
    before: { preset: 'asterisk-cdr', files: ['asterisk-master-21.csv'] },
    files: ['asterisk-queue_log'],
    // 7 lines: the ADDMEMBER line is skipped; the other 6 are the legs of two calls the CDR knows.
    summary: { read: 7, imported: 6, written: 2, skipped: 1 },
    contacts: [
      // The queue names the queue and its member, and its wait (CONNECT data1 = 25) and talk (COMPLETECALLER data2 = 95).
      {
        id: '1772438400.1',
        queue: 'support',
        agent: 'SIP/202',
        wait_seconds: 25,
        talk_seconds: 95,
        outcome: 'handled',
        arrived_at: at('2026-03-02T08:00:00Z'),
        customer: '4930111',
      },
      { id: '1772439000.5', queue: '800', outcome: 'self_served' },
      // ABANDON data3 = 45 s waited; the CDR's agent stays empty, its start stays.
      { id: '1772439600.7', queue: 'support', wait_seconds: 45, outcome: 'abandoned', agent: null },
      { id: '1772440200.9', outcome: 'other' },
    ],
  },
  {
    preset: 'freeswitch-cdr',
    files: ['freeswitch-master.csv'],
    summary: { read: 3, imported: 3, written: 3 },
    contacts: [
      // Answered after 12 s (192 - 180), talked 180 s.
      {
        id: '9a1c-0001',
        direction: 'inbound',
        customer: '4930111',
        queue: '800',
        wait_seconds: 12,
        talk_seconds: 180,
        outcome: 'handled',
        arrived_at: at('2026-03-02T08:00:00Z'),
      },
      { id: '9a1c-0003', direction: 'inbound', wait_seconds: 40, talk_seconds: 0, outcome: 'abandoned' },
      { id: '9a1c-0004', direction: 'outbound', wait_seconds: 5, talk_seconds: 60, outcome: 'handled' },
    ],
  },
  {
    preset: 'zendesk-tickets',
    files: ['zendesk-tickets.csv'],
    summary: { read: 3, imported: 3, written: 3 },
    contacts: [
      // 09:00 at +01:00 is 08:00 UTC; 30 minutes to the first reply.
      {
        id: '101',
        channel: 'email',
        direction: 'inbound',
        queue: 'Support',
        agent: 'Max',
        topic: 'incident',
        customer: '9001',
        arrived_at: at('2026-03-02T08:00:00Z'),
        wait_seconds: 1800,
        outcome: 'handled',
        resolved: true,
        csat: 1,
      },
      {
        id: '102',
        channel: 'voice',
        direction: 'outbound',
        agent: null,
        outcome: 'other',
        resolved: false,
        csat: null,
        wait_seconds: null,
      },
      { id: '103', channel: 'chat', wait_seconds: 90, outcome: 'handled', resolved: true, csat: 0 },
    ],
  },
  {
    preset: 'freshdesk-tickets',
    files: ['freshdesk-tickets.csv'],
    summary: { read: 3, imported: 3, written: 3 },
    contacts: [
      // "00:45" tracked = 45 min = 2700 s; 0.5 h to the first response = 1800 s.
      {
        id: '5001',
        channel: 'email',
        direction: 'inbound',
        queue: 'Support',
        agent: 'Max',
        topic: 'Problem',
        handle_seconds: 2700,
        wait_seconds: 1800,
        outcome: 'handled',
        resolved: true,
        csat: 1,
        arrived_at: at('2026-03-02T08:00:00Z'),
      },
      { id: '5002', channel: 'voice', outcome: 'other', resolved: false, handle_seconds: null },
      {
        id: '5003',
        channel: 'email',
        direction: 'outbound',
        handle_seconds: 5400,
        wait_seconds: 7200,
        csat: 0,
      },
    ],
  },
  {
    preset: 'twilio-calls',
    files: ['twilio-calls.csv'],
    // CA2 and CA3 are legs of CA1: six rows, four calls.
    summary: { read: 6, imported: 6, written: 4 },
    contacts: [
      {
        id: 'CA1',
        direction: 'inbound',
        customer: '+4930111',
        queue: '+4980000',
        agent: 'client:eva',
        talk_seconds: 150,
        outcome: 'handled',
        arrived_at: at('2026-03-02T08:00:00Z'),
      },
      { id: 'CA4', outcome: 'self_served', talk_seconds: 0 },
      { id: 'CA5', outcome: 'abandoned' },
      { id: 'CA6', direction: 'outbound', talk_seconds: 75, outcome: 'handled' },
    ],
  },
  {
    preset: 'liveagent-calls',
    files: ['liveagent-calls.json'],
    // c4 is an internal call (type T): skipped. Times are Berlin wall-clock (UTC+1 in March).
    summary: { read: 4, imported: 3, written: 3, skipped: 1 },
    contacts: [
      // Answered 25 s after it came in; call_duration 300 s is the talk.
      {
        id: 'c1',
        channel: 'voice',
        direction: 'inbound',
        queue: '+4930999',
        customer: '+4930111',
        arrived_at: at('2026-03-02T07:00:00Z'),
        wait_seconds: 25,
        talk_seconds: 300,
        outcome: 'handled',
      },
      // Never answered: the caller waited 90 s until the call ended.
      { id: 'c2', direction: 'inbound', wait_seconds: 90, talk_seconds: 0, outcome: 'abandoned' },
      // Outgoing, no call_duration: talk = finished − answered = 120 s.
      {
        id: 'c3',
        direction: 'outbound',
        customer: '+4930333',
        wait_seconds: 10,
        talk_seconds: 120,
        outcome: 'handled',
      },
    ],
  },
  {
    preset: 'liveagent-tickets',
    files: ['liveagent-tickets.json'],
    // t13 deleted (X) and t14 spam (B) are skipped.
    summary: { read: 6, imported: 4, written: 4, skipped: 2 },
    contacts: [
      {
        id: 't10',
        channel: 'email',
        queue: 'support',
        agent: 'eva',
        customer: 'k1',
        topic: 'billing',
        outcome: 'handled',
        resolved: true,
        handle_seconds: null,
        arrived_at: at('2026-03-02T07:00:00Z'),
      },
      // A (answered): handled, not resolved; an empty tag list has no topic.
      { id: 't11', channel: 'chat', outcome: 'handled', resolved: false, topic: null },
      { id: 't12', channel: 'social', outcome: 'other', resolved: false, agent: null },
      { id: 't15', channel: 'voice', outcome: 'handled', resolved: true, topic: 'callback' },
    ],
  },
  {
    preset: '3cx',
    files: ['3cx-call-log.csv'],
    // Six records: the header, three calls, an internal call and the Totals row.
    summary: { read: 6, imported: 3, written: 3, skipped: 3 },
    contacts: [
      {
        id: '2026-03-02 08:00:00|+4930111|Support (800)|0:04:00',
        direction: 'inbound',
        queue: 'Support (800)',
        customer: '+4930111',
        arrived_at: at('2026-03-02T07:00:00Z'),
        wait_seconds: 20,
        talk_seconds: 240,
        outcome: 'handled',
      },
      {
        id: '2026-03-02 08:10:00|+4930222|Support (800)|0:00:00',
        wait_seconds: 65,
        talk_seconds: 0,
        outcome: 'abandoned',
      },
      {
        id: '2026-03-02 09:00:00|Eva (101)|+4930333|0:02:00',
        direction: 'outbound',
        queue: null,
        customer: '+4930333',
        wait_seconds: 8,
        talk_seconds: 120,
        outcome: 'handled',
      },
    ],
  },
  {
    preset: '3cx',
    files: ['3cx-cdr-v16.csv'],
    // Call 4 goes from extension 101 to 102: internal, skipped.
    summary: { read: 4, imported: 3, written: 3, skipped: 1 },
    contacts: [
      // Handed from queue 800 to extension 101 (ReplacedDst), 4:00 talked; the CDR has no queue time.
      {
        id: '00000A_1',
        direction: 'inbound',
        queue: '800',
        agent: '101',
        customer: '0301110000',
        arrived_at: at('2026-03-02T07:00:00Z'),
        wait_seconds: null,
        talk_seconds: 240,
        outcome: 'handled',
      },
      // No extension took it: abandoned after 08:10:00 → 08:11:05.
      { id: '00000A_2', agent: null, wait_seconds: 65, talk_seconds: 0, outcome: 'abandoned' },
      {
        id: '00000A_3',
        direction: 'outbound',
        agent: '101',
        customer: '0303330000',
        talk_seconds: 120,
        outcome: 'handled',
      },
    ],
  },
  {
    preset: 'cisco-cucm',
    files: ['cisco-cucm-cdr.txt'],
    // The type line and the phone-to-phone call 103 are skipped; call 100 has two legs.
    summary: { read: 7, imported: 5, written: 4, skipped: 2 },
    contacts: [
      // Hunt pilot 8000: 2001 answered after 20 s and talked 120 s, then 2002 talked 60 s.
      {
        id: '1-100',
        direction: 'inbound',
        queue: '8000',
        agent: '2001',
        customer: '4930111',
        arrived_at: at('2026-03-02T08:00:00Z'),
        wait_seconds: 20,
        talk_seconds: 180,
        outcome: 'handled',
      },
      // Never connected, the caller cleared (cause 16) after 45 s.
      { id: '1-101', queue: '8000', agent: null, wait_seconds: 45, talk_seconds: 0, outcome: 'abandoned' },
      {
        id: '1-102',
        direction: 'outbound',
        queue: null,
        agent: '2001',
        customer: '04930333',
        wait_seconds: 10,
        talk_seconds: 90,
        outcome: 'handled',
      },
      // Cause 17 (busy): a failed call, not an abandon.
      { id: '1-104', direction: 'inbound', wait_seconds: 2, outcome: 'other' },
    ],
  },
  {
    preset: 'genesys-cloud',
    files: ['genesys-conversations.json'],
    summary: { read: 4, imported: 4, written: 4 },
    contacts: [
      {
        id: 'g-abandon',
        channel: 'voice',
        queue: 'q-support',
        customer: '+4930222',
        wait_seconds: 90,
        talk_seconds: null,
        outcome: 'abandoned',
      },
      // acd 4 s, agent interact 2:00, a zero-length wrap-up with its code.
      {
        id: 'g-callback',
        channel: 'voice',
        direction: 'inbound',
        agent: 'u-eva',
        customer: '+4930444',
        topic: 'wc-callback',
        wait_seconds: 4,
        talk_seconds: 120,
        wrap_seconds: 0,
        outcome: 'callback',
      },
      // No acd participant: no queue wait known.
      {
        id: 'g-chat',
        channel: 'chat',
        queue: null,
        agent: 'u-max',
        wait_seconds: null,
        talk_seconds: 595,
        wrap_seconds: 60,
        topic: 'wc-chat',
        outcome: 'handled',
      },
      // IVR 30 s, queue 45.5 s, talk 180 + 54.5 s around a 60 s hold, wrap 30 s: handle 324.5 s.
      {
        id: 'g-voice',
        channel: 'voice',
        direction: 'inbound',
        queue: 'q-support',
        agent: 'u-eva',
        customer: '+4930111',
        topic: 'wc-billing',
        arrived_at: at('2026-03-02T08:00:00Z'),
        ivr_seconds: 30,
        wait_seconds: 45.5,
        talk_seconds: 234.5,
        hold_seconds: 60,
        wrap_seconds: 30,
        handle_seconds: 324.5,
        outcome: 'handled',
      },
    ],
  },
  {
    preset: 'asterisk-db',
    files: ['asterisk-db-cdr.csv', 'asterisk-db-queue_log.csv'],
    // 4 CDR legs + 7 queue_log rows; QUEUESTART and ADDMEMBER are not calls.
    summary: { read: 11, imported: 9, written: 5, skipped: 2 },
    contacts: [
      // The queue speaks for it: CONNECT data1 = 15 s waited, COMPLETECALLER data2 = 230 s talked by 201.
      {
        id: '1772438400.1',
        direction: 'inbound',
        queue: 'support',
        agent: '201',
        customer: '4930111',
        arrived_at: at('2026-03-02T08:00:00Z'),
        wait_seconds: 15,
        talk_seconds: 230,
        outcome: 'handled',
      },
      // Dialled out by extension 201: rang 10 s (100 − 90), talked 90 s.
      {
        id: '1772438460.3',
        direction: 'outbound',
        queue: null,
        agent: '201',
        customer: '4930555',
        wait_seconds: 10,
        talk_seconds: 90,
        outcome: 'handled',
      },
      // Answered by a Playback (no destination channel, \N in the export): 12 s self-service.
      { id: '1772439000.5', queue: '800', ivr_seconds: 12, talk_seconds: 0, outcome: 'self_served' },
      {
        id: '1772439600.6',
        queue: '202',
        agent: null,
        wait_seconds: 30,
        talk_seconds: 0,
        outcome: 'abandoned',
      },
      // Only in the queue log: ABANDON data3 = 60 s waited.
      {
        id: '1772440800.9',
        queue: 'support',
        customer: '4930888',
        wait_seconds: 60,
        talk_seconds: null,
        outcome: 'abandoned',
        arrived_at: at('2026-03-02T08:40:00Z'),
      },
    ],
  },
];

async function storedContacts(t: TestWorkspace): Promise<Record<string, unknown>[]> {
  const rows = await t.rows('SELECT * EXCLUDE (source, import_id) FROM contacts ORDER BY id');
  return rows.map((r) => ({ ...r, arrived_at: (r.arrived_at as Date).toISOString() }));
}

describe('presets: one suite over every contact preset', () => {
  let t: TestWorkspace;
  beforeEach(async () => {
    t = await testWorkspace();
  });
  afterEach(async () => {
    await t.close();
  });

  it('refuses a file that never uses the delimiter its preset reads, saying what it is', async () => {
    // The queue_log table of a database exported as CSV, where asterisk-queue-log reads the log file.
    const file = await t.file(
      'queue_log.csv',
      'uid,date_time,callid,queue_name,type,event\n13,1543602677,1543602660.197,IT,NONE,ENTERQUEUE\n',
    );
    await expect(t.import({ preset: 'asterisk-queue-log', files: [file] })).rejects.toThrow(
      `${file}: no "|" in its first lines, the delimiter this layout reads; the file is ","-separated (first line: uid, date_time, callid, queue_name, type, event): another layout`,
    );
    expect(await t.rows('SELECT count(*) AS n FROM imports')).toEqual([{ n: 0 }]);
  });

  it('has a case for every contact preset', () => {
    const covered = new Set(CASES.map((c) => c.preset));
    expect(
      PRESETS.filter((p) => p.kind === 'contacts')
        .map((p) => p.name)
        .filter((n) => !covered.has(n)),
    ).toEqual([]);
  });

  for (const c of CASES) {
    it(`${c.preset}: ${c.files.join(', ')}`, async () => {
      if (c.before) await t.import({ preset: c.before.preset, files: c.before.files.map(fixture) });
      const summary = await t.import({ preset: c.preset, files: c.files.map(fixture) });
      expect(summary).toMatchObject({
        read: c.summary.read,
        imported: c.summary.imported,
        written: c.summary.written,
        rejected: 0,
      });
      expect(summary.skipped.reduce((n, s) => n + s.rows, 0)).toBe(c.summary.skipped ?? 0);
      const stored = await storedContacts(t);
      expect(stored).toHaveLength(c.contacts.length);
      for (const [i, expected] of c.contacts.entries()) expect(stored[i]).toMatchObject(expected);
      // Importing the same files again changes nothing.
      const again = await t.import({ preset: c.preset, files: c.files.map(fixture) });
      expect(again).toMatchObject({ imported: 0, duplicates: c.summary.imported });
      expect(await storedContacts(t)).toEqual(stored);
    });
  }

  it('asterisk-cdr: the 16-column layout (no uniqueid) names each call by a hash of its record', async () => {
    const summary = await t.import({ preset: 'asterisk-cdr', files: [fixture('asterisk-master-16.csv')] });
    expect(summary).toMatchObject({ read: 2, written: 2 });
    const rows = await t.rows('SELECT id, outcome, talk_seconds FROM contacts ORDER BY talk_seconds');
    expect(rows.map((r) => [String(r.id).length, r.outcome, r.talk_seconds])).toEqual([
      [32, 'abandoned', 0],
      [32, 'handled', 60],
    ]);
  });

  it('liveagent-calls: CSV with camelCase names and JSON Lines read the same as the API JSON', async () => {
    await t.import({ preset: 'liveagent-calls', files: [fixture('liveagent-calls.json')] });
    const fromJson = await storedContacts(t);
    const records = JSON.parse(readFileSync(fixture('liveagent-calls.json'), 'utf8')) as Record<
      string,
      unknown
    >[];
    const camel = (key: string) => key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
    const keys = Object.keys(records[0] as object);
    const csv = [
      keys.map(camel).join(','),
      ...records.map((r) => keys.map((k) => (r[k] === null ? '' : String(r[k]))).join(',')),
    ].join('\n');
    for (const [name, content] of [
      ['calls.csv', csv],
      ['calls.jsonl', records.map((r) => JSON.stringify(r)).join('\n')],
    ] as const) {
      await t.ws.engine.execute('DELETE FROM contacts');
      const summary = await t.import({ preset: 'liveagent-calls', files: [await t.file(name, content)] });
      expect(summary).toMatchObject({ read: 4, imported: 3, rejected: 0 });
      expect(await storedContacts(t)).toEqual(fromJson);
    }
  });

  it('every preset parses and describes itself', () => {
    for (const p of PRESETS) {
      expect(p.description.length).toBeGreaterThan(10);
      expect(() => p.mapping()).not.toThrow();
    }
  });
});
