import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../money/decimal.js';
import { exact } from './arithmetic.js';
import { displayedChange, roundToTotal } from './round-to-total.js';

const d = (x: string) => new Decimal(x);
const texts = (values: Decimal[]) => values.map((v) => v.toFixed(2));

describe('rounding signed parts to a displayed total', () => {
  it('works on hand-made cases', () => {
    // −0.333…, +0.666…, +0.666…: sum 1.00. Floors −0.34, 0.66, 0.66 = 0.98; the two missing cents go to
    // the largest remainders: 0.666 (.6667 of a cent each) before −0.3333 (.6667 too: ties to the earlier).
    const third = exact(1).div(3);
    expect(texts(roundToTotal([third.neg(), third.times(2), third.times(2)], d('1.00'), 2))).toEqual([
      '-0.33',
      '0.67',
      '0.66',
    ]);
    // parts already whole cents stay as they are, zeros included
    expect(texts(roundToTotal([d('0.10'), d('0'), d('-0.05')], d('0.05'), 2))).toEqual([
      '0.10',
      '0.00',
      '-0.05',
    ]);
    // the floors overshoot (a total one cent below the sum): the smallest remainder gives a cent up
    expect(texts(roundToTotal([d('0.101'), d('0.209')], d('0.30'), 2))).toEqual(['0.10', '0.20']);
    expect(texts(roundToTotal([d('0.101'), d('0.209')], d('0.29'), 2))).toEqual(['0.09', '0.20']);
    expect(() => roundToTotal([], d('0.01'), 2)).toThrow(/no parts/);
    expect(() => roundToTotal([d('1')], d('0.005'), 2)).toThrow(/multiple/);
  });

  it('shows the change between two rounded figures, half away from zero', () => {
    // 5.795 → 5.80, 5.804 → 5.80: the exact change 0.009 shows as 0.00, so that 5.80 + 0.00 = 5.80
    expect(displayedChange(d('5.795'), d('5.804'), 2).toFixed(2)).toBe('0.00');
    expect(displayedChange(d('5.794'), d('5.805'), 2).toFixed(2)).toBe('0.02');
  });

  it('rounded parts sum to the displayed change and each stays within a unit of its exact value', () => {
    const partsArb = fc.array(fc.integer({ min: -10_000_000, max: 10_000_000 }), {
      minLength: 1,
      maxLength: 12,
    });
    fc.assert(
      fc.property(
        partsArb,
        fc.integer({ min: 100_000_000, max: 900_000_000 }),
        fc.integer({ min: 2, max: 4 }),
        (raw, base, scale) => {
          // parts with 6 decimals, a positive starting figure, and the later figure = start + Σ parts
          const parts = raw.map((x) => exact(x).div(1_000_000));
          const before = exact(base).div(1_000_000);
          const after = parts.reduce((s, p) => s.plus(p), before);
          const total = displayedChange(before, after, scale);
          const rounded = roundToTotal(parts, total, scale);
          expect(rounded.reduce((s, p) => s.plus(p), exact(0)).eq(total)).toBe(true);
          const unit = exact(10).pow(-scale);
          rounded.forEach((r, i) => {
            expect(
              r
                .minus(parts[i] as Decimal)
                .abs()
                .lt(unit),
            ).toBe(true);
          });
        },
      ),
      { numRuns: 500 },
    );
  });
});
