import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../engine/engine.js';
import { defaultConfig } from '../model/config.js';
import { Decimal } from '../money/decimal.js';
import { explainJson, explainText } from '../report/explain-render.js';
import { contact, engineWith } from '../test-support/fixtures.js';
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

/*
 * April 2026 by hand (Europe/Berlin; counted = inbound handled or callback; repeat window 7 days;
 * CSAT normalised 0..1, top box ≥ 0.75):
 *  f1 voice A 1 Apr, csat 1    → A again (f2, counted) 2 days later: a repeat
 *  f2 chat  A 3 Apr, csat .25  → no later A contact: not a repeat
 *  f3 voice B 6 Apr, csat .75  → next B 14 days later (f4): not a repeat
 *  f4 voice B 20 Apr, no score
 *  f5 voice (no customer) 8 Apr, csat .5: counted, but not in FCR's denominator
 *  f6 voice C 9 Apr abandoned (not counted)
 *  f7 voice C 10 Apr, csat .25 → next C 11 Apr is abandoned (f8, not counted): not a repeat
 * FCR = (with a customer 5 − repeats 1) ÷ 5 = 0.8; by channel voice 4 / 1 / 3, chat 1 / 0 / 1.
 * CSAT mean = (1 + .25 + .75 + .5 + .25) ÷ 5 = 2.75 ÷ 5 = 0.55; voice 4 scored, sum 2.5; chat 1, .25.
 * Top box = f1, f3 = 2 ÷ 5 = 0.4; voice 2, chat 0.
 */
describe('explain of FCR and CSAT', () => {
  const at = (day: string, channel: 'voice' | 'chat' = 'voice') => ({
    arrivedAt: new Date(`2026-04-${day}T10:00:00Z`),
    channel,
  });
  let service: Engine;
  beforeAll(async () => {
    service = await engineWith(
      [
        contact({ id: 'f1', customer: 'A', csat: 1, ...at('01') }),
        contact({ id: 'f2', customer: 'A', csat: 0.25, ...at('03', 'chat') }),
        contact({ id: 'f3', customer: 'B', csat: 0.75, ...at('06') }),
        contact({ id: 'f4', customer: 'B', ...at('20') }),
        contact({ id: 'f5', csat: 0.5, ...at('08') }),
        contact({ id: 'f6', customer: 'C', outcome: 'abandoned', ...at('09') }),
        contact({ id: 'f7', customer: 'C', csat: 0.25, ...at('10') }),
        contact({ id: 'f8', customer: 'C', outcome: 'abandoned', ...at('11') }),
      ],
      [],
    );
  });
  afterAll(() => service.close());
  const april = () => explain(service, definitions, { period: '2026-04', segment: {}, detail: 'full' });

  it('takes FCR apart into contacts with a customer and their repeats', async () => {
    const json = JSON.parse(explainJson(await april(), 'fcr'));
    expect(json.formula).toEqual({
      text: '(counted contacts with a known customer − repeat contacts within 7 days) ÷ counted contacts with a known customer',
      numerator: '4',
      denominator: '5',
      value: '0.8000',
    });
    expect(json.costLines).toBeUndefined();
    expect(json.contacts.byChannel).toEqual([
      { channel: 'chat', 'with a customer': 1, repeats: 0, 'resolved first time': 1 },
      { channel: 'voice', 'with a customer': 4, repeats: 1, 'resolved first time': 3 },
    ]);
    expect(explainText(await april(), 'fcr')).toMatch(/voice +4 +1 +3/);
  });

  it('takes CSAT apart into the scores and the contacts with one', async () => {
    const e = await april();
    expect(JSON.parse(explainJson(e, 'csatMean')).formula).toMatchObject({
      numerator: '2.75',
      denominator: '5',
      value: '0.5500',
    });
    expect(JSON.parse(explainJson(e, 'csatMean')).contacts.byChannel).toEqual([
      { channel: 'chat', scored: 1, 'score sum': 0.25 },
      { channel: 'voice', scored: 4, 'score sum': 2.5 },
    ]);
    expect(JSON.parse(explainJson(e, 'csatTopBox')).formula).toMatchObject({
      numerator: '2',
      denominator: '5',
      value: '0.4000',
    });
    // German decimals in the table and the formula.
    const de = explainText(e, 'csatMean', undefined, 'de-DE');
    expect(de).toContain('2,75 ÷ 5 = 0,5500');
    expect(de).toMatch(/voice +4 +2,5\n/);
  });

  it('will not explain FCR from a report without repeat contacts', async () => {
    const headline = await explain(service, definitions, { period: '2026-04', segment: {} });
    expect(() => explainJson(headline, 'fcr')).toThrow(/detail full/);
  });
});
