import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../money/decimal.js';
import { exact } from './arithmetic.js';
import { type Factor, lmdi, logMean } from './lmdi.js';

const d = (x: number | string) => new Decimal(x);

describe('logarithmic mean', () => {
  it('matches a float computation and its textbook properties', () => {
    // L(2, 1) = 1 / ln 2 = 1.4426950408889634…
    expect(logMean(d(2), d(1)).toFixed(15)).toBe((1 / Math.log(2)).toFixed(15));
    expect(logMean(d('7.5'), d('7.5')).toString()).toBe('7.5');
    expect(logMean(d(3), d(12)).eq(logMean(d(12), d(3)))).toBe(true);
    // geometric mean 6 < L(3, 12) = 9 / ln 4 = 6.49… < arithmetic mean 7.5
    expect(logMean(d(3), d(12)).toFixed(12)).toBe((9 / Math.log(4)).toFixed(12));
  });
});

describe('LMDI', () => {
  it('splits a product change exactly: y = a·b/c', () => {
    /*
     * a 2 → 4, b 3 → 3, c 1 → 2: y 6 → 6, no change, yet a doubled and c doubled:
     * L(6, 6) = 6; a: 6·ln 2 = 4.1588…; b: 0; c (divisor): −6·ln 2; the two cancel exactly.
     */
    const factors: Factor[] = [
      { values: [d(2), d(4)], exponent: 1 },
      { values: [d(3), d(3)], exponent: 1 },
      { values: [d(1), d(2)], exponent: -1 },
    ];
    const [a, b, c] = lmdi([d(6), d(6)], factors) as [Decimal, Decimal, Decimal];
    expect(a.toFixed(12)).toBe((6 * Math.log(2)).toFixed(12));
    expect(b.isZero()).toBe(true);
    expect(a.plus(c).isZero()).toBe(true);
  });

  it('refuses non-positive values and factors that do not multiply to y', () => {
    expect(() => lmdi([d(1), d(0)], [{ values: [d(1), d(0)], exponent: 1 }])).toThrow(/positive/);
    expect(() => lmdi([d(1), d(2)], [{ values: [d(1), d(3)], exponent: 1 }])).toThrow(/multiply/);
  });

  const factorArb = fc.record({
    values: fc.tuple(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 1, max: 1_000_000 })),
    exponent: fc.constantFrom(1 as const, -1 as const),
    unit: fc.integer({ min: 1, max: 5 }),
  });

  it('effects sum to y¹ − y⁰ and negate when the periods are swapped', () => {
    fc.assert(
      fc.property(fc.array(factorArb, { minLength: 1, maxLength: 5 }), (raw) => {
        // values in hundredths, thousandths…: any positive decimals
        const factors: Factor[] = raw.map((f) => ({
          values: [exact(f.values[0]).div(10 ** f.unit), exact(f.values[1]).div(10 ** f.unit)],
          exponent: f.exponent,
        }));
        const y = (t: 0 | 1) =>
          factors.reduce((p, f) => (f.exponent > 0 ? p.times(f.values[t]) : p.div(f.values[t])), exact(1));
        const effects = lmdi([y(0), y(1)], factors);
        const total = effects.reduce((s, e) => s.plus(e), exact(0));
        expect(
          total
            .minus(y(1).minus(y(0)))
            .abs()
            .lte(y(0).plus(y(1)).times('1e-35').plus('1e-39')),
        ).toBe(true);
        const swapped = lmdi(
          [y(1), y(0)],
          factors.map((f) => ({ ...f, values: [f.values[1], f.values[0]] })),
        );
        expect(swapped.map(String)).toEqual(effects.map((e) => e.neg().toString()));
      }),
      { numRuns: 100 },
    );
  });
});
