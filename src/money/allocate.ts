import { Decimal, type DecimalInput } from './decimal.js';

/**
 * Splits `total` into parts proportional to `weights`, each part a whole number of minor units
 * (`scale` decimal places), by the largest-remainder method: every part gets the floor of its exact
 * share, and the units left over go one each to the largest fractional remainders (ties to the
 * earlier index). The parts always sum exactly to the total rounded to `scale` places, and a
 * zero weight always gets zero.
 *
 * Returns undefined when all weights are zero: there is nothing to allocate by, and the caller must
 * decide (report it as unallocated), never drop it.
 */
export function allocateLargestRemainder(
  total: DecimalInput,
  weights: readonly DecimalInput[],
  scale: number,
): Decimal[] | undefined {
  const w = weights.map((x) => new Decimal(x));
  for (const weight of w) {
    if (weight.isNegative() || !weight.isFinite()) throw new Error(`allocation weight ${weight} is not >= 0`);
  }
  const weightSum = w.reduce((a, b) => a.plus(b), new Decimal(0));
  if (weightSum.isZero()) return undefined;

  const unit = new Decimal(10).pow(-scale);
  const units = new Decimal(total).toDecimalPlaces(scale, Decimal.ROUND_HALF_EVEN).div(unit);
  const sign = units.isNegative() ? -1 : 1;
  const absUnits = units.abs();

  const floors: Decimal[] = [];
  const fractions: { index: number; fraction: Decimal }[] = [];
  let assigned = new Decimal(0);
  w.forEach((weight, index) => {
    const exact = absUnits.times(weight).div(weightSum);
    const floor = exact.floor();
    floors.push(floor);
    assigned = assigned.plus(floor);
    fractions.push({ index, fraction: exact.minus(floor) });
  });

  let left = absUnits.minus(assigned).toNumber();
  fractions.sort((a, b) => b.fraction.comparedTo(a.fraction) || a.index - b.index);
  for (const { index, fraction } of fractions) {
    if (left <= 0 || fraction.isZero()) break;
    floors[index] = (floors[index] as Decimal).plus(1);
    left--;
  }
  return floors.map((f) => f.times(unit).times(sign));
}
