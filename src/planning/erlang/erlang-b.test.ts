import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { erlangB, InverseErlangBTable, inverseErlangB } from './erlang-b.js';

/** The textbook formula, B = (a^n / n!) / Σ_{k<=n} a^k / k!, fine for small n. */
function naiveErlangB(n: number, a: number): number {
  let term = 1;
  let total = 1;
  for (let k = 1; k <= n; k++) {
    term = (term * a) / k;
    total += term;
  }
  return term / total;
}

const load = (calls: number, ahtSeconds = 180) => ({ calls, intervalSeconds: 1800, ahtSeconds });

describe('Erlang B', () => {
  it('matches the factorial formula on random small cases', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.double({ min: 0.01, max: 60, noNaN: true }), (n, a) => {
        expect(1 / inverseErlangB(n, a)).toBeCloseTo(naiveErlangB(n, a), 12);
      }),
    );
  });

  it('gives the textbook value for 10 Erlangs on 10 trunks', () => {
    // Published Erlang B tables list 0.2146 for A = 10, N = 10.
    const m = erlangB(load(100), 10);
    expect(m.trafficErlangs).toBe(10);
    expect(m.pBlocked).toBeCloseTo(0.214582, 6);
    expect(m.serviceLevel).toBeCloseTo(1 - 0.214582, 6);
    expect(m.occupancy).toBeCloseTo((10 * (1 - 0.214582)) / 10, 6);
    expect(m.pWait).toBe(0);
  });

  it('stays finite for 10,000+ agents, in overload and with no traffic', () => {
    // 10,000 agents for 100 Erlangs: B is far below the smallest double, so exactly 0.
    expect(1 / inverseErlangB(10_000, 100)).toBe(0);
    // 20,000 agents for 20,000 Erlangs: B ~ 0.0056 (≈ 1/sqrt(π·a/2) for large a at n = a).
    const big = 1 / inverseErlangB(20_000, 20_000);
    expect(big).toBeGreaterThan(0.005);
    expect(big).toBeLessThan(0.006);
    // 5,000 agents for 50,000 Erlangs: heavy overload, B -> 1 - n/a = 0.9.
    expect(1 / inverseErlangB(5_000, 50_000)).toBeCloseTo(0.9, 3);
    const idle = erlangB(load(0), 3);
    expect(idle.pBlocked).toBe(0);
    expect(idle.serviceLevel).toBe(1);
  });

  it('the on-demand table equals the direct recursion in any probe order', () => {
    const table = new InverseErlangBTable(37.5);
    for (const n of [50, 3, 0, 49, 120]) expect(table.at(n)).toBe(inverseErlangB(n, 37.5));
  });
});
