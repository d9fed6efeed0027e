import type { Baseline } from '../planning/baseline/baseline.js';
import { baselineYaml } from '../planning/baseline/baseline-file.js';
import type { Workspace } from '../workspace/workspace.js';
import { operation, viewOutput } from './operation.js';
import { baselineOf } from './plan-source.js';
import { parseRequest } from './request.js';
import { type PlanBaselineRequest, planBaselineRequest } from './requests/plan.js';

export { type PlanBaselineRequest, planBaselineRequest };

export interface PlanBaselineView {
  baseline: Baseline;
  /** The baseline file as YAML, to read, edit and give to planRun or planOptimise. */
  yaml: string;
}

/**
 * The planning baseline of a workspace range: per channel and queue the arrival pattern, volume per
 * month, AHT, patience, targets, measured quality, shrinkage, concurrency and hourly rates, and the
 * cost lines with their behaviour, read through the report's own inputs.
 */
export async function planBaseline(
  workspace: Workspace,
  request: PlanBaselineRequest = {},
): Promise<PlanBaselineView> {
  const baseline = await baselineOf(workspace, parseRequest(planBaselineRequest, request));
  return { baseline, yaml: baselineYaml(baseline) };
}

export const planBaselineOperation = operation({
  name: 'planBaseline',
  summary: 'The planning baseline of a workspace range (what plan baseline writes), as data and as YAML',
  request: planBaselineRequest,
  run: planBaseline,
  output: viewOutput(planBaseline, ['yaml'], (view) => view.yaml, planBaselineRequest),
});
