import { inverseErlangB } from './erlang-b.js';
import { assertAgents, assertWorkload, type ErlangCMetrics, trafficErlangs, type Workload } from './types.js';

/**
 * Erlang C (M/M/n) from R = 1/B(n, a). With ρ = a/n, the probability of waiting is
 * C = n·B / (n − a·(1 − B)) = 1 / (ρ + (1 − ρ)·R), a form that stays finite when R is Infinity.
 * Where n <= a the queue grows without bound: reported as unstable, never as a negative wait.
 */
export function erlangCFromInverse(
  agents: number,
  traffic: number,
  inverse: number,
  ahtSeconds: number,
  answerWithinSeconds: number,
): ErlangCMetrics {
  if (traffic === 0) {
    return {
      model: 'erlang-c',
      trafficErlangs: 0,
      agents,
      stable: true,
      pWait: 0,
      serviceLevel: 1,
      asaSeconds: 0,
      occupancy: 0,
    };
  }
  if (agents <= traffic) {
    return {
      model: 'erlang-c',
      trafficErlangs: traffic,
      agents,
      stable: false,
      pWait: 1,
      serviceLevel: 0,
      asaSeconds: Number.POSITIVE_INFINITY,
      occupancy: 1,
    };
  }
  const rho = traffic / agents;
  const pWait = 1 / (rho + (1 - rho) * inverse);
  const spare = agents - traffic;
  return {
    model: 'erlang-c',
    trafficErlangs: traffic,
    agents,
    stable: true,
    pWait,
    serviceLevel: 1 - pWait * Math.exp((-spare * answerWithinSeconds) / ahtSeconds),
    asaSeconds: (pWait * ahtSeconds) / spare,
    occupancy: rho,
  };
}

/** Erlang C: callers wait as long as it takes. */
export function erlangC(load: Workload, agents: number, answerWithinSeconds: number): ErlangCMetrics {
  assertWorkload(load);
  assertAgents(agents);
  const traffic = trafficErlangs(load);
  return erlangCFromInverse(
    agents,
    traffic,
    inverseErlangB(agents, traffic),
    load.ahtSeconds,
    answerWithinSeconds,
  );
}
