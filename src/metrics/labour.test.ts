import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../engine/engine.js';
import { AGENT_TIME_TABLE, RATE_CARDS_TABLE } from '../engine/schema.js';
import { defaultConfig } from '../model/config.js';
import { reportView } from '../report/report-view.js';
import { contact, costLine, engineWith } from '../test-support/fixtures.js';
import { costPerContactReport } from './cost-per-contact.js';
import { resolveDefinitions } from './definitions.js';

/*
 * March 2026 without any wages in the ledger, so labour is built bottom-up from rate cards:
 *   m1 voice a1/T1 handle 1800 s on 2 Mar: a1's card 30.00/h (to 15 Mar) → 0.5 h × 30.00 = 15.00
 *   m2 voice a2/T1 handle 3600 s on 20 Mar: a2's card 33.33/h (from 15 Mar) → 33.33
 *   m3 email a3/T2 handle 5400 s: no card for a3, team T2's card 25.00/h → 37.50
 *   m4 email zz/T9 handle 720 s: no card at all → 0.2 h unrated, no cost (and a note)
 * Bottom-up wages 85.83: voice 48.33, email 37.50.
 * Technology 100.00 by contacts 2 : 2 → 50.00 each.
 * Supervision 300.00 by fte = paid seconds from agent time: voice 4000 + 8000 = 12000, email
 *   12000 + 1800 (paid unknown → staffed) = 13800 → 30000 · 12000/25800 = 13953.49 cents, email
 *   16046.51, the spare cent to email: 139.53 / 160.47.
 * Occupancy = handle ÷ staffed: voice 5400 / (3600 + 7200) = 0.5; email 6120 / (10800 + 1800) = 0.4857;
 *   all 11520 / 23400 = 0.4923.
 */
const at = (iso: string) => new Date(iso);
const CONTACTS = [
  contact({
    id: 'm1',
    agent: 'a1',
    team: 'T1',
    arrivedAt: at('2026-03-02T09:00:00Z'),
    waitSeconds: 5,
    handleSeconds: 1800,
  }),
  contact({
    id: 'm2',
    agent: 'a2',
    team: 'T1',
    arrivedAt: at('2026-03-20T09:00:00Z'),
    waitSeconds: 5,
    handleSeconds: 3600,
  }),
  contact({
    id: 'm3',
    agent: 'a3',
    team: 'T2',
    channel: 'email',
    arrivedAt: at('2026-03-05T09:00:00Z'),
    handleSeconds: 5400,
  }),
  contact({
    id: 'm4',
    agent: 'zz',
    team: 'T9',
    channel: 'email',
    arrivedAt: at('2026-03-06T09:00:00Z'),
    handleSeconds: 720,
  }),
];
const LINES = [
  costLine({
    id: 'acd',
    category: 'technology',
    amount: '100.00',
    periodStart: '2026-03-01',
    periodEnd: '2026-04-01',
  }),
  costLine({
    id: 'super',
    category: 'supervision',
    amount: '300.00',
    periodStart: '2026-03-01',
    periodEnd: '2026-04-01',
    driver: 'fte',
  }),
];

let engine: Engine;
beforeAll(async () => {
  engine = await engineWith(CONTACTS, LINES);
  await engine.append(RATE_CARDS_TABLE, [
    ['r1', 'a1', 'T1', '30.00', 'EUR', '2026-01-01', '2026-03-15'],
    ['r2', 'a1', 'T1', '36.00', 'EUR', '2026-03-15', null],
    ['r3', 'a2', 'T1', '30.00', 'EUR', '2026-01-01', '2026-03-15'],
    ['r4', 'a2', 'T1', '33.33', 'EUR', '2026-03-15', null],
    ['r5', null, 'T2', '25.00', 'EUR', '2026-01-01', null],
  ]);
  await engine.append(AGENT_TIME_TABLE, [
    ['2026-03-02', 'a1', 'T1', 'voice', null, 3600, 4000],
    ['2026-03-20', 'a2', 'T1', 'voice', null, 7200, 8000],
    ['2026-03-05', 'a3', 'T2', 'email', null, 10800, 12000],
    ['2026-03-06', 'zz', 'T9', 'email', null, 1800, null],
  ]);
});
afterAll(() => engine.close());

const definitions = resolveDefinitions(defaultConfig('EUR', 'Europe/Berlin'));

describe('labour from rate cards and agent time', () => {
  it('builds wages bottom-up, allocates by FTE and reports occupancy', async () => {
    const view = reportView(
      await costPerContactReport(engine, definitions, {
        granularity: 'month',
        from: '2026-03',
        to: '2026-03',
        by: ['channel'],
      }),
    );
    expect(view.labourBasis).toEqual({ '2026-03': 'bottom-up' });
    expect(view.notes.filter((n) => n.code === 'unratedHours').map((n) => n.text)).toEqual([
      '0.2 agent-occupied hours from 2026-03 had no rate card and carry no bottom-up labour cost',
    ]);
    const byChannel = Object.fromEntries(view.rows.map((r) => [r.dimensions.channel, r]));
    expect(byChannel.voice?.costByCategory).toEqual({
      agent_wages: '48.33',
      supervision: '139.53',
      technology: '50.00',
    });
    expect(byChannel.email?.costByCategory).toEqual({
      agent_wages: '37.50',
      supervision: '160.47',
      technology: '50.00',
    });
    expect(byChannel.voice).toMatchObject({ cost: '237.86', occupancy: 0.5 });
    expect(byChannel.email).toMatchObject({ cost: '247.97', occupancy: 0.4857 });
    expect(view.totals).toMatchObject({ cost: '485.83', costPerContact: '121.46', occupancy: 0.4923 });
  });

  it('gives the same total without a breakdown', async () => {
    const view = reportView(
      await costPerContactReport(engine, definitions, {
        granularity: 'month',
        from: '2026-03',
        to: '2026-03',
        by: [],
      }),
    );
    expect(view.totals).toMatchObject({ cost: '485.83', occupancy: 0.4923 });
  });

  it('uses the ledger, not rate cards, once the period has wages', async () => {
    const e = await engineWith(CONTACTS, [
      ...LINES,
      costLine({
        id: 'w',
        category: 'agent_wages',
        amount: '1000.00',
        periodStart: '2026-03-01',
        periodEnd: '2026-04-01',
      }),
    ]);
    await e.append(RATE_CARDS_TABLE, [['r5', null, 'T2', '25.00', 'EUR', '2026-01-01', null]]);
    const view = reportView(await costPerContactReport(e, definitions, { granularity: 'month', by: [] }));
    expect(view.labourBasis).toEqual({ '2026-03': 'ledger' });
    expect(view.totals.costByCategory.agent_wages).toBe('1000.00');
    await e.close();
  });
});
