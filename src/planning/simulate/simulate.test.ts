import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { erlangA } from '../erlang/erlang-a.js';
import { erlangC } from '../erlang/erlang-c.js';
import { type Estimate, figuresOf, simulate } from './estimates.js';
import { smallestPassing } from './search.js';
import { stationaryModel } from './stationary.js';

interface ErlangCCase {
  calls: number;
  interval_s: number;
  aht_s: number;
  answer_within_s: number;
  expected: { agents: number; service_level: number; p_wait: number; asa_s: number; occupancy: number };
}
interface ErlangACase {
  calls: number;
  interval_s: number;
  aht_s: number;
  patience_s: number;
  answer_within_s: number;
  agents: number;
  expected: { p_wait: number; p_abandon: number; answered_within_t_of_offered: number };
}
const reference = JSON.parse(
  readFileSync(new URL('../../../../shared/reference/erlang.json', import.meta.url), 'utf8'),
) as {
  erlang_c: ErlangCCase[];
  erlang_a: ErlangACase[];
};

/** The exact value lies within the simulation's 95 % confidence band. */
function within(e: Estimate, exact: number, label: string): void {
  expect(e.mean, label).not.toBeNull();
  expect(e.halfWidth, label).not.toBeNull();
  expect(
    Math.abs((e.mean as number) - exact),
    `${label}: ${e.mean} ± ${e.halfWidth} vs ${exact}`,
  ).toBeLessThanOrEqual(e.halfWidth as number);
}

describe('simulation against the closed forms', () => {
  it('M/M/n agrees with Erlang C on the reference cases', () => {
    for (const c of reference.erlang_c) {
      const load = { calls: c.calls, intervalSeconds: c.interval_s, ahtSeconds: c.aht_s };
      const { model, from } = stationaryModel(load, {
        agents: c.expected.agents,
        answerWithinSeconds: c.answer_within_s,
      });
      const run = simulate(model, { seed: 20_260_101, replications: 10 });
      const f = figuresOf(run, 'short_abandons_excluded', { from });
      const label = `${c.calls} calls, AHT ${c.aht_s}, ${c.expected.agents} agents`;
      within(f.serviceLevel, c.expected.service_level, `${label} SL`);
      within(f.pWait, c.expected.p_wait, `${label} P(wait)`);
      within(f.asaSeconds, c.expected.asa_s, `${label} ASA`);
      within(f.occupancy, c.expected.occupancy, `${label} occupancy`);
      expect(f.pAbandon.mean).toBe(0);
    }
  });

  it('M/M/n+M agrees with Erlang A on the reference cases', () => {
    for (const c of reference.erlang_a) {
      const load = {
        calls: c.calls,
        intervalSeconds: c.interval_s,
        ahtSeconds: c.aht_s,
        patienceSeconds: c.patience_s,
      };
      const { model, from } = stationaryModel(load, {
        agents: c.agents,
        answerWithinSeconds: c.answer_within_s,
      });
      const run = simulate(model, { seed: 20_260_102, replications: 10 });
      const f = figuresOf(run, 'abandons_against', { from });
      const label = `${c.calls} calls, patience ${c.patience_s}, ${c.agents} agents`;
      within(f.pWait, c.expected.p_wait, `${label} P(wait)`);
      within(f.pAbandon, c.expected.p_abandon, `${label} P(abandon)`);
      within(f.answeredWithinOfOffered, c.expected.answered_within_t_of_offered, `${label} answered in time`);
      // The other figures against our own Erlang A (itself checked against the reference above).
      const exact = erlangA(load, c.agents, { answerWithinSeconds: c.answer_within_s });
      within(f.asaSeconds, exact.asaSeconds, `${label} ASA`);
      within(f.occupancy, exact.occupancy, `${label} occupancy`);
    }
  });

  it('is reproducible from its seed, and replications differ', () => {
    const load = { calls: 100, intervalSeconds: 1800, ahtSeconds: 180, patienceSeconds: 300 };
    const { model } = stationaryModel(load, { agents: 12, answerWithinSeconds: 20, intervals: 20 });
    const a = simulate(model, { seed: 7, replications: 2 });
    const b = simulate(model, { seed: 7, replications: 2 });
    expect(b.replications[0]?.queues).toEqual(a.replications[0]?.queues);
    expect(a.replications[1]?.queues).not.toEqual(a.replications[0]?.queues);
  });

  it('lognormal handle times with CV 1 give the same mean wait as exponential ones roughly, CV 2 longer', () => {
    const load = { calls: 100, intervalSeconds: 1800, ahtSeconds: 180 };
    const asa = (cv: number) => {
      const { model, from } = stationaryModel(load, {
        agents: 12,
        answerWithinSeconds: 20,
        service: { distribution: 'lognormal', cv },
      });
      return figuresOf(simulate(model, { seed: 3, replications: 8 }), 'answered_only', { from }).asaSeconds
        .mean as number;
    };
    // Erlang C at 12 agents: ASA 31.2 s; a heavier tail waits longer (Kingman: about (1 + CV²)/2).
    const exact = erlangC(load, 12, 20).asaSeconds;
    expect(asa(1)).toBeGreaterThan(exact * 0.8);
    expect(asa(1)).toBeLessThan(exact * 1.2);
    expect(asa(2)).toBeGreaterThan(asa(1) * 1.5);
  });
});

describe('what the closed forms cannot say', () => {
  const load = { calls: 100, intervalSeconds: 1800, ahtSeconds: 180, patienceSeconds: 300 };
  const seed = 11;

  it('pooling two equal queues needs fewer agents than twice one', () => {
    const intervals = 60;
    const meets = (run: ReturnType<typeof simulate>, queues: number[]) =>
      queues.every(
        (q) =>
          (figuresOf(run, 'short_abandons_excluded', { queues: [q], from: 5 }).serviceLevel.mean ?? 0) >= 0.8,
      );
    const single = (n: number) => {
      const { model } = stationaryModel(load, { agents: n, answerWithinSeconds: 20, intervals });
      return meets(simulate(model, { seed, replications: 4 }), [0]);
    };
    const pooled = (n: number) => {
      const { model } = stationaryModel(load, { agents: n, answerWithinSeconds: 20, intervals });
      const queue = model.queues[0] as (typeof model.queues)[number];
      const both = {
        ...model,
        queues: [queue, { ...queue, name: 'second' }],
        groups: [{ name: 'pooled', agents: new Int32Array(intervals).fill(n), skills: [0, 1] }],
      };
      return meets(simulate(both, { seed, replications: 4 }), [0, 1]);
    };
    const one = smallestPassing(1, 40, single) as number;
    const two = smallestPassing(1, 80, pooled) as number;
    // Erlang A for the same targets: 13 agents for one queue, 23 for the two pooled (200 calls).
    expect(one).toBeGreaterThanOrEqual(12);
    expect(one).toBeLessThanOrEqual(14);
    expect(two).toBeLessThan(2 * one);
    expect(two).toBeLessThanOrEqual(2 * one - 2);
  });

  it('a callback offer lowers abandonment at the same staffing', () => {
    const abandon = (callback: boolean) => {
      const { model, from } = stationaryModel(
        { ...load, calls: 110 },
        {
          agents: 11,
          answerWithinSeconds: 20,
          ...(callback
            ? {
                callback: {
                  offerAfterSeconds: 30,
                  takeRate: 0.4,
                  withinSeconds: 3600,
                  extraHandleSeconds: 0,
                },
              }
            : {}),
        },
      );
      return figuresOf(simulate(model, { seed, replications: 10 }), 'short_abandons_excluded', { from });
    };
    const without = abandon(false);
    const offered = abandon(true);
    const upper = (offered.pAbandon.mean as number) + (offered.pAbandon.halfWidth as number);
    const lower = (without.pAbandon.mean as number) - (without.pAbandon.halfWidth as number);
    expect(upper).toBeLessThan(lower);
    // Callers took callbacks, and the agents called them back within the hour.
    expect(offered.callbackShare.mean).toBeGreaterThan(0.02);
    expect(offered.callbacksWithin.mean).toBeGreaterThan(0.95);
  });
});
