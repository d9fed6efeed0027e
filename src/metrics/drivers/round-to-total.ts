import { Decimal } from '../../money/decimal.js';
import { exact, exactSum } from './arithmetic.js';

/** Display rounding of one figure: half away from zero, as the report and a spreadsheet round. */
export function roundForDisplay(value: Decimal, scale: number): Decimal {
  return exact(value).toDecimalPlaces(scale, Decimal.ROUND_HALF_UP);
}

/**
 * The change between two displayed figures, so that "before + change = after" holds on screen:
 * round(after) − round(before), which can differ from round(after − before) by one unit.
 */
export function displayedChange(before: Decimal, after: Decimal, scale: number): Decimal {
  return roundForDisplay(after, scale).minus(roundForDisplay(before, scale));
}

/**
 * Rounds signed parts to `scale` places so that they sum exactly to `total` (a multiple of the unit),
 * by largest remainder. `allocateLargestRemainder` (src/money) cannot do this: it splits one total by
 * non-negative weights, while these parts are already computed, signed, and must each stay within a unit
 * of their exact value. Every part starts at its floor; the units still missing go one each to the
 * largest fractional remainders (ties to the earlier part); if the floors already overshoot (possible
 * only by one unit, when `total` comes from two rounded figures), the smallest remainders give one up.
 * Parts that are whole units, zeros included, keep their value unless no part has a remainder.
 */
export function roundToTotal(parts: readonly Decimal[], total: Decimal, scale: number): Decimal[] {
  const unit = exact(10).pow(-scale);
  const units = parts.map((p) => exact(p).div(unit));
  const floors = units.map((u) => u.floor());
  const fractions = units.map((u, i) => u.minus(floors[i] as Decimal));
  let missing = exact(total).div(unit).minus(exactSum(floors)).toNumber();
  if (!Number.isInteger(missing)) throw new Error(`total ${total} is not a multiple of ${unit}`);

  const byFraction = parts.map((_, i) => i).sort((a, b) => cmpFraction(fractions, a, b));
  const withRemainder = byFraction.filter((i) => !(fractions[i] as Decimal).isZero());
  const pool = withRemainder.length > 0 ? withRemainder : byFraction;
  const step = missing > 0 ? 1 : -1;
  const order = step > 0 ? pool : [...pool].reverse();
  for (let k = 0; missing !== 0 && order.length > 0; k++, missing -= step) {
    const i = order[k % order.length] as number;
    floors[i] = (floors[i] as Decimal).plus(step);
  }
  if (missing !== 0) throw new Error(`no parts to carry a total of ${total}`);
  return floors.map((f) => f.times(unit));
}

/** Largest fraction first; equal fractions keep their order. */
function cmpFraction(fractions: readonly Decimal[], a: number, b: number): number {
  return (fractions[b] as Decimal).comparedTo(fractions[a] as Decimal) || a - b;
}
