import { PLAN_FORMATS, type PlanFormat, renderPlanOutput } from '../planning/report/render-plan.js';
import { planContext } from '../planning/scenario/evaluate.js';
import { type OptimiseOutcome, optimise } from '../planning/scenario/optimise.js';
import { simulationSettings } from '../planning/scenario/run-plan.js';
import { optimiseSchema, scenarioSchema } from '../planning/scenario/schema.js';
import type { Workspace } from '../workspace/workspace.js';
import { besidesJson, operation, viewOutput } from './operation.js';
import { baselineOf, specOf } from './plan-source.js';
import { parseRequest } from './request.js';
import { type PlanOptimiseRequest, planOptimiseRequest } from './requests/plan.js';

export { type PlanOptimiseRequest, planOptimiseRequest };

/** The cheapest lever setting within the ranges that keeps every constraint, with runners-up and the frontier. */
export async function planOptimise(
  workspace: Workspace | undefined,
  request: PlanOptimiseRequest,
): Promise<OptimiseOutcome> {
  const r = parseRequest(planOptimiseRequest, request);
  const baseline = await baselineOf(workspace, r);
  const spec = specOf(r.levers, 'levers', optimiseSchema);
  const withObjective = r.objective ? { ...spec, objective: r.objective } : spec;
  const settings = simulationSettings(scenarioSchema.parse({ simulation: withObjective.simulation }));
  return optimise(planContext(baseline, settings), withObjective);
}

export const planOptimiseOperation = operation({
  name: 'planOptimise',
  summary: 'The cheapest lever settings within ranges that keep every quality constraint',
  request: planOptimiseRequest,
  run: planOptimise,
  output: viewOutput(
    planOptimise,
    besidesJson(PLAN_FORMATS),
    (outcome, format, r) => renderPlanOutput({ outcome, locale: r.locale }, format as PlanFormat),
    planOptimiseRequest,
  ),
});
