import { describe, expect, it } from 'vitest';
import { equalDecimals, subtractDecimals, sumDecimals } from './decimal.js';

describe('exact decimal sums', () => {
  it('adds cents exactly where floats do not', () => {
    // 0.1 + 0.2 is 0.30000000000000004 in floating point; three cent amounts by hand: 0.30.
    expect(sumDecimals(['0.10', '0.20'])).toBe('0.30');
    expect(sumDecimals(['15057.99', '2014.50', '-0.49'])).toBe('17072.00');
    expect(sumDecimals([])).toBe('0');
    expect(sumDecimals(['1.5', '2.25'])).toBe('3.75');
  });

  it('subtracts and compares', () => {
    expect(subtractDecimals('5.00', '4.91')).toBe('0.09');
    expect(subtractDecimals('4.91', '5')).toBe('-0.09');
    expect(equalDecimals('111270.29', '111270.290')).toBe(true);
    expect(equalDecimals('1.00', '1.01')).toBe(false);
  });

  it('refuses what is not decimal text', () => {
    expect(() => sumDecimals(['1,5'])).toThrow(/not a decimal/);
  });
});
