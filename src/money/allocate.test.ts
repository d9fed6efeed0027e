import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateLargestRemainder } from './allocate.js';
import { Decimal } from './decimal.js';

const cents = (d: Decimal) => d.times(100).toNumber();

describe('allocateLargestRemainder', () => {
  it('splits 100.00 three ways as 33.34 / 33.33 / 33.33 (the spare cent to the first tie)', () => {
    expect(allocateLargestRemainder('100.00', [1, 1, 1], 2)?.map(String)).toEqual([
      '33.34',
      '33.33',
      '33.33',
    ]);
  });

  it('gives the spare units to the largest remainders: 10.00 by 1:2:3:4 is exact, 0.05 by 1:1 is 0.03/0.02', () => {
    expect(allocateLargestRemainder('10.00', [1, 2, 3, 4], 2)?.map(String)).toEqual(['1', '2', '3', '4']);
    expect(allocateLargestRemainder('0.05', [1, 1], 2)?.map(String)).toEqual(['0.03', '0.02']);
    // 1.00 by 0.2 : 0.35 : 0.45 → 20 / 35 / 45 cents exactly; by 1:1:1:1:1:1:1 → 15,15,14,14,14,14,14
    expect(allocateLargestRemainder('1.00', [1, 1, 1, 1, 1, 1, 1], 2)?.map(cents)).toEqual([
      15, 15, 14, 14, 14, 14, 14,
    ]);
  });

  it('handles negative amounts (credits) symmetrically and zero decimals (JPY)', () => {
    expect(allocateLargestRemainder('-100.00', [1, 1, 1], 2)?.map(String)).toEqual([
      '-33.34',
      '-33.33',
      '-33.33',
    ]);
    expect(allocateLargestRemainder('1000', [1, 2], 0)?.map(String)).toEqual(['333', '667']);
  });

  it('returns undefined when every weight is zero, so the caller reports the cost as unallocated', () => {
    expect(allocateLargestRemainder('5.00', [0, 0], 2)).toBeUndefined();
  });

  it('rejects negative weights as a bug', () => {
    expect(() => allocateLargestRemainder('5.00', [1, -1], 2)).toThrow();
  });

  const amount = fc
    .integer({ min: -10_000_000_000, max: 10_000_000_000 })
    .map((c) => new Decimal(c).div(100));
  const weights = fc.array(
    fc.oneof(
      fc.constant(0),
      fc.integer({ min: 0, max: 1_000_000 }),
      fc.double({ min: 0, max: 1e6, noNaN: true }),
    ),
    {
      minLength: 1,
      maxLength: 30,
    },
  );

  it('property: parts sum exactly to the total, are whole cents, and a zero weight gets nothing', () => {
    fc.assert(
      fc.property(amount, weights, (total, ws) => {
        const parts = allocateLargestRemainder(total, ws, 2);
        if (ws.every((w) => w === 0)) return parts === undefined;
        if (!parts) return false;
        const sum = parts.reduce((a, b) => a.plus(b), new Decimal(0));
        expect(sum.equals(total)).toBe(true);
        parts.forEach((p, i) => {
          expect(p.times(100).isInteger()).toBe(true);
          if (ws[i] === 0) expect(p.isZero()).toBe(true);
        });
        return true;
      }),
      { numRuns: 500 },
    );
  });

  it('property: every part is within one minor unit of its exact share', () => {
    fc.assert(
      fc.property(amount, weights, (total, ws) => {
        const parts = allocateLargestRemainder(total, ws, 2);
        if (!parts) return true;
        const weightSum = ws.reduce((a, b) => a.plus(b), new Decimal(0));
        parts.forEach((p, i) => {
          const exact = total.times(ws[i] as number).div(weightSum);
          expect(p.minus(exact).abs().lessThan('0.01')).toBe(true);
        });
        return true;
      }),
      { numRuns: 300 },
    );
  });
});
