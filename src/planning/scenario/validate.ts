import { type Estimate, figuresOf, simulate } from '../simulate/estimates.js';
import type { SimGroup, SimModel, SimQueue } from '../simulate/model.js';
import { addSums, classSums, emptySums, modelFigures } from './aggregate.js';
import type { Evaluation, PlanContext } from './evaluate.js';
import type { SimulationSettings } from './simulated-unit.js';
import { simQueueOf, unitPlans } from './units.js';

/** A channel's staffing plan checked by simulation: the model's figures against the simulated ones. */
export interface ValidationRow {
  channel: string;
  replications: number;
  seed: number;
  model: {
    serviceLevel: number | null;
    abandonRate: number | null;
    asaSeconds: number | null;
    occupancy: number | null;
  };
  simulated: { serviceLevel: Estimate; abandonRate: Estimate; asaSeconds: Estimate; occupancy: Estimate };
}

const orNull = (v: number | undefined) => (v === undefined ? null : v);

/**
 * Simulates a plan's staffing of every channel staffed per interval (workload-staffed channels
 * have no per-interval queue to simulate): each month's typical week once per replication, with the
 * plan's agents per interval, its callback offer where it has one, each queue with its own agents
 * (a pool is checked queue by queue, which is stricter than the pool). The model's figures are summed
 * over the same intervals, so the two compare like with like.
 */
export function validatePlan(
  context: PlanContext,
  evaluation: Evaluation,
  settings: SimulationSettings,
): ValidationRow[] {
  const { baseline, definitions: d, grid } = context;
  const plans = unitPlans(baseline, evaluation.levers, d, grid);
  const callbackOf = new Map(plans.flatMap((u) => u.segments.map((s) => [s.id, u.callback] as const)));
  const segmentPlans = new Map(plans.flatMap((u) => u.segments).map((s) => [s.id, s]));
  const rows: ValidationRow[] = [];
  for (const [channel, model] of evaluation.channels) {
    const results = evaluation.segments.filter((s) => s.channel === channel && s.model !== 'workload');
    if (results.length === 0) continue;
    const queues: SimQueue[] = [];
    const groups: SimGroup[] = [];
    for (const r of results) {
      const plan = segmentPlans.get(r.id);
      if (!plan) continue;
      queues.push(simQueueOf({ ...plan, calls: r.calls }, callbackOf.get(r.id)));
      groups.push({ name: r.id, agents: Int32Array.from(r.agents, Math.round), skills: [queues.length - 1] });
    }
    const sim: SimModel = {
      intervalSeconds: grid.intervalSeconds,
      intervals: grid.size,
      queues,
      groups,
      service: settings.service ?? { distribution: 'exponential' },
    };
    const f = figuresOf(simulate(sim, settings), d.serviceLevelFormula);
    const sums = emptySums();
    for (let k = 0; k < grid.size; k++) addSums(sums, classSums(model, k));
    const m = modelFigures(sums);
    rows.push({
      channel,
      replications: settings.replications,
      seed: settings.seed,
      model: {
        serviceLevel: orNull(m.serviceLevel),
        abandonRate: orNull(m.abandonRate),
        asaSeconds: orNull(m.asaSeconds),
        occupancy: orNull(m.occupancy),
      },
      simulated: {
        serviceLevel: f.serviceLevel,
        abandonRate: f.pAbandon,
        asaSeconds: f.asaSeconds,
        occupancy: f.occupancy,
      },
    });
  }
  return rows;
}
