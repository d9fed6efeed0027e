import { beforeAll, describe, expect, it } from 'vitest';
import { Decimal } from '../../money/decimal.js';
import { smallDemoBaseline } from '../../test-support/demo-baseline.js';
import type { Baseline } from '../baseline/baseline.js';
import { planContext } from './evaluate.js';
import { dimensionsOf, optimise, scenarioAt } from './optimise.js';
import { runPlan } from './run-plan.js';
import { optimiseSchema } from './schema.js';

let baseline: Baseline;
beforeAll(async () => {
  baseline = await smallDemoBaseline();
}, 60_000);

// 3 × 3 × 2 = 18 combinations: lower voice targets are cheaper where they keep voice as good as today;
// containment changes staffing and counted contacts; a wage rise only costs.
const spec = () =>
  optimiseSchema.parse({
    levers: {
      targets: { voice: { service_level: { from: 0.6, to: 0.8, step: 0.1 } } },
      ivr: { containment: { from: 0, to: 0.2, step: 0.1 } },
      wages: { change: { from: 0, to: 0.02, step: 0.02 } },
    },
    constraints: { service_level: { voice: 'baseline' }, fcr_min: 'baseline' },
  });

describe('plan optimise', () => {
  it('finds the cheapest plan that keeps every constraint, as brute force does', () => {
    const s = spec();
    const dimensions = dimensionsOf(s);
    // In the order the scenario schema lists the levers.
    expect(dimensions.map((d) => [d.path, d.values])).toEqual([
      ['levers.ivr.containment', [0, 0.1, 0.2]],
      ['levers.wages.change', [0, 0.02]],
      ['levers.targets.voice.service_level', [0.6, 0.7, 0.8]],
    ]);
    const result = optimise(planContext(baseline, { replications: 2, seed: 1 }), s);
    // Brute force: every combination run as a plan of its own, each with a fresh context.
    let brute: { assignment: Record<string, number>; cost: Decimal } | undefined;
    let feasible = 0;
    for (const sl of [0.6, 0.7, 0.8])
      for (const containment of [0, 0.1, 0.2])
        for (const change of [0, 0.02]) {
          const assignment = {
            'levers.targets.voice.service_level': sl,
            'levers.ivr.containment': containment,
            'levers.wages.change': change,
          };
          const plan = runPlan(baseline, scenarioAt(s, assignment));
          if (!plan.constraints.every((c) => c.met)) continue;
          feasible++;
          const cost = new Decimal(plan.scenario.totals.cost);
          if (!brute || cost.lt(brute.cost)) brute = { assignment, cost };
        }
    expect(result.evaluated).toBe(18);
    expect(result.feasible).toBe(feasible);
    expect(result.best.assignment).toEqual(brute?.assignment);
    expect(result.best.totals.cost).toBe(brute?.cost.toFixed(2));
    expect(result.best.assignment).toMatchObject({ 'levers.wages.change': 0 });
    // Every other value is either costlier or breaks a named constraint; the wage rise only costs more.
    for (const r of result.rejected) {
      if (r.reason === 'costlier') expect(Number(r.difference)).toBeGreaterThanOrEqual(0);
      else expect(r.constraint && r.channel).toBeTruthy();
    }
    expect(result.rejected.find((r) => r.parameter === 'levers.wages.change')).toMatchObject({
      reason: 'costlier',
    });
    // The frontier runs from cheaper and worse to dearer and better.
    const levels = result.frontier.map((f) => f.serviceLevel ?? 0);
    expect([...levels].sort((a, b) => a - b)).toEqual(levels);
  });
});
