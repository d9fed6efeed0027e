import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumber } from '../calendar/dates.js';
import { type Granularity, periodsBetween } from '../calendar/period.js';
import { Decimal } from './decimal.js';
import { prorateByDays } from './prorate.js';

const span = (start: string, end: string) => ({ startDay: dayNumber(start), endDay: dayNumber(end) });

describe('prorateByDays', () => {
  it('spreads a quarter rent of 9000.00 over Jan–Mar 2026 by 31/28/31 of 90 days', () => {
    // 9000·31/90 = 3100, 9000·28/90 = 2800: exact, no remainder.
    const months = periodsBetween('2026-01-01', '2026-04-01', 'month').map((p) => span(p.start, p.end));
    expect(prorateByDays('9000.00', span('2026-01-01', '2026-04-01'), months, 2).map(String)).toEqual([
      '3100',
      '2800',
      '3100',
    ]);
  });

  it('gives a period outside the line nothing', () => {
    const parts = prorateByDays(
      '10.00',
      span('2026-02-01', '2026-02-02'),
      [span('2026-01-01', '2026-02-01'), span('2026-02-01', '2026-03-01')],
      2,
    );
    expect(parts.map(String)).toEqual(['0', '10']);
  });

  const date = fc.integer({ min: dayNumber('2020-01-01'), max: dayNumber('2030-12-31') });
  const granularity = fc.constantFrom<Granularity>('day', 'week', 'month', 'quarter', 'year');

  it('property: the parts of a line over every period it touches sum exactly to its amount', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e9, max: 1e9 }),
        date,
        fc.integer({ min: 1, max: 800 }),
        granularity,
        (amountCents, startDay, length, g) => {
          const start = new Date(startDay * 86_400_000).toISOString().slice(0, 10);
          const end = new Date((startDay + length) * 86_400_000).toISOString().slice(0, 10);
          const periods = periodsBetween(start, end, g).map((p) => span(p.start, p.end));
          const amount = new Decimal(amountCents).div(100);
          const parts = prorateByDays(amount, span(start, end), periods, 2);
          expect(parts.reduce((a, b) => a.plus(b), new Decimal(0)).equals(amount)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
