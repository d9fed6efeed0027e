import type { Command } from 'commander';
import { planBaselineRequest, planOptimiseRequest, planRunRequest } from '../../app/requests/plan.js';
import { UserError } from '../../errors.js';
import { outOption, whereOf, whereOptions } from '../command-options.js';
import { io } from '../io.js';
import { type FlagSpec, requestFlags, requestOf } from '../params.js';
import { type CommandOptions, readAction } from '../read-command.js';
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
    .action(async (o: CommandOptions) => {
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
  readAction(
    outOption(run),
    PLAN_FORMATS,
    async () => (await import('../../app/plan-run.js')).planRunOperation,
    planPrinting,
  );

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
  readAction(
    outOption(optimise),
    PLAN_FORMATS,
    async () => (await import('../../app/plan-optimise.js')).planOptimiseOperation,
    planPrinting,
  );
}

/** A plan from a baseline file needs no workspace; from a range it does. */
function planPrinting(o: CommandOptions, request: Record<string, unknown>) {
  if (request.baseline !== undefined && o.workspace)
    throw new UserError('USAGE', 'give a workspace (with its range) or a baseline file, not both');
  return { workspace: request.baseline === undefined ? ('required' as const) : ('optional' as const) };
}
