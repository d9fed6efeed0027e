import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../engine/engine.js';
import { defaultConfig } from '../model/config.js';
import { Decimal } from '../money/decimal.js';
import { explainJson, explainText } from '../report/explain-render.js';
import { engineWith } from '../test-support/fixtures.js';
import { HAND_CHECKED_CONTACTS, HAND_CHECKED_LINES } from '../test-support/hand-checked.js';
import { resolveDefinitions } from './definitions.js';
import { explain } from './explain.js';

// The workspace of cost-per-contact.test.ts; its hand computation is in test-support/hand-checked.ts.
const definitions = resolveDefinitions(defaultConfig('EUR', 'Europe/Berlin'));
let engine: Engine;
beforeAll(async () => {
  engine = await engineWith(HAND_CHECKED_CONTACTS, HAND_CHECKED_LINES);
});
afterAll(() => engine.close());

describe('explain', () => {
  it('takes February voice apart into its cost lines and contacts', async () => {
    const e = await explain(engine, definitions, { period: '2026-02', segment: { channel: 'voice' } });
    // L1 wages: Feb part 1471.19, handle time voice 480 of 1680 → 420.34; L2 telephony voice-direct
    // 43.55; L3 licence Feb 92.05 by contacts 2 of 4 → 46.03 (it takes the spare cent).
    expect(
      e.lines.map((l) => [
        l.id,
        l.periodAmount.toString(),
        l.driver,
        l.weight,
        l.weightTotal,
        l.allocated.toFixed(2),
      ]),
    ).toEqual([
      ['L1', '1471.19', 'handle_time', 480, 1680, '420.34'],
      ['L2', '43.55', 'direct (channel voice)', 1, 1, '43.55'],
      ['L3', '92.05', 'contacts', 2, 4, '46.03'],
    ]);
    const sum = e.lines.reduce((s, l) => s.plus(l.allocated), new Decimal(0));
    expect(sum.equals(e.row.cost)).toBe(true);
    expect(e.row.cost.toFixed(2)).toBe('509.92');
    expect(e.outcomes).toEqual([
      { direction: 'inbound', outcome: 'callback', contacts: 1, counted: true },
      { direction: 'inbound', outcome: 'handled', contacts: 1, counted: true },
      { direction: 'outbound', outcome: 'handled', contacts: 1, counted: false },
    ]);
    const json = JSON.parse(explainJson(e, 'costPerContact'));
    expect(json.formula).toEqual({
      text: 'cost ÷ counted contacts',
      numerator: '509.92',
      denominator: '2',
      value: '254.96',
    });
    expect(explainText(e, 'costPerContact')).toContain('= cost ÷ counted contacts = 509.92 ÷ 2 = 254.96');
  });

  it('explains the whole center, unallocated parts included, and other metrics', async () => {
    const e = await explain(engine, definitions, { period: '2026-01', segment: {} });
    expect(e.lines.reduce((s, l) => s.plus(l.allocated), new Decimal(0)).toFixed(2)).toBe('1777.18');
    // A shared line reaches the whole center by its own driver, not "direct": L1 wages by handle
    // time, L3 licence by contacts; L2 is the voice line.
    expect(e.lines.map((l) => [l.id, l.driver])).toEqual([
      ['L1', 'handle_time'],
      ['L2', 'direct (channel voice)'],
      ['L3', 'contacts'],
    ]);
    // Money grouped by thousands: L1 3,100.00, January's part 1,628.81.
    const text = explainText(e, 'costPerContact');
    expect(text).toContain('= cost ÷ counted contacts = 1,777.18 ÷ 3 = 592.39');
    expect(text).toMatch(/L1 +agent_wages +3,100\.00 .* 1,628\.81 /);
    // A service figure is explained by the contacts behind it, not by cost lines: January's SL
    // (hand-checked.ts) 2 within ÷ (3 answered + 2 abandoned − 1 short): voice answered c1, c2
    // (c1 within 20 s), abandoned c3 and c4 (c4 within 5 s); email answered c5 within its 24 h.
    const sl = explainText(e, 'serviceLevel');
    expect(sl).not.toContain('Cost lines');
    expect(sl).toContain('Contacts behind it, by channel:');
    expect(sl).toMatch(/email +86,400 +1 +1 +0 +0 +0/);
    expect(sl).toMatch(/voice +20 +2 +1 +2 +1 +1/);
    // January: AHT (300 + 240 + 600) / 3; abandonment (2 − 1) / (5 − 1)
    expect(JSON.parse(explainJson(e, 'ahtSeconds')).formula).toMatchObject({
      numerator: '1140',
      denominator: '3',
      value: '380.0',
    });
    expect(JSON.parse(explainJson(e, 'abandonRate')).formula).toMatchObject({
      numerator: '1',
      denominator: '4',
      value: '0.2500',
    });
  });

  it('says so when the segment has nothing in the period', async () => {
    await expect(
      explain(engine, definitions, { period: '2026-01', segment: { channel: 'video' } }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
