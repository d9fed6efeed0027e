import type { Baseline } from '../planning/baseline/baseline.js';
import { baselineYaml } from '../planning/baseline/baseline-file.js';
import { baselineOf } from './plan-source.js';

export interface PlanBaselineRequest {
  workspace: string;
  from?: string;
  to?: string;
  intervalSeconds?: number;
}

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
export async function planBaseline(request: PlanBaselineRequest): Promise<PlanBaselineView> {
  const baseline = await baselineOf(request);
  return { baseline, yaml: baselineYaml(baseline) };
}
