import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contactRow, costLineRow } from '../../engine/rows.js';
import { CONTACTS_TABLE, COST_LINES_TABLE } from '../../engine/schema.js';
import { contact, costLine } from '../../test-support/fixtures.js';
import { openWorkspace } from '../../workspace/workspace.js';
import { captureIo } from '../io.js';
import { run } from '../main.js';

const cli = (...args: string[]) => captureIo(() => run(args));

/*
 * Feb 2026: one voice and one email contact, 300 s each; 100.00 shared wages split by handle time
 *   50 / 50. V⁰ = 2, CPC⁰ = 50.
 * Mar 2026: three voice, one email, 300 s each; 120.00 shared wages → voice 90, email 30. V¹ = 4,
 *   CPC¹ = 30, change −20.
 * voice: w 0.5 → 0.75, u 50 → 30: mix 0.25·40 = 10; rate 0.625·(−20) = −12.5 = cost growth
 *   0.625·40·mean(1, 1/3) = 16.666… + volume growth 0.625·(1/3 − 1)·70 = −29.166….
 * email: w 0.5 → 0.25, u 50 → 30: mix −0.25·40 = −10; rate 0.375·(−20) = −7.5, all cost growth.
 * In cents the floors sum to −20.01; the missing cent goes to voice cost growth (remainder .67): 16.67.
 * Labour is all of the cost: AHT 300 s both months, labour per handle hour 100 ÷ (600/3600) = 600 →
 *   120 ÷ (1200/3600) = 360, so the whole −20 is the hourly cost.
 */
let dir: string;
let ws: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'percontact-drivers-'));
  ws = join(dir, 'ws');
  await cli('init', ws);
  const w = await openWorkspace(ws);
  const call = (id: string, channel: 'voice' | 'email', day: string) =>
    contactRow(contact({ id, channel, arrivedAt: new Date(`${day}T10:00:00Z`), handleSeconds: 300 }));
  await w.engine.append(CONTACTS_TABLE, [
    call('f1', 'voice', '2026-02-02'),
    call('f2', 'email', '2026-02-03'),
    call('m1', 'voice', '2026-03-02'),
    call('m2', 'voice', '2026-03-03'),
    call('m3', 'voice', '2026-03-04'),
    call('m4', 'email', '2026-03-05'),
  ]);
  await w.engine.append(COST_LINES_TABLE, [
    costLineRow(
      costLine({
        id: 'feb',
        category: 'agent_wages',
        amount: '100.00',
        periodStart: '2026-02-01',
        periodEnd: '2026-03-01',
      }),
    ),
    costLineRow(
      costLine({
        id: 'mar',
        category: 'agent_wages',
        amount: '120.00',
        periodStart: '2026-03-01',
        periodEnd: '2026-04-01',
      }),
    ),
  ]);
  await w.close();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('percontact drivers', () => {
  it('prints the documented JSON', async () => {
    const r = await cli(
      'drivers',
      '--workspace',
      ws,
      '--from',
      '2026-02',
      '--to',
      '2026-03',
      '--format',
      'json',
    );
    expect([r.result, r.err]).toEqual([0, '']);
    const json = JSON.parse(r.out);
    expect(json).toMatchObject({
      currency: 'EUR',
      by: ['channel'],
      periods: [
        { label: '2026-02', from: '2026-02-01', to: '2026-03-01' },
        { label: '2026-03', from: '2026-03-01', to: '2026-04-01' },
      ],
      contacts: [2, 4],
      cost: ['100.00', '120.00'],
      costPerContact: ['50.00', '30.00'],
      change: '-20.00',
      bridge: {
        mix: '0.00',
        rate: '-20.00',
        costGrowth: '9.17',
        volumeGrowth: '-29.17',
        entered: '0.00',
        unallocated: '0.00',
      },
    });
    expect(
      json.segments.map((s: Record<string, unknown>) => [
        s.dimensions,
        s.mix,
        s.costGrowth,
        s.volumeGrowth,
        s.rate,
      ]),
    ).toEqual([
      [{ channel: 'email' }, '-10.00', '-7.50', '0.00', '-7.50'],
      [{ channel: 'voice' }, '10.00', '16.67', '-29.17', '-12.50'],
    ]);
    expect(json.labour.factors.map((f: Record<string, unknown>) => [f.name, f.values, f.effect])).toEqual([
      ['aht', ['300.0', '300.0'], '0.00'],
      ['costPerHandleHour', ['600.00', '360.00'], '-20.00'],
      ['handledShare', ['1.0000', '1.0000'], '0.00'],
    ]);
    expect(Object.keys(json.definitions)).toContain('contacts');
    expect(json.method.length).toBeGreaterThan(3);
  });

  it('prints a table with the bridge, the segments, the labour split, the method and the definitions', async () => {
    const r = await cli(
      'drivers',
      '--workspace',
      ws,
      '--from',
      '2026-02',
      '--to',
      '2026-03',
      '--decimals',
      '3',
    );
    expect(r.result).toBe(0);
    expect(r.out).toMatch(/^Why cost per contact changed, 2026-02 → 2026-03, EUR, by channel/);
    expect(r.out).toMatch(/cost per contact\s+50\.000\s+30\.000\s+-20\.000/);
    // at three places the voice parts are 16.667 and −29.167; the missing tenth of a cent goes to 16.667
    expect(r.out).toMatch(
      /voice\s+both periods\s+1 → 3\s+50\.0% → 75\.0%\s+50\.000 → 90\.000\s+50\.000 → 30\.000\s+\+10\.000\s+\+16\.667\s+-29\.167/,
    );
    expect(r.out).toMatch(/labour cost per handle hour\s+600\.000\s+360\.000\s+-20\.000/);
    for (const heading of ['Bridge', 'Labour cost per contact', 'Method:', 'Definitions:'])
      expect(r.out).toContain(heading);
  });

  it('fails with one line for bad periods, an empty period and a missing workspace', async () => {
    let r = await cli('drivers', '--workspace', ws, '--from', '2026-02', '--to', '2026-W10');
    expect([r.result, r.err.trim().split('\n').length]).toEqual([2, 1]);
    expect(r.err).toContain('same kind');
    r = await cli('drivers', '--workspace', ws, '--from', '2026-02');
    expect(r.result).toBe(2);
    r = await cli('drivers', '--workspace', ws, '--from', '2026-02', '--to', 'March');
    expect([r.result, r.err]).toEqual([2, expect.stringContaining('not a date or period')]);
    r = await cli('drivers', '--workspace', ws, '--from', '2025-02', '--to', '2026-03');
    expect([r.result, r.err]).toEqual([
      4,
      expect.stringMatching(/^percontact: no contacts and no costs .*\n$/),
    ]);
    r = await cli('drivers', '--workspace', join(dir, 'nope'), '--from', '2026-02', '--to', '2026-03');
    expect(r.result).toBe(3);
  });

  it('is listed in the help', async () => {
    const r = await cli('--help');
    expect(r.out).toMatch(/drivers\s+.*why cost per contact changed/);
  });
});
