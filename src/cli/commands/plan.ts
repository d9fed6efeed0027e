import type { Command } from 'commander';
import { planBaselineRequest, planOptimiseRequest, planRunRequest } from '../../app/requests/plan.js';
import { UserError } from '../../errors.js';
import { formatOption, outOption, whereOf, whereOptions } from '../command-options.js';
import { io } from '../io.js';
import { type FlagSpec, requestFlags, requestOf } from '../params.js';
import { printOperation } from '../run-operation.js';

const PLAN_FORMATS = ['table', 'csv', 'html', 'xlsx', 'pdf'];

/** The baseline a plan runs against: a workspace range or a baseline file. */
const SOURCE_FLAGS: Record<string, string | FlagSpec> = {
  from: '--from <date>',
  to: '--to <date>',
  intervalSeconds: { flags: '--interval <seconds>', description: 'interval length: 900, 1800 or 3600' },
};
const BASELINE_FLAG: FlagSpec = {
  flags: '--baseline <file>',
  description: 'a baseline file written by `plan baseline` instead of a workspace',
  file: true,
};

interface PlanCliOptions extends Record<string, unknown> {
  workspace?: string;
  server?: string;
  format: string;
  out?: string;
}

export function registerPlan(program: Command): void {
  const plan = program
    .command('plan')
    .description(
      'cost levers on queueing math: a baseline, scenarios with a cost bridge, an optimiser that keeps quality',
    );

  const baseline = plan
    .command('baseline')
    .description('derive a planning baseline (YAML a planner can read and edit) from a workspace range');
  requestFlags(
    whereOptions(baseline, 'workspace folder: derive the baseline from its history'),
    planBaselineRequest,
    SOURCE_FLAGS,
  )
    .option('-o, --out <file>', 'write the baseline file here (default: print it)')
    .action(async (o: PlanCliOptions) => {
      const { planBaselineOperation } = await import('../../app/plan-baseline.js');
      const request = await requestOf(baseline, o);
      await printOperation(planBaselineOperation, request, whereOf(o), {
        format: 'yaml',
        out: o.out,
        workspace: 'required',
      });
      if (o.out) io.err(`percontact: baseline written to ${o.out}\n`);
    });

  const run = plan
    .command('run')
    .description(
      'baseline and scenario side by side, the Shapley cost bridge, quality constraints, calibration',
    );
  requestFlags(whereOptions(run, 'workspace folder: derive the baseline from its history'), planRunRequest, {
    ...SOURCE_FLAGS,
    baseline: BASELINE_FLAG,
    scenario: {
      flags: '--scenario <file>',
      description: 'scenario YAML: levers and constraints (levers: {} is the baseline)',
      file: true,
    },
    validate: {
      flags: '--validate',
      description: 'simulate the plan and show the simulated figures beside the model',
    },
    replications: '--replications <n>',
    seed: '--seed <n>',
    locale: '--locale <locale>',
  });
  outOption(formatOption(run, PLAN_FORMATS)).action(async (o: PlanCliOptions) => {
    const { planRunOperation } = await import('../../app/plan-run.js');
    await printPlan(planRunOperation, await requestOf(run, o), o);
  });

  const optimise = plan
    .command('optimise')
    .alias('optimize')
    .description('the cheapest lever settings within ranges that keep every quality constraint');
  requestFlags(
    whereOptions(optimise, 'workspace folder: derive the baseline from its history'),
    planOptimiseRequest,
    {
      ...SOURCE_FLAGS,
      baseline: BASELINE_FLAG,
      levers: {
        flags: '--levers <file>',
        description: 'a scenario YAML whose lever parameters may be ranges { from, to, step }',
        file: true,
      },
      objective: '--objective <what>',
      locale: '--locale <locale>',
    },
  );
  outOption(formatOption(optimise, PLAN_FORMATS)).action(async (o: PlanCliOptions) => {
    const { planOptimiseOperation } = await import('../../app/plan-optimise.js');
    await printPlan(planOptimiseOperation, await requestOf(optimise, o), o);
  });
}

/** A plan from a baseline file needs no workspace; from a range it does. */
async function printPlan(
  op: Parameters<typeof printOperation>[0],
  request: Record<string, unknown>,
  o: PlanCliOptions,
): Promise<void> {
  if (request.baseline !== undefined && o.workspace)
    throw new UserError('USAGE', 'give a workspace (with its range) or a baseline file, not both');
  await printOperation(op, request, whereOf(o), {
    format: o.format,
    out: o.out,
    workspace: request.baseline === undefined ? 'required' : 'optional',
  });
}
