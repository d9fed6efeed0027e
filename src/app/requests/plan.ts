import { z } from 'zod';
import { LOCALES } from '../../report/locale.js';
import { oneOf, periodText, wholeNumber } from '../params.js';

/** A YAML document as text, or the same content as a JSON object (an API body's way). */
export const yamlDocument = (what: string) =>
  z.union([z.string(), z.record(z.string(), z.unknown())], {
    error: () => `expected ${what} as YAML text or a JSON object`,
  });

/** Where a plan's baseline comes from: a workspace range, or a baseline written by plan baseline. */
export const planSource = {
  from: periodText.optional().describe('first date or period of the baseline (default: the first data)'),
  to: periodText
    .optional()
    .describe('last date or period of the baseline, included (default: the last data)'),
  intervalSeconds: z
    .union([z.literal(900), z.literal(1800), z.literal(3600)], {
      error: () => 'use 900, 1800 or 3600 (15, 30 or 60 minutes)',
    })
    .default(1800)
    .describe('interval length of the arrival pattern: 900, 1800 or 3600'),
  baseline: yamlDocument('a baseline')
    .optional()
    .describe('a baseline (what plan baseline writes) instead of the workspace range'),
  locale: oneOf(LOCALES)
    .default('en-US')
    .describe('language and number formats of the outputs besides JSON: en-US or de-DE'),
};

const { from, to, intervalSeconds } = planSource;

export const planBaselineRequest = z.strictObject({ from, to, intervalSeconds });
export type PlanBaselineRequest = z.input<typeof planBaselineRequest>;

export const planRunRequest = z.strictObject({
  ...planSource,
  scenario: yamlDocument('a scenario').describe(
    'the scenario: { levers, constraints, simulation } (levers: {} is the baseline)',
  ),
  validate: z
    .boolean({ error: () => 'expected true or false' })
    .default(false)
    .describe("also simulate the scenario's staffing and report the simulated figures beside the model's"),
  replications: wholeNumber(2)
    .optional()
    .describe("simulation replications (default: the scenario's, else 4)"),
  seed: wholeNumber().optional().describe("simulation seed (default: the scenario's, else 1)"),
});
export type PlanRunRequest = z.input<typeof planRunRequest>;

export const planOptimiseRequest = z.strictObject({
  ...planSource,
  levers: yamlDocument('the lever ranges').describe(
    'a scenario whose numeric lever parameters may be ranges { from, to, step }',
  ),
  objective: oneOf(['cost', 'cost_per_contact'])
    .optional()
    .describe("what to minimise: cost or cost_per_contact (default: the ranges', else cost)"),
});
export type PlanOptimiseRequest = z.input<typeof planOptimiseRequest>;
