import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SERVICE_LEVEL_FORMULAS as CONFIG_FORMULAS } from '../../model/config.js';
import { erlangA } from './erlang-a.js';
import { erlangC } from './erlang-c.js';
import { type ErlangAMetrics, SERVICE_LEVEL_FORMULAS, type ServiceLevelFormula } from './types.js';

/**
 * Copied from ../shared/reference/erlang.json, "erlang_a" (public examples, "rounded to 6 decimals;
 * agree to within 5e-7"). Each row: calls, interval_s, aht_s, patience_s, answer_within_s, agents →
 * P(wait), P(abandon), answered within t of offered.
 */
const REFERENCE = [
  [100, 1800, 180, 300, 20, 14, 0.14526, 0.013984, 0.916792],
  [100, 1800, 240, 120, 20, 14, 0.39649, 0.10334, 0.722872],
  [200, 1800, 240, 120, 20, 27, 0.423346, 0.08389, 0.747107],
] as const;

interface NaiveCase {
  calls: number;
  aht: number;
  patience: number;
  agents: number;
  t: number;
  s: number;
}

/**
 * A second implementation that shares no formula with the code under test: the birth–death chain
 * of M/M/n+M truncated where its probabilities vanish, then one arriving caller followed through
 * the queue. With i callers ahead it moves up at rate nμ + iθ and abandons at θ; the answered and
 * abandoned shares within t come from integrating that chain with small Runge–Kutta steps, the
 * wait of answered callers from the embedded jump chain.
 */
function naiveErlangA(c: NaiveCase) {
  const lambda = c.calls / 1800;
  const mu = 1 / c.aht;
  const theta = 1 / c.patience;
  const n = c.agents;
  const weights = [1];
  for (let j = 1; j <= n; j++) weights.push(((weights[j - 1] as number) * lambda) / (j * mu));
  for (let k = 1; k < 5000; k++) {
    const next = ((weights.at(-1) as number) * lambda) / (n * mu + k * theta);
    weights.push(next);
    if (next < 1e-20 * weights.reduce((x, y) => x + y, 0)) break;
  }
  const total = weights.reduce((x, y) => x + y, 0);
  const ahead = weights.slice(n).map((w) => w / total);
  const pWait = ahead.reduce((x, y) => x + y, 0);
  let pAbandon = 0;
  let answeredWaitTotal = 0;
  let servedFromHere = 1;
  let waitIfServed = 0;
  ahead.forEach((p, i) => {
    const up = n * mu + i * theta;
    const advance = up / (up + theta);
    waitIfServed = advance * (servedFromHere / (up + theta) + waitIfServed);
    servedFromHere *= advance;
    pAbandon += p * (1 - servedFromHere);
    answeredWaitTotal += p * waitIfServed;
  });
  const flows = (horizon: number) => {
    let state = ahead.slice();
    let answered = 0;
    let abandoned = 0;
    const steps = Math.max(1, Math.ceil(horizon / 0.02));
    const h = horizon / steps;
    const derivative = (v: number[]) => {
      const d = v.map(
        (x, i) => -(n * mu + i * theta + theta) * x + (n * mu + (i + 1) * theta) * (v[i + 1] ?? 0),
      );
      return { d, answered: n * mu * (v[0] as number), abandoned: theta * v.reduce((x, y) => x + y, 0) };
    };
    for (let step = 0; step < steps; step++) {
      const k1 = derivative(state);
      const k2 = derivative(state.map((x, i) => x + (h / 2) * (k1.d[i] as number)));
      const k3 = derivative(state.map((x, i) => x + (h / 2) * (k2.d[i] as number)));
      const k4 = derivative(state.map((x, i) => x + h * (k3.d[i] as number)));
      const mix = (a: number, b: number, cc: number, d: number) => (h / 6) * (a + 2 * b + 2 * cc + d);
      state = state.map(
        (x, i) => x + mix(k1.d[i] as number, k2.d[i] as number, k3.d[i] as number, k4.d[i] as number),
      );
      answered += mix(k1.answered, k2.answered, k3.answered, k4.answered);
      abandoned += mix(k1.abandoned, k2.abandoned, k3.abandoned, k4.abandoned);
    }
    return { answered, abandoned };
  };
  const withinT = flows(c.t);
  const answeredWithin = 1 - pWait + withinT.answered;
  // DESIGN appendix A with offered = 1, answered = 1 − P(abandon).
  const serviceLevels: Record<ServiceLevelFormula, number> = {
    short_abandons_excluded: answeredWithin / (1 - flows(c.s).abandoned),
    abandons_against: answeredWithin,
    answered_only: c.agents === 0 ? 0 : answeredWithin / (1 - pAbandon),
    early_abandons_good: answeredWithin + withinT.abandoned,
    early_abandons_ignored: answeredWithin / (1 - withinT.abandoned),
  };
  return {
    pWait,
    pAbandon,
    answeredWithinOfOffered: answeredWithin,
    serviceLevels,
    asaSeconds: c.agents === 0 ? Number.POSITIVE_INFINITY : answeredWaitTotal / (1 - pAbandon),
  };
}

const evaluate = (c: NaiveCase, formula?: ServiceLevelFormula): ErlangAMetrics =>
  erlangA(
    { calls: c.calls, intervalSeconds: 1800, ahtSeconds: c.aht, patienceSeconds: c.patience },
    c.agents,
    {
      answerWithinSeconds: c.t,
      shortAbandonSeconds: c.s,
      formula,
    },
  );

describe('Erlang A', () => {
  it.each(REFERENCE)('reference: %i calls / %i s, AHT %i, patience %i, t %i, %i agents', (...row) => {
    const [calls, interval, aht, patience, t, agents, pWait, pAbandon, answered] = row;
    const load = { calls, intervalSeconds: interval, ahtSeconds: aht, patienceSeconds: patience };
    const m = erlangA(load, agents, { answerWithinSeconds: t });
    expect(Math.abs(m.pWait - pWait)).toBeLessThan(1e-6);
    expect(Math.abs(m.pAbandon - pAbandon)).toBeLessThan(1e-6);
    expect(Math.abs(m.answeredWithinOfOffered - answered)).toBeLessThan(1e-6);
  });

  it('matches a birth–death chain followed caller by caller on random small cases', () => {
    const cases = fc.record({
      calls: fc.integer({ min: 1, max: 150 }),
      aht: fc.integer({ min: 60, max: 400 }),
      patience: fc.integer({ min: 20, max: 600 }),
      agents: fc.integer({ min: 0, max: 25 }),
      t: fc.integer({ min: 0, max: 40 }),
      s: fc.integer({ min: 0, max: 10 }),
    });
    fc.assert(
      fc.property(cases, (c) => {
        const naive = naiveErlangA(c);
        const m = evaluate(c);
        expect(m.pWait).toBeCloseTo(naive.pWait, 10);
        expect(m.pAbandon).toBeCloseTo(naive.pAbandon, 10);
        expect(m.answeredWithinOfOffered).toBeCloseTo(naive.answeredWithinOfOffered, 7);
        expect(m.serviceLevel).toBeCloseTo(naive.serviceLevels.short_abandons_excluded, 7);
        for (const formula of SERVICE_LEVEL_FORMULAS) {
          expect(evaluate(c, formula).serviceLevel, formula).toBeCloseTo(naive.serviceLevels[formula], 7);
        }
        if (c.agents > 0) expect(m.asaSeconds).toBeCloseTo(naive.asaSeconds, 6);
        else expect(m.asaSeconds).toBe(Number.POSITIVE_INFINITY);
        expect(m.occupancy).toBeCloseTo(
          c.agents === 0 ? 0 : (m.trafficErlangs * (1 - naive.pAbandon)) / c.agents,
          10,
        );
      }),
      { numRuns: 25 },
    );
  });

  it('tends to Erlang C as patience grows', () => {
    // Abandonment is about E[wait] / patience, so the gap shrinks roughly like 1 / patience.
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2000 }),
        fc.integer({ min: 60, max: 600 }),
        fc.integer({ min: 1, max: 30 }),
        (calls, aht, extra) => {
          const load = { calls, intervalSeconds: 1800, ahtSeconds: aht };
          const n = Math.floor((calls * aht) / 1800) + extra;
          fc.pre(n - (calls * aht) / 1800 >= 0.5);
          const c = erlangC(load, n, 20);
          const [far, near] = [1e5, 1e7].map((patience) => {
            const a = erlangA({ ...load, patienceSeconds: patience }, n, { answerWithinSeconds: 20 });
            return Math.abs(a.answeredWithinOfOffered - c.serviceLevel) + Math.abs(a.pWait - c.pWait);
          }) as [number, number];
          expect(near).toBeLessThan(0.01);
          expect(near).toBeLessThanOrEqual(far / 20 + 1e-12);
        },
      ),
      { numRuns: 50 },
    );
    const load = { calls: 100, intervalSeconds: 1800, ahtSeconds: 180 };
    const patient = erlangA({ ...load, patienceSeconds: 1e9 }, 14, { answerWithinSeconds: 20 });
    expect(patient.serviceLevel).toBeCloseTo(0.888350019, 6);
    expect(patient.pWait).toBeCloseTo(0.174131934, 6);
    expect(patient.asaSeconds).toBeCloseTo(7.835937, 4);
  });

  it('improves with every added agent and worsens with traffic', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3000 }),
        fc.integer({ min: 60, max: 600 }),
        fc.integer({ min: 10, max: 900 }),
        fc.double({ min: 0.3, max: 1.3, noNaN: true }),
        (calls, aht, patience, share) => {
          const load = { calls, intervalSeconds: 1800, ahtSeconds: aht, patienceSeconds: patience };
          const n = Math.round(((calls * aht) / 1800) * share);
          const at = (agents: number, l = load, formula?: ServiceLevelFormula) =>
            erlangA(l, agents, { answerWithinSeconds: 20, formula });
          const [now, more] = [at(n), at(n + 1)];
          for (const formula of SERVICE_LEVEL_FORMULAS) {
            const [before, after] = [at(n, load, formula), at(n + 1, load, formula)];
            expect(after.serviceLevel, formula).toBeGreaterThanOrEqual(before.serviceLevel - 1e-12);
          }
          expect(more.answeredWithinOfOffered).toBeGreaterThanOrEqual(now.answeredWithinOfOffered - 1e-12);
          expect(more.pAbandon).toBeLessThanOrEqual(now.pAbandon + 1e-12);
          expect(more.asaSeconds).toBeLessThanOrEqual(now.asaSeconds + 1e-9);
          if (n > 0) expect(more.occupancy).toBeLessThanOrEqual(now.occupancy + 1e-12);
          expect(at(n, { ...load, calls: calls * 1.1 }).serviceLevel).toBeLessThanOrEqual(
            now.serviceLevel + 1e-12,
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('is finite for 10,000+ agents, heavy overload and no agents', () => {
    const cases: [number, number, number][] = [
      [60_000, 10_000, 300], // 10,000 Erlangs on 10,000 agents
      [60_000, 12_000, 300], // ample staff
      [60_000, 2_000, 3_600], // five times overloaded, patient callers: the series peaks near e^5000
      [60_000, 0, 120],
    ];
    for (const [calls, agents, patience] of cases) {
      const m = erlangA(
        { calls, intervalSeconds: 1800, ahtSeconds: 300, patienceSeconds: patience },
        agents,
        {
          answerWithinSeconds: 20,
        },
      );
      const { asaSeconds, model: _, stable: __, ...figures } = m;
      for (const value of Object.values(figures)) expect(Number.isFinite(value)).toBe(true);
      // Zero agents answer nobody: the one infinite figure.
      expect(Number.isFinite(asaSeconds)).toBe(agents > 0);
      for (const p of [m.pWait, m.pAbandon, m.serviceLevel, m.occupancy]) {
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(1);
      }
    }
    // In deep overload the agents answer what they can, n/a of the traffic; the rest abandons.
    const over = erlangA(
      { calls: 60_000, intervalSeconds: 1800, ahtSeconds: 300, patienceSeconds: 3600 },
      2_000,
      {
        answerWithinSeconds: 20,
      },
    );
    expect(over.pAbandon).toBeCloseTo(1 - 2_000 / 10_000, 3);
    expect(over.occupancy).toBeCloseTo(1, 3);
  });

  it('knows the service-level formulas the workspace configuration offers', () => {
    expect(SERVICE_LEVEL_FORMULAS).toEqual(CONFIG_FORMULAS);
  });

  it('needs a finite patience', () => {
    const load = { calls: 100, intervalSeconds: 1800, ahtSeconds: 180 };
    expect(() => erlangA(load, 14, { answerWithinSeconds: 20 })).toThrow(RangeError);
    expect(() =>
      erlangA({ ...load, patienceSeconds: Number.POSITIVE_INFINITY }, 14, { answerWithinSeconds: 20 }),
    ).toThrow(RangeError);
  });
});
