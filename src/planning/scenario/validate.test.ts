import { beforeAll, describe, expect, it } from 'vitest';
import { smallDemoBaseline } from '../../test-support/demo-baseline.js';
import type { Baseline } from '../baseline/baseline.js';
import { evaluate, planContext } from './evaluate.js';
import { scenarioSchema } from './schema.js';
import { unitPlans } from './units.js';
import { validatePlan } from './validate.js';

let baseline: Baseline;
beforeAll(async () => {
  baseline = await smallDemoBaseline();
}, 60_000);

const settings = { replications: 4, seed: 1 };

/**
 * Occupancy by work conservation, independent of the simulation's clock: the handle time of the
 * callers who are served (offered × AHT ÷ concurrency × (1 − abandoned)) over the agent time on duty
 * (Σ agents × interval), over the classes the check simulates (each class once).
 */
function occupancyByHand(levers: unknown, abandonRate: number): number {
  const context = planContext(baseline, settings);
  const scenario = scenarioSchema.parse({ levers });
  const evaluation = evaluate(context, scenario.levers);
  const plans = unitPlans(baseline, scenario.levers, context.definitions, context.grid).flatMap(
    (u) => u.segments,
  );
  let work = 0;
  let onDuty = 0;
  for (const r of evaluation.segments.filter((s) => s.channel === 'voice')) {
    const plan = plans.find((p) => p.id === r.id);
    if (!plan) throw new Error(`no plan for ${r.id}`);
    for (let k = 0; k < r.calls.length; k++) {
      work += (r.calls[k] as number) * (plan.ahtSeconds / plan.concurrency);
      onDuty += Math.round(r.agents[k] as number) * context.grid.intervalSeconds;
    }
  }
  return (work * (1 - abandonRate)) / onDuty;
}

function voiceRow(levers: unknown) {
  const context = planContext(baseline, settings);
  const scenario = scenarioSchema.parse({ levers });
  const row = validatePlan(context, evaluate(context, scenario.levers), settings).find(
    (r) => r.channel === 'voice',
  );
  if (!row) throw new Error('no voice row');
  return row;
}

describe('plan run --validate', () => {
  for (const [name, levers] of [
    ['no levers', {}],
    ['a callback offer', { callback: { offer_after_seconds: 60, take_rate: 0.37, within_minutes: 60 } }],
  ] as const) {
    it(`simulates the plan's agents and work with ${name}: occupancy is offered work ÷ agent time`, () => {
      const row = voiceRow(levers);
      const simulated = row.simulated.occupancy.mean as number;
      const expected = occupancyByHand(levers, row.simulated.abandonRate.mean as number);
      // The simulated arrivals are Poisson around the plan's calls: within 2 points of the hand figure.
      expect(Math.abs(simulated - expected)).toBeLessThan(0.02);
      // The model's occupancy (Erlang's, shifted by the simulated effect of the lever) agrees as well.
      expect(Math.abs((row.model.occupancy as number) - simulated)).toBeLessThan(0.02);
    });
  }
});
