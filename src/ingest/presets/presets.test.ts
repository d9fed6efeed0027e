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
];

async function storedContacts(t: TestWorkspace): Promise<Record<string, unknown>[]> {
  const rows = await t.rows('SELECT * EXCLUDE (source) FROM contacts ORDER BY id');
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

  it('every preset parses and describes itself', () => {
    for (const p of PRESETS) {
      expect(p.description.length).toBeGreaterThan(10);
      expect(() => p.mapping()).not.toThrow();
    }
  });
});
