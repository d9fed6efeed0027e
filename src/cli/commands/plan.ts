import type { Command } from 'commander';
import { UserError } from '../../errors.js';
import { io } from '../io.js';
import { choiceOption, integerOption, positiveNumberOption } from '../options.js';
import { emit } from './report.js';

const FORMATS = ['table', 'json', 'csv', 'html', 'xlsx', 'pdf'] as const;
const LOCALES = ['en-US', 'de-DE'] as const;
type Format = (typeof FORMATS)[number];

interface SourceOptions {
  workspace?: string;
  from?: string;
  to?: string;
  interval: number;
  baseline?: string;
}

interface OutputOptions {
  format: Format;
  locale: (typeof LOCALES)[number];
  out?: string;
}

/** The baseline a plan runs against: a workspace range or a baseline file. */
function sourceOptions(command: Command): Command {
  return command
    .option('-w, --workspace <dir>', 'workspace folder: derive the baseline from its history')
    .option('--from <date>', 'first date or period of the baseline (default: first data)')
    .option('--to <date>', 'last date or period of the baseline, included (default: last data)')
    .option(
      '--interval <seconds>',
      'interval length: 900, 1800 or 3600',
      positiveNumberOption('--interval'),
      1800,
    )
    .option('--baseline <file>', 'a baseline file written by `plan baseline` instead of a workspace');
}

function outputOptions(command: Command): Command {
  return command
    .option('--format <format>', FORMATS.join(', '), choiceOption('--format', FORMATS), 'table')
    .option('--locale <locale>', 'en-US or de-DE', choiceOption('--locale', LOCALES), 'en-US')
    .option('-o, --out <file>', 'write to this file (required for xlsx and pdf on a terminal)');
}

const source = (o: SourceOptions) => ({
  ...(o.workspace ? { workspace: o.workspace } : {}),
  ...(o.from ? { from: o.from } : {}),
  ...(o.to ? { to: o.to } : {}),
  intervalSeconds: o.interval,
  ...(o.baseline ? { baseline: o.baseline } : {}),
});

export function registerPlan(program: Command): void {
  const plan = program
    .command('plan')
    .description(
      'cost levers on queueing math: a baseline, scenarios with a cost bridge, an optimiser that keeps quality',
    );
  sourceOptions(
    plan
      .command('baseline')
      .description('derive a planning baseline (YAML a planner can read and edit) from a workspace range'),
  )
    .option('-o, --out <file>', 'write the baseline file here (default: print it)')
    .action(async (o: SourceOptions & { out?: string }) => {
      const { planBaseline } = await import('../../app/plan-baseline.js');
      if (!o.workspace) throw new UserError('USAGE', 'plan baseline needs --workspace DIR');
      const view = await planBaseline({ ...source(o), workspace: o.workspace });
      await emit(view.yaml, o.out);
      if (o.out) io.err(`percontact: baseline written to ${o.out}\n`);
    });
  outputOptions(
    sourceOptions(
      plan
        .command('run')
        .description(
          'baseline and scenario side by side, the Shapley cost bridge, quality constraints, calibration',
        ),
    ),
  )
    .requiredOption('--scenario <file>', 'scenario YAML: levers and constraints (levers: {} is the baseline)')
    .option('--validate', 'simulate the plan and show the simulated figures beside the model')
    .option('--replications <n>', 'simulation replications (default 4)', integerOption('--replications', 2))
    .option('--seed <n>', 'simulation seed (default 1)', integerOption('--seed'))
    .action(
      async (
        o: SourceOptions &
          OutputOptions & { scenario: string; validate?: boolean; replications?: number; seed?: number },
      ) => {
        const { planRun } = await import('../../app/plan-run.js');
        const view = await planRun({
          ...source(o),
          scenario: o.scenario,
          validate: o.validate === true,
          ...(o.replications ? { replications: o.replications } : {}),
          ...(o.seed !== undefined ? { seed: o.seed } : {}),
        });
        await render(
          { outcome: view.outcome, ...(view.validation ? { validation: view.validation } : {}) },
          o,
        );
      },
    );
  outputOptions(
    sourceOptions(
      plan
        .command('optimise')
        .alias('optimize')
        .description('the cheapest lever settings within ranges that keep every quality constraint'),
    ),
  )
    .requiredOption(
      '--levers <file>',
      'a scenario YAML whose lever parameters may be ranges { from, to, step }',
    )
    .option(
      '--objective <what>',
      'cost or cost_per_contact',
      choiceOption('--objective', ['cost', 'cost_per_contact'] as const),
    )
    .action(
      async (
        o: SourceOptions & OutputOptions & { levers: string; objective?: 'cost' | 'cost_per_contact' },
      ) => {
        const { planOptimise } = await import('../../app/plan-optimise.js');
        const outcome = await planOptimise({
          ...source(o),
          levers: o.levers,
          ...(o.objective ? { objective: o.objective } : {}),
        });
        await render({ outcome }, o);
      },
    );
}

async function render(
  rendering: Parameters<typeof import('../../planning/report/render-plan.js').renderPlanOutput>[0],
  o: OutputOptions,
): Promise<void> {
  if ((o.format === 'xlsx' || o.format === 'pdf') && !o.out && process.stdout.isTTY) {
    throw new UserError(
      'USAGE',
      `--format ${o.format} is binary: write it to a file with --out FILE or redirect stdout`,
    );
  }
  const { renderPlanOutput } = await import('../../planning/report/render-plan.js');
  await emit(await renderPlanOutput({ ...rendering, locale: o.locale }, o.format), o.out);
}
