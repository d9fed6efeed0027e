import { describe, expect, it } from 'vitest';
import { VOLUMES_TABLE } from '../engine/schema.js';
import { defaultConfig } from '../model/config.js';
import { reportView } from '../report/report-view.js';
import { contact, costLine, engineWith } from '../test-support/fixtures.js';
import { costPerContactReport } from './cost-per-contact.js';
import { resolveDefinitions } from './definitions.js';

const at = (d: string) => new Date(`2026-03-${d}T09:00:00Z`);
const definitions = resolveDefinitions(defaultConfig('EUR', 'Europe/Berlin'));
const march = { granularity: 'month' as const, from: '2026-03', to: '2026-03' };

/*
 * March 2026: voice v1 (queue q1, handle 100 s) and v2 (q2, 200 s), email e1 (q1, 300 s), chat c1 (q2, 400 s).
 *  equal 90.00            → three channels with contacts: 30.00 each; by queue: q1, q2 → 45.00 each.
 *  fixed voice=60,email=40, 100.00 → voice 60.00, email 40.00, chat nothing; by queue the voice share
 *                           follows voice handle time q1 100 : q2 200 → 20.00 / 40.00, email's 40.00 is all q1:
 *                           q1 60.00, q2 40.00.
 *  fixed voice=1,video=1, 10.00 → voice 5.00, video 5.00 (a row without contacts); by queue there are no
 *                           video contacts to carry video's 5.00, so it is unallocated.
 */
async function workspace() {
  return engineWith(
    [
      contact({ id: 'v1', queue: 'q1', arrivedAt: at('02'), handleSeconds: 100 }),
      contact({ id: 'v2', queue: 'q2', arrivedAt: at('03'), handleSeconds: 200 }),
      contact({ id: 'e1', channel: 'email', queue: 'q1', arrivedAt: at('04'), handleSeconds: 300 }),
      contact({ id: 'c1', channel: 'chat', queue: 'q2', arrivedAt: at('05'), handleSeconds: 400 }),
    ],
    [
      costLine({
        id: 'eq',
        amount: '90.00',
        periodStart: '2026-03-01',
        periodEnd: '2026-04-01',
        driver: 'equal',
      }),
      costLine({
        id: 'fx',
        amount: '100.00',
        periodStart: '2026-03-01',
        periodEnd: '2026-04-01',
        driver: 'fixed:channel:voice=60,email=40',
      }),
      costLine({
        id: 'fv',
        amount: '10.00',
        periodStart: '2026-03-01',
        periodEnd: '2026-04-01',
        driver: 'fixed:channel:voice=1,video=1',
      }),
    ],
  );
}

const costs = (
  rows: { dimensions: Record<string, string | null | undefined>; kind: string; cost: string | null }[],
  dim: string,
) =>
  Object.fromEntries(rows.map((r) => [r.kind === 'unallocated' ? 'unallocated' : r.dimensions[dim], r.cost]));

describe('allocation drivers, by hand', () => {
  it('equal and fixed shares by channel', async () => {
    const engine = await workspace();
    const view = reportView(await costPerContactReport(engine, definitions, { ...march, by: ['channel'] }));
    // chat 30; email 30 + 40 = 70; voice 30 + 60 + 5 = 95; video 5
    expect(costs(view.rows, 'channel')).toEqual({
      chat: '30.00',
      email: '70.00',
      video: '5.00',
      voice: '95.00',
    });
    expect(view.rows.find((r) => r.dimensions.channel === 'video')).toMatchObject({
      contacts: 0,
      costPerContact: null,
    });
    await engine.close();
  });

  it('equal and fixed shares by queue', async () => {
    const engine = await workspace();
    const view = reportView(await costPerContactReport(engine, definitions, { ...march, by: ['queue'] }));
    // q1: 45 + 20 + 40 + voice 5 by handle time q1 100 : q2 200 → 1.67 (the spare cent: 166.67 → 167)
    // q2: 45 + 40 + 3.33; the video share 5.00 unallocated
    expect(costs(view.rows, 'queue')).toEqual({ q1: '106.67', q2: '88.33', unallocated: '5.00' });
    expect(view.totals.cost).toBe('200.00');
    await engine.close();
  });

  it('reports volumes-only data on its own', async () => {
    const engine = await engineWith(
      [],
      [
        costLine({
          id: 'w',
          category: 'agent_wages',
          amount: '300.00',
          periodStart: '2026-03-01',
          periodEnd: '2026-04-01',
        }),
      ],
    );
    await engine.append(VOLUMES_TABLE, [
      // 1–31 March local time as one monthly row: 100 offered, 90 handled, 10 abandoned, 27000 s handle
      [
        'acd',
        'voice',
        'q1',
        new Date('2026-02-28T23:00:00Z'),
        new Date('2026-03-31T22:00:00Z'),
        'P1M',
        100,
        90,
        10,
        27000,
        1800,
        72,
        20,
      ],
    ]);
    const view = reportView(
      await costPerContactReport(engine, definitions, { granularity: 'month', by: ['channel'] }),
    );
    // 300.00 / 90 handled = 3.333 → 3.33; AHT 27000 / 90 = 300; ASA 1800 / 90 = 20; SL 72 / (90 + 10) = 0.72;
    // abandonment 10 / 100 (volumes know no short abandons)
    expect(view.rows).toHaveLength(1);
    expect(view.rows[0]).toMatchObject({
      period: '2026-03',
      contacts: 90,
      cost: '300.00',
      costPerContact: '3.33',
      ahtSeconds: 300,
      asaSeconds: 20,
      serviceLevel: 0.72,
      abandonRate: 0.1,
      costPerCall: '3.33',
    });
    await engine.close();
  });
});
