import { assertAgents, assertWorkload, type ErlangBMetrics, trafficErlangs, type Workload } from './types.js';

/**
 * R_n = 1 / B(n, a), Erlang B's blocking probability inverted, by R_0 = 1, R_k = 1 + (k/a)·R_{k−1}.
 * No factorials or powers, so nothing overflows before B itself is below the smallest double (then
 * R is Infinity and B is exactly 0). Zero traffic gives Infinity for every n >= 1.
 */
export function inverseErlangB(agents: number, traffic: number): number {
  let r = 1;
  for (let k = 1; k <= agents; k++) r = 1 + (k / traffic) * r;
  return r;
}

/** One more step of the recursion: R_n from R_{n−1}. O(1), which keeps staffing searches linear. */
export function nextInverseErlangB(previous: number, agents: number, traffic: number): number {
  return 1 + (agents / traffic) * previous;
}

/** R_0 … R_n, extended on demand, for searches that probe agent counts out of order. */
export class InverseErlangBTable {
  private readonly values: number[] = [1];

  constructor(readonly traffic: number) {}

  at(agents: number): number {
    const values = this.values;
    while (values.length <= agents) {
      values.push(nextInverseErlangB(values[values.length - 1] as number, values.length, this.traffic));
    }
    return values[agents] as number;
  }
}

export function erlangBFromInverse(agents: number, traffic: number, inverse: number): ErlangBMetrics {
  // With no calls nothing is lost, even with no agents (where the recursion's limit would say 1).
  const pBlocked = traffic === 0 ? 0 : 1 / inverse;
  return {
    model: 'erlang-b',
    trafficErlangs: traffic,
    agents,
    stable: true,
    pWait: 0,
    pBlocked,
    // In a loss system a call is either answered at once or lost.
    serviceLevel: 1 - pBlocked,
    asaSeconds: 0,
    occupancy: agents === 0 ? 0 : (traffic * (1 - pBlocked)) / agents,
  };
}

/** Erlang B (M/M/n/n): callers who find every agent busy are lost. */
export function erlangB(load: Workload, agents: number): ErlangBMetrics {
  assertWorkload(load);
  assertAgents(agents);
  const traffic = trafficErlangs(load);
  return erlangBFromInverse(agents, traffic, inverseErlangB(agents, traffic));
}
