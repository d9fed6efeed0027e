import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../engine/engine.js';
import { resolveDefinitions } from '../metrics/definitions.js';
import { defaultConfig } from '../model/config.js';
import { engineWith } from '../test-support/fixtures.js';
import { HAND_CHECKED_CONTACTS, HAND_CHECKED_LINES } from '../test-support/hand-checked.js';
import { withCompare } from './compare.js';
import { prepareReport, renderText } from './render.js';

const definitions = resolveDefinitions(defaultConfig('EUR', 'Europe/Berlin'));
let engine: Engine;
beforeAll(async () => {
  engine = await engineWith(HAND_CHECKED_CONTACTS, HAND_CHECKED_LINES);
});
afterAll(() => engine.close());

/*
 * Figures of the hand-checked workspace (src/metrics/cost-per-contact.test.ts):
 *   Jan email 1 contact 891.24; voice 2 contacts 885.94 (442.97 each); total 3 contacts 1777.18 (592.39)
 *   Feb chat 1 653.52; email 1 943.35; self_service 0 0.00; social 0 30.00; voice 2 509.92 (254.96);
 *   total 4 contacts 2136.79 (534.20). December 2025 holds no contacts.
 */
describe('compare with the previous period', () => {
  it('puts each segment beside itself a period earlier, with absolute and relative change', async () => {
    const { view, context } = await prepareReport(
      engine,
      definitions,
      { granularity: 'month', by: ['channel'] },
      { compare: 'previous' },
    );
    const compare = context.compare;
    if (!compare) throw new Error('no comparison');
    const feb = (channel: string) =>
      view.rows.find((r) => r.period === '2026-02' && r.dimensions.channel === channel);
    const row = (channel: string) => compare.of(feb(channel) ?? view.totals);

    // 943.35 − 891.24 = 52.11; 52.11 / 891.24 = 0.05847 → 0.0585
    expect(row('email')).toEqual({
      period: '2026-01',
      contacts: 1,
      cost: '891.24',
      costPerContact: '891.24',
      change: {
        contacts: 0,
        cost: '52.11',
        costPerContact: '52.11',
        relative: { contacts: 0, cost: 0.0585, costPerContact: 0.0585 },
      },
    });
    // 509.92 − 885.94 = −376.02 (−0.42443); 254.96 − 442.97 = −188.01 (−0.42443)
    expect(row('voice')?.change).toEqual({
      contacts: 0,
      cost: '-376.02',
      costPerContact: '-188.01',
      relative: { contacts: 0, cost: -0.4244, costPerContact: -0.4244 },
    });
    // Chat had no January: zero contacts and cost then, no relative change from zero.
    expect(row('chat')).toEqual({
      period: '2026-01',
      contacts: 0,
      cost: '0.00',
      costPerContact: null,
      change: {
        contacts: 1,
        cost: '653.52',
        costPerContact: null,
        relative: { contacts: null, cost: null, costPerContact: null },
      },
    });
    expect(row('social')?.change.cost).toBe('30.00');

    // Feb total vs Jan total: +1 contact (+0.3333), +359.61 (+0.2023), 534.20 − 592.39 = −58.19 (−0.0982)
    const febTotal = view.periodTotals[1];
    expect(febTotal && compare.of(febTotal)?.change).toEqual({
      contacts: 1,
      cost: '359.61',
      costPerContact: '-58.19',
      relative: { contacts: 0.3333, cost: 0.2023, costPerContact: -0.0982 },
    });
  });

  it('compares nothing with a period without contacts, nor a total over one', async () => {
    const { view, context } = await prepareReport(
      engine,
      definitions,
      { granularity: 'month', by: ['channel'] },
      { compare: 'previous' },
    );
    const january = view.rows.filter((r) => r.period === '2026-01');
    expect(january.map((r) => context.compare?.of(r))).toEqual(january.map(() => null));
    expect(context.compare?.of(view.totals)).toBeNull();
  });

  it('compares the grand total of a one-month report with the month before', async () => {
    const { view, context } = await prepareReport(
      engine,
      definitions,
      { granularity: 'month', by: [], from: '2026-02', to: '2026-02' },
      { compare: 'previous' },
    );
    expect(context.compare?.of(view.totals)).toMatchObject({
      period: '2026-01',
      contacts: 3,
      cost: '1777.18',
      costPerContact: '592.39',
    });
    const json = JSON.parse(
      JSON.stringify(withCompare(view, context.compare as NonNullable<typeof context.compare>)),
    );
    expect(json.compareWith).toBe('previous');
    expect(json.rows[0].compare).toMatchObject({ period: '2026-01', change: { costPerContact: '-58.19' } });
  });

  it('says why a period has no comparison a year earlier, on its rows and below the table', async () => {
    // The workspace starts in January 2026: January and February 2025 hold no contacts.
    const prepared = await prepareReport(
      engine,
      definitions,
      { granularity: 'month', by: ['channel'] },
      { compare: 'year-ago' },
    );
    const texts = prepared.view.notes.map((n) => n.text);
    expect(texts).toContain(
      '2026-01 is not compared: 2025-01, the period it is compared with, holds no contacts',
    );
    const voice = prepared.view.rows.find((r) => r.period === '2026-02' && r.dimensions.channel === 'voice');
    expect(voice?.notes.map((n) => n.code)).toContain('notComparedNoContacts');
    const table = await renderText(prepared, 'table');
    expect(table).toMatch(
      /\d+ {2}2026-02 is not compared: 2025-02, the period it is compared with, holds no contacts/,
    );
  });
});
