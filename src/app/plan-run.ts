import { evaluate, planContext } from '../planning/scenario/evaluate.js';
import { type PlanOutcome, runPlan, simulationSettings } from '../planning/scenario/run-plan.js';
import { scenarioSchema } from '../planning/scenario/schema.js';
import { type ValidationRow, validatePlan } from '../planning/scenario/validate.js';
import { baselineOf, type PlanSource, specOf } from './plan-source.js';

export interface PlanRunRequest extends PlanSource {
  /** A scenario YAML file, or its content as an object ({ levers, constraints }). */
  scenario: string | object;
  /** Also simulate the scenario's staffing and report the simulated figures beside the model's. */
  validate?: boolean;
  /** Simulation replications and seed (default: the scenario file's, else 4 and 1). */
  replications?: number;
  seed?: number;
}

export interface PlanRunView {
  outcome: PlanOutcome;
  validation?: ValidationRow[];
}

/** Baseline and scenario side by side, the Shapley cost bridge, the quality constraints and the calibration. */
export async function planRun(request: PlanRunRequest): Promise<PlanRunView> {
  const baseline = await baselineOf(request);
  const parsed = await specOf(request.scenario, 'scenario', scenarioSchema);
  const scenario = {
    ...parsed,
    simulation: {
      replications: request.replications ?? parsed.simulation.replications,
      seed: request.seed ?? parsed.simulation.seed,
    },
  };
  const context = planContext(baseline, simulationSettings(scenario));
  const outcome = runPlan(baseline, scenario, context);
  if (!request.validate) return { outcome };
  const validation = validatePlan(context, evaluate(context, scenario.levers), simulationSettings(scenario));
  return { outcome, validation };
}
