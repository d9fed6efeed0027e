import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { plainRecords } from '../../test-support/plain-csv.js';
import { type TestWorkspace, testWorkspace } from '../testing.js';

/**
 * The new presets on the real files in ../shared/data (never copied into the repository). Each
 * expected figure comes from a plain reading of the file written here, applying the rules
 * docs/import.md states for the preset, independently of the importer.
 */
const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const DATA = resolve(repo, '..', 'shared', 'data');
const present = existsSync(DATA);
if (!present) console.warn(`real-source preset tests skipped: ${DATA} is absent (not part of a clone)`);
const data = (name: string) => join(DATA, name);
const text = (name: string) => readFileSync(data(name), 'utf8');

interface Figures {
  contacts: number;
  handled: number;
  abandoned: number;
  /** Σ handle ÷ handled contacts with a handle time; null when none has one. */
  aht: number | null;
  /** Σ wait ÷ handled contacts with a known wait; null when none has one. */
  asa: number | null;
}

/** The figures of what the workspace stored, by the definitions above. */
async function stored(t: TestWorkspace): Promise<Figures> {
  const [row] = await t.rows(`SELECT count(*) AS contacts,
      count(*) FILTER (WHERE outcome = 'handled') AS handled,
      count(*) FILTER (WHERE outcome = 'abandoned') AS abandoned,
      avg(handle_seconds) FILTER (WHERE outcome = 'handled') AS aht,
      avg(wait_seconds) FILTER (WHERE outcome = 'handled') AS asa FROM contacts`);
  const round = (v: unknown) => (v === null ? null : Math.round(Number(v) * 1000) / 1000);
  return {
    contacts: Number(row?.contacts),
    handled: Number(row?.handled),
    abandoned: Number(row?.abandoned),
    aht: round(row?.aht),
    asa: round(row?.asa),
  };
}

/** The same figures from a plain list of calls. */
function figures(calls: readonly { outcome: string; handle: number | null; wait: number | null }[]): Figures {
  const handled = calls.filter((c) => c.outcome === 'handled');
  const mean = (values: number[]) =>
    values.length === 0
      ? null
      : Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 1000) / 1000;
  return {
    contacts: calls.length,
    handled: handled.length,
    abandoned: calls.filter((c) => c.outcome === 'abandoned').length,
    aht: mean(handled.flatMap((c) => (c.handle === null ? [] : [c.handle]))),
    asa: mean(handled.flatMap((c) => (c.wait === null ? [] : [c.wait]))),
  };
}

const clock = (hms: string) => hms.split(':').reduce((s, part) => s * 60 + Number(part), 0);

describe.skipIf(!present)('new presets on the real files in ../shared/data', () => {
  let t: TestWorkspace;
  beforeEach(async () => {
    t = await testWorkspace('EUR', 'Europe/Paris');
  });
  afterEach(async () => {
    await t.close();
  });

  it('3cx: the v16 CDR of a French company, calls and bill costs', async () => {
    const rows = plainRecords(text('threecx_cdr_v16.csv'));
    // Positions in the 27 v16 fields (README of the data folder).
    const f = (r: string[], name: string) => r[V16.indexOf(name)] ?? '';
    const system = (r: string[]) => ['MakeCall', 'PlayFile'].includes(f(r, 'from-no'));
    const internal = (r: string[]) =>
      f(r, 'to-type') === 'Internal' &&
      f(r, 'final-type') === 'Internal' &&
      (f(r, 'from-type') === 'Internal' || system(r));
    const calls = rows
      .filter((r) => !internal(r))
      .map((r) => {
        const inbound = f(r, 'from-type') === 'External' && !system(r);
        const talk = f(r, 'duration') === '' ? 0 : clock(f(r, 'duration'));
        const handled = inbound
          ? f(r, 'final-number') !== '' && talk > 0
          : f(r, 'time-answered') !== '' && talk > 0;
        const abandoned = inbound && !handled && f(r, 'to-dn') !== 'EndCall';
        return { outcome: handled ? 'handled' : abandoned ? 'abandoned' : 'other', handle: talk, wait: null };
      });
    const summary = await t.import({ preset: '3cx', files: [data('threecx_cdr_v16.csv')] });
    expect(summary).toMatchObject({ read: rows.length, rejected: 0, imported: calls.length });
    expect(summary.skipped).toEqual([
      {
        reason: 'internal call (extension to extension), not a customer contact',
        rows: rows.length - calls.length,
      },
    ]);
    const expected = figures(calls);
    // The v16 CDR records no time in a queue: ASA cannot be computed from it.
    expect(expected.asa).toBeNull();
    expect(await stored(t)).toEqual(expected);

    // Bill costs: one telephony line per charged call, on its day; the total to the cent.
    const charged = rows.filter((r) => f(r, 'bill-cost') !== '');
    const cents = charged.reduce((s, r) => s + Math.round(Number(f(r, 'bill-cost')) * 100), 0);
    const costs = await t.import({ kind: 'costs', preset: '3cx', files: [data('threecx_cdr_v16.csv')] });
    expect(costs).toMatchObject({ read: rows.length, imported: charged.length, rejected: 0 });
    const [ledger] = await t.rows(
      "SELECT count(*) AS n, CAST(sum(CAST(amount AS DECIMAL(18, 2))) * 100 AS BIGINT) AS cents, count(*) FILTER (WHERE period_end - period_start = 1 AND category = 'telephony' AND channel = 'voice') AS one_day FROM cost_lines",
    );
    expect(ledger).toEqual({ n: charged.length, cents, one_day: charged.length });
    const first = charged[0] as string[];
    const [line] = await t.rows(`SELECT period_start FROM cost_lines WHERE id = '3cx-${f(first, 'callid')}'`);
    expect(line?.period_start).toBe(f(first, 'time-start').slice(0, 10).replaceAll('/', '-'));
  });

  it('cisco-cucm: the CDR examples hold two recording legs and one phone-to-phone call, no customer call', async () => {
    const [header, types, ...records] = plainRecords(text('cisco_cucm_cdr_examples.txt'));
    const at = (name: string) => (header as string[]).indexOf(name);
    expect(types?.[0]).toBe('INTEGER');
    const recording = records.filter((r) => /^b[0-9a-f]+$/i.test(r[at('callingPartyNumber')] ?? ''));
    const internal = records.filter(
      (r) =>
        !recording.includes(r) &&
        /^SEP/.test(r[at('origDeviceName')] ?? '') &&
        /^SEP/.test(r[at('destDeviceName')] ?? ''),
    );
    const summary = await t.import({ preset: 'cisco-cucm', files: [data('cisco_cucm_cdr_examples.txt')] });
    expect(summary).toMatchObject({ read: records.length + 1, rejected: 0, imported: 0 });
    expect(summary.skipped).toEqual([
      { reason: 'the type line under the header', rows: 1 },
      { reason: "recording leg of the phone's built-in bridge, not a call", rows: recording.length },
      { reason: 'internal call (phone to phone), not a customer contact', rows: internal.length },
    ]);
    expect(recording.length + internal.length).toBe(records.length);
    expect(await stored(t)).toEqual(figures([]));
  });

  it('genesys-cloud: 25 conversations (callbacks, voice, chat) from the analytics API', async () => {
    type Segment = { segmentType: string; segmentStart: string; segmentEnd?: string };
    type Conversation = {
      participants: { purpose: string; sessions: { mediaType: string; segments: Segment[] }[] }[];
    };
    const { conversations } = JSON.parse(text('genesys_cloud_conversation_details.json')) as {
      conversations: Conversation[];
    };
    const seconds = (segments: Segment[]) =>
      segments.reduce(
        (s, g) => s + (g.segmentEnd ? Date.parse(g.segmentEnd) - Date.parse(g.segmentStart) : 0),
        0,
      ) / 1000;
    const calls = conversations.map((c) => {
      const of = (purpose: string) =>
        c.participants
          .filter((p) => p.purpose === purpose)
          .flatMap((p) => p.sessions.flatMap((s) => s.segments));
      const agent = of('agent');
      const acd = of('acd');
      const work = agent.filter((g) => ['interact', 'hold', 'wrapup'].includes(g.segmentType));
      const media = c.participants[0]?.sessions[0]?.mediaType;
      const answered = agent.some((g) => g.segmentType === 'interact');
      const outcome =
        media === 'callback' ? 'callback' : answered ? 'handled' : acd.length > 0 ? 'abandoned' : 'other';
      return { outcome, handle: work.length ? seconds(work) : null, wait: acd.length ? seconds(acd) : null };
    });
    const summary = await t.import({
      preset: 'genesys-cloud',
      files: [data('genesys_cloud_conversation_details.json')],
    });
    expect(summary).toMatchObject({
      read: conversations.length,
      imported: conversations.length,
      rejected: 0,
    });
    expect(await stored(t)).toEqual(figures(calls));
    const [callbacks] = await t.rows(
      "SELECT count(*) AS n, round(avg(handle_seconds), 3) AS aht FROM contacts WHERE outcome = 'callback'",
    );
    const cb = figures(calls.map((c) => ({ ...c, outcome: c.outcome === 'callback' ? 'handled' : 'other' })));
    expect(callbacks).toEqual({ n: cb.handled, aht: cb.aht });
  });

  it('asterisk-db: PBXware cdr and queue_log tables joined per call', async () => {
    await t.close();
    t = await testWorkspace('USD', 'America/New_York');
    const table = (name: string) => {
      const [header, ...rows] = plainRecords(text(name));
      return rows.map((r) =>
        Object.fromEntries((header as string[]).map((h, i) => [h, r[i] === 'NULL' ? '' : (r[i] ?? '')])),
      );
    };
    const cdr = table('pbxware_asterisk_cdr.csv');
    const log = table('pbxware_asterisk_queue_log.csv');
    const callEvents = log.filter(
      (e) =>
        e.callid !== 'NONE' &&
        /^(ENTERQUEUE|CONNECT|COMPLETE(AGENT|CALLER)|ABANDON|EXIT\w+|RINGNOANSWER|RINGCANCELED|(BLIND|ATTENDED)?TRANSFER)$/.test(
          e.event ?? '',
        ),
    );
    const queued = new Set(
      callEvents
        .filter((e) => /^(ENTERQUEUE|CONNECT|ABANDON|EXIT\w+)$/.test(e.event ?? ''))
        .map((e) => e.callid),
    );
    const calls = new Map<string, { outcome: string; handle: number | null; wait: number | null }>();
    for (const id of queued) {
      const events = callEvents.filter((e) => e.callid === id);
      const has = (re: RegExp) => events.some((e) => re.test(e.event ?? ''));
      const talked = events.filter((e) => /^(COMPLETE|(BLIND|ATTENDED)?TRANSFER)/.test(e.event ?? ''));
      const waited = events.filter((e) => /^(CONNECT|ABANDON|EXIT)/.test(e.event ?? ''));
      calls.set(id as string, {
        outcome: has(/^(CONNECT|COMPLETE|(BLIND|ATTENDED)?TRANSFER)/)
          ? 'handled'
          : has(/^(ABANDON|EXIT)/)
            ? 'abandoned'
            : 'other',
        handle: talked.length ? talked.reduce((s, e) => s + Number(e.ttime), 0) : null,
        wait: waited.length ? Math.max(...waited.map((e) => Number(e.htime))) : null,
      });
    }
    const legs = new Map<string, Record<string, string>[]>();
    for (const leg of cdr)
      legs.set(leg.linkedid as string, [...(legs.get(leg.linkedid as string) ?? []), leg]);
    const inside = (leg: Record<string, string>) =>
      /^((SIP|PJSIP|IAX2)\/\d+-|Local\/)/.test(leg.channel ?? '');
    const order: string[] = ['handled', 'self_served', 'abandoned', 'other'];
    for (const [id, call] of legs) {
      if (queued.has(id)) continue;
      const answered = (l: Record<string, string>) => l.disposition === 'ANSWERED' && Number(l.billsec) > 0;
      const outcomes: string[] = call.map((l) =>
        answered(l) && l.dstchannel
          ? 'handled'
          : answered(l)
            ? 'self_served'
            : inside(l)
              ? 'other'
              : 'abandoned',
      );
      const rang = call.filter((l) => l.dstchannel);
      calls.set(id, {
        outcome: order.find((o) => outcomes.includes(o)) as string,
        handle: call
          .filter((l) => l.disposition === 'ANSWERED' && l.dstchannel)
          .reduce((s, l) => s + Number(l.billsec), 0),
        wait: rang.length
          ? Math.max(
              ...rang.map((l) =>
                l.disposition === 'ANSWERED' ? Number(l.duration) - Number(l.billsec) : Number(l.duration),
              ),
            )
          : null,
      });
    }
    const summary = await t.import({
      preset: 'asterisk-db',
      files: [data('pbxware_asterisk_cdr.csv'), data('pbxware_asterisk_queue_log.csv')],
    });
    expect(summary).toMatchObject({
      read: cdr.length + log.length,
      imported: cdr.length + callEvents.length,
      written: calls.size,
      rejected: 0,
    });
    expect(await stored(t)).toEqual(figures([...calls.values()]));
    // The queue log's epoch times and the CDR's New York wall-clock agree: a queued call starts
    // with its first CDR leg, 17 s before it entered the queue (1543602660.197).
    const [call] = await t.rows("SELECT arrived_at FROM contacts WHERE id = '1543602660.197'");
    expect(call?.arrived_at).toEqual(new Date('2018-11-30T18:31:00.000Z'));
  });
});

const V16 = [
  'historyid',
  'callid',
  'duration',
  'time-start',
  'time-answered',
  'time-end',
  'reason-terminated',
  'from-no',
  'to-no',
  'from-dn',
  'to-dn',
  'dial-no',
  'reason-changed',
  'final-number',
  'final-dn',
  'bill-code',
  'bill-rate',
  'bill-cost',
  'bill-name',
  'chain',
  'from-type',
  'to-type',
  'final-type',
  'from-dispname',
  'to-dispname',
  'final-dispname',
  'missed-queue-calls',
];
