import { Decimal } from '../../money/decimal.js';

/**
 * Shapley values of a game: each player's share of v(all) − v(none), the mean of its marginal
 * contributions over every order in which the players can join. Computed over coalitions, not
 * orders: φ_i = Σ over S ⊆ N∖{i} of |S|!·(n−|S|−1)!/n! · (v(S ∪ {i}) − v(S)), which evaluates v on each
 * of the 2^n coalitions once. The values sum to v(N) − v(∅) (efficiency) and do not depend on the
 * order the players are listed in. Exact in decimal arithmetic but for the division by n! (40
 * significant digits).
 */
export function shapleyValues(
  players: readonly string[],
  value: (coalition: ReadonlySet<string>) => Decimal,
): Map<string, Decimal> {
  const n = players.length;
  if (n > 16) throw new RangeError(`${n} players: 2^${n} coalitions is too many`);
  const values: Decimal[] = [];
  for (let mask = 0; mask < 1 << n; mask++) {
    values.push(value(new Set(players.filter((_, i) => (mask & (1 << i)) !== 0))));
  }
  const factorial = [1];
  for (let i = 1; i <= n; i++) factorial.push((factorial[i - 1] as number) * i);
  const result = new Map<string, Decimal>();
  players.forEach((player, i) => {
    const bit = 1 << i;
    let sum = new Decimal(0);
    for (let mask = 0; mask < 1 << n; mask++) {
      if ((mask & bit) !== 0) continue;
      const size = popCount(mask);
      const weight = (factorial[size] as number) * (factorial[n - size - 1] as number);
      sum = sum.plus((values[mask | bit] as Decimal).minus(values[mask] as Decimal).times(weight));
    }
    result.set(player, sum.div(factorial[n] as number));
  });
  return result;
}

function popCount(mask: number): number {
  let count = 0;
  for (let m = mask; m !== 0; m &= m - 1) count++;
  return count;
}
