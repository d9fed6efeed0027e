import fc from 'fast-check';
import type { Contact } from '../model/contact.js';
import type { CostLine } from '../model/cost-line.js';
import { Decimal } from '../money/decimal.js';
import { contact, costLine } from './fixtures.js';

/** Random contacts and cost lines over the first months of 2026, for property tests of the report. */
const DAY = 86_400_000;
const START = Date.parse('2026-01-01T00:00:00Z');
const iso = (day: number) => new Date(START + day * DAY).toISOString().slice(0, 10);

export const contactArb = fc.record({
  day: fc.integer({ min: 0, max: 89 }),
  channel: fc.constantFrom('voice', 'email', 'chat'),
  queue: fc.constantFrom('q1', 'q2', null),
  team: fc.constantFrom('t1', 't2'),
  outcome: fc.constantFrom('handled', 'handled', 'abandoned', 'callback', 'self_served'),
  handle: fc.integer({ min: 0, max: 1200 }),
});

export const lineArb = fc.record({
  cents: fc.integer({ min: 1, max: 5_000_000 }),
  startDay: fc.integer({ min: 0, max: 80 }),
  days: fc.integer({ min: 1, max: 120 }),
  category: fc.constantFrom('agent_wages', 'technology', 'facilities', 'telephony'),
  direct: fc.constantFrom(null, 'voice', 'email', 'social'),
  driver: fc.constantFrom(null, 'contacts', 'equal', 'handle_time', 'fixed:channel:voice=3,email=1'),
});

type Drawn<A> = A extends fc.Arbitrary<infer T> ? T : never;

/** The i-th drawn contact: arrived at 10:00 UTC on its day, handle time only when handled. */
export function toContact(c: Drawn<typeof contactArb>, i: number): Contact {
  return contact({
    id: String(i),
    arrivedAt: new Date(START + c.day * DAY + 10 * 3_600_000),
    channel: c.channel as Contact['channel'],
    queue: c.queue,
    team: c.team,
    outcome: c.outcome as Contact['outcome'],
    handleSeconds: c.outcome === 'handled' ? c.handle : null,
  });
}

export function toLine(l: Drawn<typeof lineArb>, i: number): CostLine {
  return costLine({
    id: `L${i}`,
    category: l.category as CostLine['category'],
    amount: new Decimal(l.cents).div(100).toFixed(2),
    periodStart: iso(l.startDay),
    periodEnd: iso(l.startDay + l.days),
    channel: l.direct,
    driver: l.driver,
  });
}
