import { PLAN_FORMATS, type PlanFormat, renderPlanOutput } from '../planning/report/render-plan.js';
import { evaluate, planContext } from '../planning/scenario/evaluate.js';
import { type PlanOutcome, runPlan, simulationSettings } from '../planning/scenario/run-plan.js';
import { scenarioSchema } from '../planning/scenario/schema.js';
import { type ValidationRow, validatePlan } from '../planning/scenario/validate.js';
import type { Workspace } from '../workspace/workspace.js';
import { besidesJson, operation, viewOutput } from './operation.js';
import { baselineOf, specOf } from './plan-source.js';
import { parseRequest } from './request.js';
import { type PlanRunRequest, planRunRequest } from './requests/plan.js';

export { type PlanRunRequest, planRunRequest };

/** The plan's outcome, with the simulated figures beside the model's when asked: `plan run --format json`. */
export type PlanRunView = PlanOutcome & { validation?: ValidationRow[] };

/** Baseline and scenario side by side, the Shapley cost bridge, the quality constraints and the calibration. */
export async function planRun(
  workspace: Workspace | undefined,
  request: PlanRunRequest,
): Promise<PlanRunView> {
  const r = parseRequest(planRunRequest, request);
  const baseline = await baselineOf(workspace, r);
  const parsed = specOf(r.scenario, 'scenario', scenarioSchema);
  const scenario = {
    ...parsed,
    simulation: {
      replications: r.replications ?? parsed.simulation.replications,
      seed: r.seed ?? parsed.simulation.seed,
    },
  };
  const context = planContext(baseline, simulationSettings(scenario));
  const outcome = runPlan(baseline, scenario, context);
  if (!r.validate) return outcome;
  const validation = validatePlan(context, evaluate(context, scenario.levers), simulationSettings(scenario));
  return { ...outcome, validation };
}

export const planRunOperation = operation({
  name: 'planRun',
  summary:
    'A scenario against its baseline: figures side by side, the Shapley cost bridge, the quality constraints',
  request: planRunRequest,
  run: planRun,
  output: viewOutput(
    planRun,
    besidesJson(PLAN_FORMATS),
    ({ validation, ...outcome }, format, r) =>
      renderPlanOutput(
        { outcome, ...(validation ? { validation } : {}), locale: r.locale },
        format as PlanFormat,
      ),
    planRunRequest,
  ),
});
