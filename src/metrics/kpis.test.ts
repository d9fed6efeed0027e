import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../engine/engine.js';
import { defaultConfig } from '../model/config.js';
import { reportView } from '../report/report-view.js';
import { contact, costLine, engineWith } from '../test-support/fixtures.js';
import { costPerContactReport } from './cost-per-contact.js';
import { resolveDefinitions } from './definitions.js';

/*
 * March 2026, figures by hand. Customers A, B, C; counted = inbound handled or callback.
 *  k1 voice handled A 2 Mar, wait 5, handle 100, csat 1.00     → repeat: A again (k2) 3 days later
 *  k2 email handled A 5 Mar, wait unknown, handle 300, csat .50 → next A contact 15 days later: no repeat
 *  k3 chat handled A 20 Mar, wait 12, handle 200, resolved false, csat .75
 *  k4 voice handled B 10 Mar, wait 25, handle 400, resolved true
 *  k5 voice handled (no customer) 11 Mar, wait 30, handle 500
 *  k6 voice abandoned C, wait 4 (short) · k7 abandoned C, wait 15 · k8 abandoned, wait 60
 *  k9 voice self_served C · k10 voice callback C 13 Mar, wait 50 (counted)
 *  k11 voice handled B 31 Mar 20:00 UTC, wait 10, handle 600 → repeat: B again on 3 Apr (k12, outside
 *      the report but inside the 7-day window)
 *  k12 voice handled B 3 Apr (April: not in the March report)
 */
const at = (iso: string) => new Date(iso);
const CONTACTS = [
  contact({
    id: 'k1',
    customer: 'A',
    arrivedAt: at('2026-03-02T10:00:00Z'),
    waitSeconds: 5,
    handleSeconds: 100,
    csat: 1,
  }),
  contact({
    id: 'k2',
    customer: 'A',
    channel: 'email',
    arrivedAt: at('2026-03-05T10:00:00Z'),
    handleSeconds: 300,
    csat: 0.5,
  }),
  contact({
    id: 'k3',
    customer: 'A',
    channel: 'chat',
    arrivedAt: at('2026-03-20T10:00:00Z'),
    waitSeconds: 12,
    handleSeconds: 200,
    resolved: false,
    csat: 0.75,
  }),
  contact({
    id: 'k4',
    customer: 'B',
    arrivedAt: at('2026-03-10T10:00:00Z'),
    waitSeconds: 25,
    handleSeconds: 400,
    resolved: true,
  }),
  contact({ id: 'k5', arrivedAt: at('2026-03-11T10:00:00Z'), waitSeconds: 30, handleSeconds: 500 }),
  contact({
    id: 'k6',
    customer: 'C',
    outcome: 'abandoned',
    arrivedAt: at('2026-03-12T10:00:00Z'),
    waitSeconds: 4,
  }),
  contact({
    id: 'k7',
    customer: 'C',
    outcome: 'abandoned',
    arrivedAt: at('2026-03-12T11:00:00Z'),
    waitSeconds: 15,
  }),
  contact({ id: 'k8', outcome: 'abandoned', arrivedAt: at('2026-03-12T12:00:00Z'), waitSeconds: 60 }),
  contact({ id: 'k9', customer: 'C', outcome: 'self_served', arrivedAt: at('2026-03-12T09:00:00Z') }),
  contact({
    id: 'k10',
    customer: 'C',
    outcome: 'callback',
    arrivedAt: at('2026-03-13T10:00:00Z'),
    waitSeconds: 50,
  }),
  contact({
    id: 'k11',
    customer: 'B',
    arrivedAt: at('2026-03-31T20:00:00Z'),
    waitSeconds: 10,
    handleSeconds: 600,
  }),
  contact({
    id: 'k12',
    customer: 'B',
    arrivedAt: at('2026-04-03T08:00:00Z'),
    waitSeconds: 10,
    handleSeconds: 60,
  }),
];
const LINES = [
  costLine({
    id: 'wages',
    category: 'agent_wages',
    amount: '700.00',
    periodStart: '2026-03-01',
    periodEnd: '2026-04-01',
  }),
  costLine({
    id: 'acd',
    category: 'technology',
    amount: '140.00',
    periodStart: '2026-03-01',
    periodEnd: '2026-04-01',
  }),
];

let engine: Engine;
beforeAll(async () => {
  engine = await engineWith(CONTACTS, LINES);
});
afterAll(() => engine.close());

const march = { granularity: 'month' as const, from: '2026-03', to: '2026-03', detail: 'full' as const };

describe('the full KPI set', () => {
  it('matches the hand computation for the month', async () => {
    const definitions = resolveDefinitions(defaultConfig('EUR', 'Europe/Berlin'));
    const { totals } = reportView(await costPerContactReport(engine, definitions, { ...march, by: [] }));
    expect(totals).toMatchObject({
      contacts: 7, // k1 k2 k3 k4 k5 k10 k11
      handled: 6,
      cost: '840.00',
      costPerContact: '120.00', // 840 / 7
      costPerHandledContact: '140.00', // 840 / 6
      resolutions: 4, // k2 (no flag, no repeat), k4 (flag), k5 (no customer), k10
      costPerResolution: '210.00', // 840 / 4
      costPerHandleMinute: '24.00', // 840 / (2100 s = 35 min)
      costPerCall: null, // not all counted contacts are voice
      labourShare: 0.8333, // 700 / 840
      ahtSeconds: 350, // 2100 / 6
      ahtMedianSeconds: 350, // (300 + 400) / 2 of 100 200 300 400 500 600
      ahtP90Seconds: 550, // position 0.9·5 = 4.5 → 500 + 0.5·100
      asaSeconds: 16.4, // (5 + 12 + 25 + 30 + 10) / 5 answered with a known wait
      abandonRate: 0.2222, // (3 − 1 short) / (10 offered − 1 short)
      repeatRate: 0.3333, // k1 and k11 of 6 counted contacts with a customer
      fcr: 0.6667,
      csatMean: 0.75, // (1 + .5 + .75) / 3
      csatTopBox: 0.6667, // 1 and .75 of 3
      containment: 0.0909, // 1 self-served / (1 + 10 offered)
      costByCategory: { agent_wages: '700.00', technology: '140.00' },
    });
    // answered within 20 s: k1 k3 k11 = 3; answered (timed) 5; abandoned 3, within 5 s 1, within 20 s 2
    expect(totals.serviceLevelVariants).toEqual({
      short_abandons_excluded: 0.4286, // 3 / (5 + 3 − 1)
      abandons_against: 0.375, // 3 / 8
      answered_only: 0.6, // 3 / 5
      early_abandons_good: 0.625, // (3 + 2) / 8
      early_abandons_ignored: 0.5, // 3 / (8 − 2)
    });
    expect(totals.serviceLevel).toBe(0.4286);
  });

  it('leaves the two-pass figures out of a headline report rather than showing zeros', async () => {
    const definitions = resolveDefinitions(defaultConfig('EUR', 'Europe/Berlin'));
    const { totals } = reportView(
      await costPerContactReport(engine, definitions, { ...march, detail: 'headline', by: [] }),
    );
    expect(totals).toMatchObject({
      costPerContact: '120.00',
      ahtSeconds: 350,
      resolutions: null,
      costPerResolution: null,
      repeatRate: null,
      fcr: null,
      ahtMedianSeconds: null,
      ahtP90Seconds: null,
    });
  });

  it('uses the service-level formula the workspace selects', async () => {
    const config = defaultConfig('EUR', 'Europe/Berlin');
    config.serviceLevel.formula = 'answered_only';
    const { totals } = reportView(
      await costPerContactReport(engine, resolveDefinitions(config), { ...march, by: [] }),
    );
    expect(totals.serviceLevel).toBe(0.6);
  });

  it('by channel: quantiles per row and per period, cost per call on voice', async () => {
    const definitions = resolveDefinitions(defaultConfig('EUR', 'Europe/Berlin'));
    const view = reportView(await costPerContactReport(engine, definitions, { ...march, by: ['channel'] }));
    const voice = view.rows.find((r) => r.dimensions.channel === 'voice');
    /*
     * Wages 700 by handle time voice 1600 : email 300 : chat 200 → 53333.33 / 10000 / 6666.67 cents,
     * the spare cent to chat: 533.33 / 100.00 / 66.67. Technology 140 by contacts 5 : 1 : 1 → 100 / 20 / 20.
     * Voice 633.33 over 5 calls = 126.666 → 126.67. Voice handles 100 400 500 600: median 450, p90 at
     * 0.9·3 = 2.7 → 500 + 0.7·100 = 570. Labour share 533.33 / 633.33.
     */
    expect(voice).toMatchObject({
      contacts: 5,
      cost: '633.33',
      costPerCall: '126.67',
      costPerContact: '126.67',
      ahtMedianSeconds: 450,
      ahtP90Seconds: 570,
      labourShare: 0.8421,
    });
    expect(view.periodTotals[0]).toMatchObject({ cost: '840.00', ahtMedianSeconds: 350, ahtP90Seconds: 550 });
    expect(view.totals).toMatchObject({ ahtMedianSeconds: 350, ahtP90Seconds: 550 });
  });
});
