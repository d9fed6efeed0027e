import { planContext } from '../planning/scenario/evaluate.js';
import { type OptimiseOutcome, optimise } from '../planning/scenario/optimise.js';
import { simulationSettings } from '../planning/scenario/run-plan.js';
import { optimiseSchema, scenarioSchema } from '../planning/scenario/schema.js';
import { baselineOf, type PlanSource, specOf } from './plan-source.js';

export interface PlanOptimiseRequest extends PlanSource {
  /** A ranges YAML file: a scenario whose numeric lever parameters may be { from, to, step }. */
  levers: string | object;
  /** What to minimise (default: the file's, else total cost). */
  objective?: 'cost' | 'cost_per_contact';
}

/** The cheapest lever setting within the ranges that keeps every constraint, with runners-up and the frontier. */
export async function planOptimise(request: PlanOptimiseRequest): Promise<OptimiseOutcome> {
  const baseline = await baselineOf(request);
  const spec = await specOf(request.levers, 'levers', optimiseSchema);
  const withObjective = request.objective ? { ...spec, objective: request.objective } : spec;
  const settings = simulationSettings(scenarioSchema.parse({ simulation: withObjective.simulation }));
  return optimise(planContext(baseline, settings), withObjective);
}
