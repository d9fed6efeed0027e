import type { Decimal } from '../../money/decimal.js';
import { exact, exactSum, fixed, type Pair } from './arithmetic.js';

/** A factor of y = Π xᵢ^eᵢ: its values in both periods and its exponent (−1 for a divisor). */
export interface Factor {
  values: Pair<Decimal>;
  exponent: 1 | -1;
}

/** The logarithmic mean L(a, b) = (a − b) ÷ (ln a − ln b), with L(a, a) = a; a, b > 0. */
export function logMean(a: Decimal, b: Decimal): Decimal {
  const [x, y] = [exact(a), exact(b)];
  if (x.eq(y)) return x;
  return x.minus(y).div(x.ln().minus(y.ln()));
}

/**
 * LMDI-I: effect of factor i = L(y¹, y⁰)·eᵢ·(ln xᵢ¹ − ln xᵢ⁰). Because Σ eᵢ·ln xᵢ = ln y in each period,
 * the effects sum to L·(ln y¹ − ln y⁰) = y¹ − y⁰ with no residual, and no factor goes first.
 * Every value must be positive. The factors must multiply to y up to a constant (units may differ,
 * e.g. AHT in seconds): that is checked, as a wrong factor set would silently leave a residual.
 */
export function lmdi(y: Pair<Decimal>, factors: readonly Factor[]): Decimal[] {
  const all = [...y, ...factors.flatMap((f) => f.values)];
  if (all.some((v) => !v.isPositive() || v.isZero()))
    throw new Error('LMDI needs positive values in both periods');
  const logRatio = (values: Pair<Decimal>) => exact(values[1]).ln().minus(exact(values[0]).ln());
  const weight = logMean(y[1], y[0]);
  const logChanges = factors.map((f) => logRatio(f.values).times(f.exponent));
  const mismatch = exactSum(logChanges).minus(logRatio(y)).abs();
  if (mismatch.gt('1e-30')) throw new Error(`LMDI factors do not multiply to y (log mismatch ${mismatch})`);
  return logChanges.map((change) => fixed(weight.times(change)));
}
