import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localToInstant } from '../../calendar/time-zone.js';
import { contactRow } from '../../engine/rows.js';
import { CONTACTS_TABLE } from '../../engine/schema.js';
import { contact } from '../../test-support/fixtures.js';
import { openWorkspace } from '../../workspace/workspace.js';
import { captureIo } from '../io.js';
import { run } from '../main.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'percontact-staff-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const cli = (...args: string[]) => captureIo(() => run(args));
const ONE = [
  'staff',
  '--calls',
  '100',
  '--interval',
  '1800',
  '--aht',
  '180',
  '--sl',
  '0.8',
  '--within',
  '20',
];

describe('percontact staff, one interval', () => {
  it('prints the documented JSON keys; figures from ../shared/reference/erlang.json', async () => {
    const { result, out } = await cli(
      ...ONE,
      '--shrinkage',
      '0.3',
      '--max-occupancy',
      '0.85',
      '--format',
      'json',
    );
    expect(result).toBe(0);
    const json = JSON.parse(out);
    expect(Object.keys(json)).toEqual([
      'trafficErlangs',
      'agents',
      'scheduled',
      'serviceLevel',
      'pWait',
      'asaSeconds',
      'occupancy',
    ]);
    // Reference: traffic 10, 14 agents, 20 scheduled, SL 0.888350019, P(wait) 0.174131934, ASA 7.835937.
    expect(json).toMatchObject({ trafficErlangs: 10, agents: 14, scheduled: 20 });
    expect(json.serviceLevel).toBeCloseTo(0.888350019, 8);
    expect(json.pWait).toBeCloseTo(0.174131934, 8);
    expect(json.asaSeconds).toBeCloseTo(7.835937, 5);
    expect(json.occupancy).toBeCloseTo(0.714285714, 8);
  });

  it('with --patience adds the abandonment keys; --agents evaluates instead of searching', async () => {
    const { out } = await cli(...ONE, '--patience', '300', '--agents', '14', '--format', 'json');
    const json = JSON.parse(out);
    expect(Object.keys(json)).toEqual([
      'trafficErlangs',
      'agents',
      'scheduled',
      'serviceLevel',
      'pWait',
      'asaSeconds',
      'occupancy',
      'pAbandon',
      'answeredWithinOfOffered',
    ]);
    // Reference Erlang A case: P(wait) 0.14526, P(abandon) 0.013984, answered within 20 s of offered 0.916792.
    expect(json.agents).toBe(14);
    expect(json.pWait).toBeCloseTo(0.14526, 5);
    expect(json.pAbandon).toBeCloseTo(0.013984, 6);
    expect(json.answeredWithinOfOffered).toBeCloseTo(0.916792, 6);
  });

  it('--sl-formula picks how abandons count in the service level', async () => {
    const figures = async (formula: string) =>
      JSON.parse(
        (
          await cli(
            ...ONE,
            '--patience',
            '120',
            '--agents',
            '12',
            '--sl-formula',
            formula,
            '--format',
            'json',
          )
        ).out,
      );
    // abandons_against is answered within t of all offered; answered_only leaves abandons out, so it is higher.
    const against = await figures('abandons_against');
    expect(against.serviceLevel).toBe(against.answeredWithinOfOffered);
    expect((await figures('answered_only')).serviceLevel).toBeGreaterThan(against.serviceLevel);
    expect((await cli(...ONE, '--sl-formula', 'mine')).result).toBe(2);
  });

  it('reports an unstable staffing instead of a negative wait', async () => {
    const json = await cli(...ONE, '--agents', '10', '--format', 'json');
    expect(JSON.parse(json.out)).toMatchObject({
      agents: 10,
      serviceLevel: 0,
      pWait: 1,
      asaSeconds: null,
      occupancy: 1,
    });
    expect(json.err).toContain('unstable');
    const table = await cli(...ONE, '--agents', '10');
    expect(table.out).toContain('Unstable: agents <= traffic');
  });

  it('prints a readable table and a one-row CSV', async () => {
    const table = await cli(...ONE, '--shrinkage', '0.3', '--max-occupancy', '0.85');
    expect(table.out).toContain(
      'Erlang C: 100 calls in 1800 s, AHT 180 s; target SL >= 80% within 20 s, occupancy <= 85%, shrinkage 30%',
    );
    expect(table.out).toMatch(/agents\s+14\n/);
    expect(table.out).toMatch(/scheduled\s+20\n/);
    const csv = await cli(...ONE, '--format', 'csv');
    const [header, row] = csv.out.split('\r\n');
    expect(header).toBe('traffic_erlangs,agents,scheduled,service_level,p_wait,asa_seconds,occupancy');
    expect(row?.split(',').slice(0, 3)).toEqual(['10', '14', '14']);
  });

  it('refuses bad command lines with one line and exit code 2', async () => {
    const ws = join(dir, 'ws');
    await cli('init', ws);
    const csv = join(dir, 'x.csv');
    await writeFile(csv, 'interval_start,calls,aht_seconds\n2026-03-02 08:00,100,180\n');
    for (const args of [
      ['staff'],
      ['staff', '--calls', '100'],
      [...ONE, '--sl', '80'],
      [...ONE, '--shrinkage', '1'],
      [...ONE, '--max-occupancy', '0'],
      [...ONE, '--intervals', csv],
      [...ONE, '--from', '2026-03'],
      ['staff', '--workspace', ws, '--agents', '3'],
    ]) {
      const { result, err } = await cli(...args);
      expect(result, args.join(' ')).toBe(2);
      expect(err.trim().split('\n'), args.join(' ')).toHaveLength(1);
    }
  });
});

describe('percontact staff --intervals', () => {
  it('staffs each row and totals days and months with labour cost', async () => {
    const file = join(dir, 'plan.csv');
    await writeFile(
      file,
      'interval_start,calls,aht_seconds,patience_seconds\n2026-03-02 08:00,100,180,\n2026-03-02 08:30,100,180,300\n2026-04-01 09:00,0,180,\n',
    );
    const { result, out } = await cli(
      'staff',
      '--intervals',
      file,
      '--max-occupancy',
      '0.85',
      '--shrinkage',
      '0.3',
      '--hourly-cost',
      '30',
      '--format',
      'json',
    );
    expect(result).toBe(0);
    const json = JSON.parse(out);
    expect(
      json.intervals.map((i: { model: string; agents: number; scheduled: number }) => [
        i.model,
        i.agents,
        i.scheduled,
      ]),
    ).toEqual([
      ['erlang-c', 14, 20],
      // Erlang A with 300 s patience meets 80/20 with 13 on the phones (see the staffing tests).
      ['erlang-a', 13, 19],
      ['erlang-c', 0, 0],
    ]);
    // 2026-03-02: (20 + 19) half-hours = 19.5 paid hours × 30 = 585.00; ÷ 200 calls = 2.925 → 2.92 (half-even).
    expect(json.days[0]).toEqual({
      period: '2026-03-02',
      contacts: 200,
      staffedHours: 13.5,
      scheduledHours: 19.5,
      labourCost: '585.00',
      labourCostPerContact: '2.92',
    });
    expect(json.months.map((m: { period: string }) => m.period)).toEqual(['2026-03', '2026-04']);
    expect(json.total).toMatchObject({ contacts: 200, labourCost: '585.00' });
    const days = await cli(
      'staff',
      '--intervals',
      file,
      '--format',
      'csv',
      '--rows',
      'days',
      '--hourly-cost',
      '30',
    );
    expect(days.out.split('\r\n')[0]).toBe(
      'period,contacts,staffed_hours,scheduled_hours,labour_cost,labour_cost_per_contact',
    );
  });

  it('fails with the location of a bad cell, or a missing file', async () => {
    const file = join(dir, 'bad.csv');
    await writeFile(file, 'interval_start,calls,aht_seconds\n2026-03-02 08:00,lots,180\n');
    let r = await cli('staff', '--intervals', file);
    expect(r.result).toBe(5);
    expect(r.err).toContain('line 2, column calls: "lots"');
    r = await cli('staff', '--intervals', join(dir, 'missing.csv'));
    expect(r.result).toBe(6);
  });
});

describe('percontact staff, money and concurrency', () => {
  it('prices one interval with --hourly-cost: scheduled agents × its hours × the rate', async () => {
    const args = [...ONE, '--shrinkage', '0.3', '--max-occupancy', '0.85', '--hourly-cost', '32.50'];
    const { out } = await cli(...args, '--format', 'json');
    // 20 scheduled × 0.5 h × 32.50 = 325.00 for 100 calls: 3.25 each.
    expect(JSON.parse(out)).toMatchObject({
      scheduled: 20,
      labourCost: '325.00',
      labourCostPerContact: '3.25',
    });
    const table = await cli(...args);
    expect(table.out).toMatch(/labour cost\s+325\.00 EUR/);
    expect(table.out).toMatch(/per contact\s+3\.25 EUR/);
  });

  it('staffs chats handled several at once on AHT ÷ concurrency', async () => {
    const { out } = await cli(...ONE, '--concurrency', '2', '--format', 'json');
    // 100 chats × 180 s ÷ 2 at once ÷ 1800 s = 5 Erlangs.
    expect(JSON.parse(out).trafficErlangs).toBeCloseTo(5, 12);
  });
});

describe('percontact staff --workspace', () => {
  it("prices paid hours at the rate cards of the agents who handled the segment's contacts", async () => {
    const ws = join(dir, 'ws');
    await cli('init', ws, '--timezone', 'Europe/Berlin');
    const cards = join(dir, 'agents.csv');
    await writeFile(
      cards,
      'agent,team,hourly_cost,valid_from\nAnna,,30.00,2026-01-01\nBen,,40.00,2026-01-01\n',
    );
    expect((await cli('import', 'agents', cards, '--workspace', ws)).result).toBe(0);
    const w = await openWorkspace(ws);
    // Monday 2 March 2026, 09:00: Anna handles 30 calls, Ben 10, all 180 s.
    const contacts = Array.from({ length: 40 }, (_, i) =>
      contact({
        id: `c${i}`,
        arrivedAt: localToInstant('2026-03-02', 'Europe/Berlin', 9, i % 30),
        agent: i < 30 ? 'Anna' : 'Ben',
        handleSeconds: 180,
        waitSeconds: 0,
      }),
    );
    await w.engine.append(CONTACTS_TABLE, contacts.map(contactRow));
    await w.close();
    const { out } = await cli(
      'staff',
      '--workspace',
      ws,
      '--from',
      '2026-03-02',
      '--to',
      '2026-03-02',
      '--format',
      'json',
    );
    const json = JSON.parse(out);
    // Rate = (30 × 30.00 + 10 × 40.00) ÷ 40 (equal handle times) = 32.50 per paid hour.
    expect(json.segments[0].hourlyCost).toBe('32.5000');
    const scheduled = json.intervals[0].scheduled;
    expect(json.total.labourCost).toBe((scheduled * 0.5 * 32.5).toFixed(2));
  });

  it('plans from history: weekly pattern, AHT and patience per queue', async () => {
    const ws = join(dir, 'ws');
    await cli('init', ws, '--timezone', 'Europe/Berlin');
    const w = await openWorkspace(ws);
    // Two Mondays in March 2026, 40 calls at 09:00–09:30 each, AHT 240 s; 8 abandons; waits total 1,600 s.
    const contacts = ['2026-03-02', '2026-03-09'].flatMap((date) =>
      Array.from({ length: 40 }, (_, i) =>
        contact({
          id: `${date}-${i}`,
          queue: 'billing',
          arrivedAt: localToInstant(date, 'Europe/Berlin', 9, i % 30),
          outcome: i < 4 ? 'abandoned' : 'handled',
          handleSeconds: i < 4 ? null : 240,
          waitSeconds: 20,
        }),
      ),
    );
    await w.engine.append(CONTACTS_TABLE, contacts.map(contactRow));
    await w.close();
    const { result, out } = await cli(
      'staff',
      '--workspace',
      ws,
      '--from',
      '2026-03',
      '--to',
      '2026-03',
      '--hourly-cost',
      '30',
      '--format',
      'json',
    );
    expect(result).toBe(0);
    const json = JSON.parse(out);
    // Patience = waits of all 80 callers (1,600 s) ÷ 8 abandons = 200 s.
    expect(json.segments).toEqual([
      {
        channel: 'voice',
        queue: 'billing',
        offered: 80,
        handled: 72,
        abandoned: 8,
        ahtSeconds: 240,
        concurrency: 1,
        patienceSeconds: 200,
        answerWithinSeconds: 20,
      },
    ]);
    // March 2026 has five Mondays, so 80 calls ÷ 5 = 16 per Monday 09:00.
    expect(json.intervals).toHaveLength(1);
    expect(json.intervals[0]).toMatchObject({
      intervalStart: 'Mon 09:00',
      segment: 'voice / billing',
      calls: 16,
      model: 'erlang-a',
    });
    expect(json.days.map((d: { period: string }) => d.period)).toEqual([
      '2026-03-02',
      '2026-03-09',
      '2026-03-16',
      '2026-03-23',
      '2026-03-30',
    ]);
    expect(json.total.contacts).toBe(80);
    const table = await cli('staff', '--workspace', ws, '--from', '2026-03', '--to', '2026-03');
    expect(table.out).toContain('voice / billing: 80 offered, AHT 240.0 s, patience 200.0 s, SL within 20 s');
    const wrong = await cli('staff', '--workspace', ws, '--interval', '1200');
    expect(wrong.result).toBe(2);
    const empty = await cli('staff', '--workspace', ws, '--from', '2026-05', '--to', '2026-05');
    expect(empty.result).toBe(4);
  });

  it("uses each channel's threshold from the workspace, unless --within names one for all", async () => {
    const ws = join(dir, 'ws');
    await cli('init', ws);
    const w = await openWorkspace(ws);
    const arrivedAt = localToInstant('2026-03-02', 'Europe/Berlin', 10, 0);
    await w.engine.append(
      CONTACTS_TABLE,
      [
        contact({ id: 'v', arrivedAt, handleSeconds: 200 }),
        contact({ id: 'e', arrivedAt, channel: 'email', handleSeconds: 400 }),
      ].map(contactRow),
    );
    await w.close();
    const thresholds = async (...extra: string[]) => {
      const { out } = await cli('staff', '--workspace', ws, '--format', 'json', ...extra);
      return JSON.parse(out).segments.map((s: { channel: string; answerWithinSeconds: number }) => [
        s.channel,
        s.answerWithinSeconds,
      ]);
    };
    // percontact init writes email: 86400 (a day) next to the default 20 s.
    expect(await thresholds()).toEqual([
      ['email', 86_400],
      ['voice', 20],
    ]);
    expect(await thresholds('--within', '30')).toEqual([
      ['email', 30],
      ['voice', 30],
    ]);
  });
});
