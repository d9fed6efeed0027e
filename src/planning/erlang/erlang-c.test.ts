import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { erlangC } from './erlang-c.js';

/**
 * Copied from ../shared/reference/erlang.json ("Erlang C staffing reference cases … computed by two
 * independent implementations that agree to 1e-9"), public textbook-style examples. Each row:
 * calls, interval_s, aht_s, answer_within_s, agents → traffic, service level, P(wait), occupancy, ASA.
 */
const REFERENCE = [
  [100, 1800, 180, 20, 14, 10.0, 0.888350019, 0.174131934, 0.714285714, 7.835937],
  [100, 1800, 240, 20, 17, 13.333333333, 0.810435136, 0.257311345, 0.784313725, 16.842197],
  [200, 1800, 240, 20, 32, 26.666666667, 0.848511852, 0.236264476, 0.833333333, 10.631901],
  [1000, 3600, 120, 20, 40, 33.333333333, 0.937210621, 0.19073729, 0.833333333, 3.433271],
  [5, 1800, 300, 30, 3, 0.833333333, 0.953531953, 0.057710065, 0.277777778, 7.990624],
  [300, 1800, 360, 10, 71, 60.0, 0.915525277, 0.114664207, 0.845070423, 3.752647],
  [500, 1800, 300, 20, 99, 83.333333333, 0.978032086, 0.062428842, 0.841750842, 1.195446],
] as const;

/** The textbook form: C = (a^n/n! · n/(n−a)) / (Σ_{k<n} a^k/k! + a^n/n! · n/(n−a)). */
function naiveErlangC(n: number, a: number): number {
  let term = 1;
  let below = 0;
  for (let k = 0; k < n; k++) {
    below += term;
    term = (term * a) / (k + 1);
  }
  const top = (term * n) / (n - a);
  return top / (below + top);
}

describe('Erlang C', () => {
  it.each(REFERENCE)(
    'reference: %i calls / %i s, AHT %i, t %i, %i agents',
    (calls, interval, aht, t, n, ...exp) => {
      const m = erlangC({ calls, intervalSeconds: interval, ahtSeconds: aht }, n, t);
      const [traffic, sl, pWait, occupancy, asa] = exp;
      expect(m.stable).toBe(true);
      expect(Math.abs(m.trafficErlangs - traffic)).toBeLessThan(1e-8);
      expect(Math.abs(m.serviceLevel - sl)).toBeLessThan(1e-8);
      expect(Math.abs(m.pWait - pWait)).toBeLessThan(1e-8);
      expect(Math.abs(m.occupancy - occupancy)).toBeLessThan(1e-8);
      expect(Math.abs(m.asaSeconds - asa)).toBeLessThan(1e-6);
    },
  );

  it('matches the factorial formula on random small cases', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 30, max: 600 }),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 0, max: 60 }),
        (calls, aht, extra, t) => {
          const a = (calls * aht) / 1800;
          const n = Math.floor(a) + extra;
          const m = erlangC({ calls, intervalSeconds: 1800, ahtSeconds: aht }, n, t);
          const c = naiveErlangC(n, a);
          expect(m.pWait).toBeCloseTo(c, 11);
          expect(m.serviceLevel).toBeCloseTo(1 - c * Math.exp((-(n - a) * t) / aht), 11);
          expect(m.asaSeconds).toBeCloseTo((c * aht) / (n - a), 8);
        },
      ),
    );
  });

  it('reports unstable, never a negative wait, where agents <= traffic', () => {
    for (const n of [0, 5, 9, 10]) {
      const m = erlangC({ calls: 100, intervalSeconds: 1800, ahtSeconds: 180 }, n, 20);
      expect(m).toMatchObject({ stable: false, pWait: 1, serviceLevel: 0, occupancy: 1 });
      expect(m.asaSeconds).toBe(Number.POSITIVE_INFINITY);
    }
  });

  it('is finite for 10,000+ agents and tiny loads', () => {
    // 12,000 Erlangs on 12,200 agents. Halfin–Whitt: β = 200/√12000 = 1.826,
    // C ≈ 1/(1 + β·Φ(β)/φ(β)) = 1/(1 + 1.826·0.9661/0.07536) = 0.0410.
    const big = erlangC({ calls: 72_000, intervalSeconds: 1800, ahtSeconds: 300 }, 12_200, 20);
    expect(big.pWait).toBeGreaterThan(0.039);
    expect(big.pWait).toBeLessThan(0.043);
    expect(big.serviceLevel).toBeGreaterThan(0.9999);
    // 1 call on 10,000 agents: nobody waits.
    const tiny = erlangC({ calls: 1, intervalSeconds: 1800, ahtSeconds: 300 }, 10_000, 20);
    expect(tiny).toMatchObject({ pWait: 0, serviceLevel: 1, asaSeconds: 0 });
  });

  it('service level rises with agents and falls with traffic', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3000 }),
        fc.integer({ min: 60, max: 600 }),
        fc.integer({ min: 1, max: 40 }),
        (calls, aht, extra) => {
          const load = { calls, intervalSeconds: 1800, ahtSeconds: aht };
          const n = Math.floor((calls * aht) / 1800) + extra;
          const base = erlangC(load, n, 20);
          expect(erlangC(load, n + 1, 20).serviceLevel).toBeGreaterThanOrEqual(base.serviceLevel);
          expect(erlangC({ ...load, calls: calls * 1.05 }, n, 20).serviceLevel).toBeLessThanOrEqual(
            base.serviceLevel,
          );
        },
      ),
    );
  });
});
