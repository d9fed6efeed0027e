import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../model/config.js';
import { Decimal } from '../money/decimal.js';
import { engineWith } from '../test-support/fixtures.js';
import { contactArb, lineArb, toContact, toLine } from '../test-support/random-workspace.js';
import { costPerContactReport } from './cost-per-contact.js';
import { resolveDefinitions } from './definitions.js';

describe('breakdown totals (property)', () => {
  it('every breakdown adds up to the unbroken total, to the cent, and no cost is lost', async () => {
    const definitions = resolveDefinitions(defaultConfig('EUR', 'Europe/Berlin'));
    await fc.assert(
      fc.asyncProperty(
        fc.array(contactArb, { maxLength: 25 }),
        fc.array(lineArb, { minLength: 1, maxLength: 6 }),
        async (cs, ls) => {
          const contacts = cs.map(toContact);
          const lines = ls.map(toLine);
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
