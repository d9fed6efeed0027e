import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../engine/engine.js';
import { FX_RATES_TABLE, VOLUMES_TABLE } from '../engine/schema.js';
import { defaultConfig } from '../model/config.js';
import { reportView } from '../report/report-view.js';
import { contact, costLine, engineWith } from '../test-support/fixtures.js';
import { costPerContactReport } from './cost-per-contact.js';
import { resolveDefinitions } from './definitions.js';
import { explain } from './explain.js';

/*
 * March 2026: voice has contact-level data (v1, v2: handle 500 s each, waits 10 s and 30 s); email only
 * daily volumes: day 1 offered 10, handled 8, abandoned 2, handle 4000 s, wait 800 s, 6 answered within
 * 20 s; day 2 offered 5, handled 5, handle 1000 s, no wait or service level reported.
 * (service level measured at 24 h, the default email threshold). Counted contacts: voice 2 + email 13 = 15. Handle time voice 1000 : email 5000.
 * Wages 1000.00 EUR by handle time → 16666.67 / 83333.33 cents → voice 166.67, email 833.33.
 * Licence 100.00 USD from 1 Mar at the latest USD rate on or before then (0.90 of 25 Feb, not 0.95 of
 * 15 Mar) → 90.00 EUR, by contacts 2 : 13 → 12.00 / 78.00.
 * Voice 178.67 / 2 = 89.335 → 89.34; email 911.33 / 13 = 70.1023 → 70.10; total 1090.00 / 15 → 72.67.
 */
const at = (iso: string) => new Date(iso);
let engine: Engine;
beforeAll(async () => {
  engine = await engineWith(
    [
      contact({ id: 'v1', arrivedAt: at('2026-03-03T09:00:00Z'), waitSeconds: 10, handleSeconds: 500 }),
      contact({ id: 'v2', arrivedAt: at('2026-03-04T09:00:00Z'), waitSeconds: 30, handleSeconds: 500 }),
    ],
    [
      costLine({
        id: 'wages',
        category: 'agent_wages',
        amount: '1000.00',
        periodStart: '2026-03-01',
        periodEnd: '2026-04-01',
      }),
      costLine({
        id: 'lic',
        category: 'technology',
        amount: '100.00',
        currency: 'USD',
        periodStart: '2026-03-01',
        periodEnd: '2026-04-01',
      }),
    ],
  );
  const day = (d: string) => [
    at(`2026-03-${d}T23:00:00Z`),
    at(`2026-03-${String(Number(d) + 1).padStart(2, '0')}T23:00:00Z`),
  ];
  await engine.append(VOLUMES_TABLE, [
    ['wfm', 'email', null, ...day('02'), 'P1D', 10, 8, 2, 4000, 800, 6, 86_400],
    ['wfm', 'email', null, ...day('03'), 'P1D', 5, 5, 0, 1000, null, null, null],
  ]);
  await engine.append(FX_RATES_TABLE, [
    ['2026-02-25', 'USD', '0.90'],
    ['2026-03-15', 'USD', '0.95'],
  ]);
});
afterAll(() => engine.close());

const definitions = resolveDefinitions(defaultConfig('EUR', 'Europe/Berlin'));

describe('volumes and foreign-currency costs', () => {
  it('counts volumes with contacts and converts costs at the FX table rate', async () => {
    const view = reportView(
      await costPerContactReport(engine, definitions, { granularity: 'month', by: ['channel'] }),
    );
    const rows = Object.fromEntries(view.rows.map((r) => [r.dimensions.channel, r]));
    expect(rows.voice).toMatchObject({ contacts: 2, cost: '178.67', costPerContact: '89.34' });
    expect(rows.email).toMatchObject({
      contacts: 13,
      cost: '911.33',
      costPerContact: '70.10',
      ahtSeconds: 384.6, // 5000 / 13
      asaSeconds: 100, // 800 / 8 answered with a reported wait
      serviceLevel: 0.6, // 6 / (8 + 2) measured at the email threshold
      abandonRate: 0.1333, // 2 / 15
    });
    expect(view.totals).toMatchObject({ contacts: 15, cost: '1090.00', costPerContact: '72.67' });
  });

  it('shows the rate in explain', async () => {
    const e = await explain(engine, definitions, { period: '2026-03', segment: {} });
    const lic = e.lines.find((l) => l.id === 'lic');
    expect(lic).toMatchObject({ currency: 'USD', fxRate: '0.9', fxDate: '2026-02-25' });
    expect(lic?.periodAmount.toFixed(2)).toBe('90.00');
  });

  it('refuses a currency without a rate, naming what to import', async () => {
    const e = await engineWith(
      [],
      [
        costLine({
          id: 'x',
          amount: '5.00',
          currency: 'GBP',
          periodStart: '2026-03-01',
          periodEnd: '2026-03-02',
        }),
      ],
    );
    await expect(costPerContactReport(e, definitions, { granularity: 'month', by: [] })).rejects.toThrow(
      /cost line "x" is in GBP .* no GBP rate on or before 2026-03-01: import GBP exchange rates first$/,
    );
    await e.close();
  });
});
