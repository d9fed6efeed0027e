import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../model/config.js';
import type { Contact } from '../model/contact.js';
import type { CostLine } from '../model/cost-line.js';
import { Decimal } from '../money/decimal.js';
import { contact, costLine, engineWith } from '../test-support/fixtures.js';
import { costPerContactReport } from './cost-per-contact.js';
import { resolveDefinitions } from './definitions.js';

const DAY = 86_400_000;
const START = Date.parse('2026-01-01T00:00:00Z');

const contactArb = fc.record({
  day: fc.integer({ min: 0, max: 89 }),
  channel: fc.constantFrom('voice', 'email', 'chat'),
  queue: fc.constantFrom('q1', 'q2', null),
  team: fc.constantFrom('t1', 't2'),
  outcome: fc.constantFrom('handled', 'handled', 'abandoned', 'callback', 'self_served'),
  handle: fc.integer({ min: 0, max: 1200 }),
});

const lineArb = fc.record({
  cents: fc.integer({ min: 1, max: 5_000_000 }),
  startDay: fc.integer({ min: 0, max: 80 }),
  days: fc.integer({ min: 1, max: 120 }),
  category: fc.constantFrom('agent_wages', 'technology', 'facilities', 'telephony'),
  direct: fc.constantFrom(null, 'voice', 'email', 'social'),
  driver: fc.constantFrom(null, 'contacts', 'equal', 'handle_time', 'fixed:channel:voice=3,email=1'),
});

const iso = (day: number) => new Date(START + day * DAY).toISOString().slice(0, 10);

describe('breakdown totals (property)', () => {
  it('every breakdown adds up to the unbroken total, to the cent, and no cost is lost', async () => {
    const definitions = resolveDefinitions(defaultConfig('EUR', 'Europe/Berlin'));
    await fc.assert(
      fc.asyncProperty(
        fc.array(contactArb, { maxLength: 25 }),
        fc.array(lineArb, { minLength: 1, maxLength: 6 }),
        async (cs, ls) => {
          const contacts: Contact[] = cs.map((c, i) =>
            contact({
              id: String(i),
              arrivedAt: new Date(START + c.day * DAY + 10 * 3_600_000),
              channel: c.channel as Contact['channel'],
              queue: c.queue,
              team: c.team,
              outcome: c.outcome as Contact['outcome'],
              handleSeconds: c.outcome === 'handled' ? c.handle : null,
            }),
          );
          const lines: CostLine[] = ls.map((l, i) =>
            costLine({
              id: `L${i}`,
              category: l.category as CostLine['category'],
              amount: new Decimal(l.cents).div(100).toFixed(2),
              periodStart: iso(l.startDay),
              periodEnd: iso(l.startDay + l.days),
              channel: l.direct,
              driver: l.driver,
            }),
          );
          const engine = await engineWith(contacts, lines);
          try {
            // The range covers every line's whole accrual, so the total must be the ledger's sum.
            const range = { granularity: 'month' as const, from: '2026-01', to: '2026-07' };
            const whole = await costPerContactReport(engine, definitions, { ...range, by: [] });
            const ledger = lines.reduce((s, l) => s.plus(l.amount), new Decimal(0));
            expect(whole.totals.cost.toFixed(2)).toBe(ledger.toFixed(2));
            for (const by of [['channel'], ['queue'], ['team'], ['channel', 'team']] as const) {
              const split = await costPerContactReport(engine, definitions, { ...range, by });
              expect(split.totals.cost.toFixed(2)).toBe(whole.totals.cost.toFixed(2));
              expect(split.totals.measures.contacts).toBe(whole.totals.measures.contacts);
              split.periodTotals.forEach((p, i) => {
                expect(p.cost.toFixed(2)).toBe(whole.periodTotals[i]?.cost.toFixed(2));
              });
            }
          } finally {
            await engine.close();
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});
