import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Engine } from '../../engine/engine.js';
import { literal } from '../../engine/query.js';
import { contactRow, costLineRow } from '../../engine/rows.js';
import { CONTACTS_TABLE, COST_LINES_TABLE } from '../../engine/schema.js';
import { costPerContactReport } from '../../metrics/cost-per-contact.js';
import { resolveDefinitions } from '../../metrics/definitions.js';
import { driversReport } from '../../metrics/drivers/drivers-report.js';
import { driversView } from '../../metrics/drivers/view.js';
import { explain } from '../../metrics/explain.js';
import { defaultConfig } from '../../model/config.js';
import type { Contact } from '../../model/contact.js';
import type { CostLine } from '../../model/cost-line.js';
import { Decimal } from '../../money/decimal.js';
import { reportView } from '../../report/report-view.js';
import { DRIVERS_CONTACTS, DRIVERS_LINES } from '../drivers-fixture.js';
import { engineWith } from '../fixtures.js';
import { HAND_CHECKED_CONTACTS, HAND_CHECKED_LINES } from '../hand-checked.js';
import { contactArb, lineArb, toContact, toLine } from '../random-workspace.js';
import type { TestEngine } from './describe-engine.js';

const definitions = resolveDefinitions(defaultConfig('EUR', 'Europe/Berlin'));

/**
 * The report on workspaces computed by hand (test-support/hand-checked.ts, drivers-fixture.ts),
 * and as a second, independent check every figure of every view equal to the same report on an
 * in-memory DuckDB: the figures must not depend on the engine.
 */
export function reportConformanceTests(fresh: () => Promise<TestEngine>): void {
  const holding = async (contacts: Contact[], lines: CostLine[]): Promise<Engine> => {
    const { engine } = await fresh();
    await engine.migrate();
    await fill(engine, contacts, lines);
    return engine;
  };

  describe('the report, explain and drivers on hand-checked workspaces', () => {
    it('cost per contact by month and by channel, headline and full: the hand-checked figures, and DuckDB’s in every field', async () => {
      const engine = await holding(HAND_CHECKED_CONTACTS, HAND_CHECKED_LINES);
      const reference = await engineWith(HAND_CHECKED_CONTACTS, HAND_CHECKED_LINES);
      try {
        for (const by of [[], ['channel']] as const)
          for (const detail of ['headline', 'full'] as const) {
            const options = { granularity: 'month' as const, by, detail };
            const view = reportView(await costPerContactReport(engine, definitions, options));
            expect(view, `${by.join(',') || 'total'} ${detail}`).toEqual(
              reportView(await costPerContactReport(reference, definitions, options)),
            );
            if (by.length === 0)
              // hand-checked.ts: Jan 1628.81 + 46.45 + 101.92 over c1, c2, c5; Feb 1471.19 + 43.55 +
              // 92.05 + 500.00 + 30.00 over c6, c7, c8, c10.
              expect(view.rows.map((r) => [r.period, r.contacts, r.cost, r.costPerContact])).toEqual([
                ['2026-01', 3, '1777.18', '592.39'],
                ['2026-02', 4, '2136.79', '534.20'],
              ]);
            // hand-checked.ts: Feb voice 420.34 (L1 by handle time) + 43.55 (L2) + 46.03 (L3 by contacts).
            else
              expect(
                view.rows.find((r) => r.period === '2026-02' && r.dimensions.channel === 'voice'),
              ).toMatchObject({
                contacts: 2,
                cost: '509.92',
                costPerContact: '254.96',
              });
          }
      } finally {
        await reference.close();
      }
    });

    it('explain: February voice is its three cost lines, allocated to the cent', async () => {
      const engine = await holding(HAND_CHECKED_CONTACTS, HAND_CHECKED_LINES);
      const e = await explain(engine, definitions, { period: '2026-02', segment: { channel: 'voice' } });
      // L1 Feb 1471.19 by handle time 480 of 1680 → 420.34; L2 voice-direct 43.55; L3 Feb 92.05 by
      // contacts 2 of 4 → 46.03 (it takes the spare cent).
      expect(
        e.lines.map((l) => [
          l.id,
          l.periodAmount.toString(),
          l.weight,
          l.weightTotal,
          l.allocated.toFixed(2),
        ]),
      ).toEqual([
        ['L1', '1471.19', 480, 1680, '420.34'],
        ['L2', '43.55', 1, 1, '43.55'],
        ['L3', '92.05', 2, 4, '46.03'],
      ]);
      expect(e.lines.reduce((s, l) => s.plus(l.allocated), new Decimal(0)).toFixed(2)).toBe('509.92');
      expect(e.outcomes).toEqual([
        { direction: 'inbound', outcome: 'callback', contacts: 1, counted: true },
        { direction: 'inbound', outcome: 'handled', contacts: 1, counted: true },
        { direction: 'outbound', outcome: 'handled', contacts: 1, counted: false },
      ]);
    });

    it('drivers February → March: the hand-checked parts, in cents adding up to the change', async () => {
      const engine = await holding(DRIVERS_CONTACTS, DRIVERS_LINES);
      const view = driversView(
        await driversReport(engine, definitions, { from: '2026-02', to: '2026-03', by: ['channel'] }),
      );
      // drivers-fixture.ts: CPC 68 → 103; mix 0.5, rate 12.5, entered 10, left −6, social 2, unallocated 16.
      expect([view.costPerContact, view.change]).toEqual([['68.00', '103.00'], '35.00']);
      expect(view.bridge).toMatchObject({
        mix: '0.50',
        rate: '12.50',
        entered: '10.00',
        left: '-6.00',
        withoutContacts: '2.00',
        unallocated: '16.00',
      });
    });
  });

  it('breakdown totals (property): every breakdown adds up to the ledger, to the cent, as on DuckDB', async () => {
    const { engine } = await fresh();
    await engine.migrate();
    await fc.assert(
      fc.asyncProperty(
        fc.array(contactArb, { maxLength: 20 }),
        fc.array(lineArb, { minLength: 1, maxLength: 5 }),
        async (cs, ls) => {
          const contacts = cs.map(toContact);
          const lines = ls.map(toLine);
          await clear(engine);
          await fill(engine, contacts, lines);
          const reference = await engineWith(contacts, lines);
          try {
            // The range covers every line's whole accrual, so the total must be the ledger's sum.
            const range = { granularity: 'month' as const, from: '2026-01', to: '2026-07' };
            const ledger = lines.reduce((s, l) => s.plus(l.amount), new Decimal(0)).toFixed(2);
            for (const by of [[], ['channel'], ['queue'], ['channel', 'team']] as const) {
              const view = reportView(await costPerContactReport(engine, definitions, { ...range, by }));
              expect(view.totals.cost).toBe(ledger);
              expect(view).toEqual(
                reportView(await costPerContactReport(reference, definitions, { ...range, by })),
              );
            }
          } finally {
            await reference.close();
          }
        },
      ),
      { numRuns: 8 },
    );
  });
}

async function fill(engine: Engine, contacts: Contact[], lines: CostLine[]): Promise<void> {
  await engine.append(CONTACTS_TABLE, contacts.map(contactRow));
  await engine.append(COST_LINES_TABLE, lines.map(costLineRow));
}

/** Empties the tables a property run fills, through a change set (every engine has one). */
async function clear(engine: Engine): Promise<void> {
  await engine.changeSet('clear', async (changes) => {
    await changes.remove(CONTACTS_TABLE, literal(true));
    await changes.remove(COST_LINES_TABLE, literal(true));
  });
}
