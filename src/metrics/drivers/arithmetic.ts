import { Decimal, type DecimalInput } from '../../money/decimal.js';

/** A figure of the earlier period (index 0) and of the later period (index 1). */
export type Pair<T> = readonly [T, T];

/**
 * The decomposition's working numbers: 80 significant digits for every division, product and
 * logarithm, twice the precision of money. Each part is then fixed to PLACES decimal places, and sums of
 * fixed parts are exact (no rounding happens below 10^40), so a sum never depends on the order of the
 * segments, and swapping the periods negates every part digit for digit. The rounding to PLACES is the
 * only approximation; it is far below any displayed digit.
 */
export const Exact = Decimal.clone({ precision: 80, rounding: Decimal.ROUND_HALF_EVEN });
export const PLACES = 40;

export function exact(value: DecimalInput): Decimal {
  return new Exact(value);
}

/** Rounds a computed part to PLACES; half-even rounding is symmetric, so fixed(−x) = −fixed(x). */
export function fixed(value: Decimal): Decimal {
  return exact(value).toDecimalPlaces(PLACES, Decimal.ROUND_HALF_EVEN);
}

export function exactSum(values: Iterable<Decimal>): Decimal {
  let total = exact(0);
  for (const value of values) total = total.plus(value);
  return total;
}

export function mean(a: Decimal, b: Decimal): Decimal {
  return exact(a).plus(b).div(2);
}
