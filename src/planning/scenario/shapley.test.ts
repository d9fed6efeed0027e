import { describe, expect, it } from 'vitest';
import { Decimal } from '../../money/decimal.js';
import { shapleyValues } from './shapley.js';

/** A game given as a table of coalition values (keys: sorted player names joined by '+', '' for none). */
function game(table: Record<string, string>) {
  return (coalition: ReadonlySet<string>) => new Decimal(table[[...coalition].sort().join('+')] ?? 'NaN');
}

describe('Shapley values', () => {
  it('splits a two-lever change by hand', () => {
    // v(∅) = 100, v(a) = 80, v(b) = 90, v(ab) = 60: φ_a = ½(80 − 100) + ½(60 − 90) = −25,
    // φ_b = ½(90 − 100) + ½(60 − 80) = −15; together −40 = 60 − 100.
    const v = game({ '': '100', a: '80', b: '90', 'a+b': '60' });
    const values = shapleyValues(['a', 'b'], v);
    expect(values.get('a')?.toString()).toBe('-25');
    expect(values.get('b')?.toString()).toBe('-15');
  });

  it('splits a three-lever change by hand, whatever the order of the levers', () => {
    // v(∅) = 0, v(a) = 12, v(b) = 6, v(c) = 0, v(ab) = 24, v(ac) = 12, v(bc) = 12, v(abc) = 30.
    // φ_a = ⅓(12 − 0) + ⅙(24 − 6) + ⅙(12 − 0) + ⅓(30 − 12) = 4 + 3 + 2 + 6 = 15;
    // φ_b = ⅓·6 + ⅙(24 − 12) + ⅙(12 − 0) + ⅓(30 − 12) = 2 + 2 + 2 + 6 = 12;
    // φ_c = ⅓·0 + ⅙(12 − 12) + ⅙(12 − 6) + ⅓(30 − 24) = 0 + 0 + 1 + 2 = 3; 15 + 12 + 3 = 30.
    const v = game({
      '': '0',
      a: '12',
      b: '6',
      c: '0',
      'a+b': '24',
      'a+c': '12',
      'b+c': '12',
      'a+b+c': '30',
    });
    for (const order of [
      ['a', 'b', 'c'],
      ['c', 'a', 'b'],
      ['b', 'c', 'a'],
    ]) {
      const values = shapleyValues(order, v);
      expect(values.get('a')?.toString()).toBe('15');
      expect(values.get('b')?.toString()).toBe('12');
      expect(values.get('c')?.toString()).toBe('3');
    }
  });

  it('sums to the whole change, also where n! does not divide it', () => {
    const v = (s: ReadonlySet<string>) => new Decimal(s.size === 3 ? '1.00' : s.has('a') ? '0.01' : '0');
    const values = [...shapleyValues(['a', 'b', 'c'], v).values()];
    const total = values.reduce((a, b) => a.plus(b), new Decimal(0));
    expect(total.minus('1.00').abs().lt('1e-30')).toBe(true);
  });
});
