import { z } from 'zod';
import { CHANNELS } from '../../model/contact.js';
import { COST_CATEGORIES } from '../../model/cost-line.js';

/*
 * The scenario file (YAML): `levers` (each an explicit model whose assumptions are parameters, see
 * docs/planning.md for the sources of the defaults) and quality `constraints`. For `plan optimise` a
 * numeric parameter may instead be a range { from, to, step }. Names are snake_case: the file's
 * contract, as the issue and the docs spell them.
 */

/** A range of values a parameter may take in `plan optimise`: from, from + step, … up to `to`. */
export interface ParameterRange {
  from: number;
  to: number;
  step: number;
}

const rangeSchema = z
  .object({ from: z.number(), to: z.number(), step: z.number().positive() })
  .strict()
  .refine((r) => r.to >= r.from, { message: '`to` must not be below `from`' })
  .refine((r) => (r.to - r.from) / r.step <= 10_000, { message: 'more than 10,000 steps' });

/**
 * A parameter schema; with ranges allowed (plan optimise) it also takes { from, to, step }. Typed as
 * the plain parameter: the optimiser expands every range into plain scenarios before using them.
 */
type Param = <T extends z.ZodType>(schema: T) => T;

const moneyText = z
  .union([z.string(), z.number()])
  .transform((v) => String(v).trim())
  .refine((v) => /^-?\d+(\.\d+)?$/.test(v), { message: 'expected an amount such as "1500.00"' });

function build(param: Param) {
  const share = param(z.number().min(0).max(1));
  const money = param(moneyText as unknown as z.ZodType<string>);
  const nonNegative = param(z.number().nonnegative());
  const channelShares = z.partialRecord(z.enum(CHANNELS), share);
  const levers = z
    .object({
      ivr: z
        .object({
          channel: z.enum(CHANNELS).default('voice'),
          verification_seconds_saved: nonNegative.default(0),
          containment: share.default(0),
          /** Seconds a caller spends in the IVR; default: the voice calls' measured mean, else 48 s. */
          ivr_seconds_per_call: param(z.number().positive()).optional(),
          cost_per_minute: money.default('0'),
          cost_per_call: money.default('0'),
          project_cost: money.default('0'),
          amortise_months: param(z.number().int().positive()).default(36),
        })
        .strict(),
      callback: z
        .object({
          channel: z.enum(CHANNELS).default('voice'),
          offer_after_seconds: nonNegative.default(60),
          take_rate: share.default(0.37),
          within_minutes: param(z.number().positive()).default(60),
          /** Share of callbacks that must be made within the window in every interval. */
          within_share: share.default(0.95),
          extra_handle_seconds: nonNegative.default(0),
          cost_per_callback: money.default('0'),
        })
        .strict(),
      routing: z
        .object({
          channel: z.enum(CHANNELS).default('voice'),
          pool: z.array(z.string().min(1)).min(2),
          cross_skilled_share: share.default(0.2),
          cross_skill_aht_factor: param(z.number().min(0.5).max(3)).default(1),
          transfer_rate_before: share.default(0),
          transfer_rate_after: share.optional(),
          /** A transferred contact costs this share of an AHT more (the first agent's part). */
          transfer_handle_share: param(z.number().min(0).max(2)).default(0.5),
        })
        .strict(),
      self_service: z
        .object({
          deflection: channelShares,
          remaining_aht_factor: param(z.number().min(0.5).max(3)).default(1),
          platform_cost_per_month: money.default('0'),
          cost_per_session: money.default('0'),
        })
        .strict(),
      software: z
        .object({
          fixed_cost_change_per_month: money.default('0'),
          aht_seconds_change: param(z.number()).default(0),
          licence_per_seat_month: money.default('0'),
          /** Paid hours of one seat (a full-time agent) in a month. */
          seat_hours_per_month: param(z.number().positive()).default(160),
        })
        .strict(),
      wages: z
        .object({
          change: param(z.number().gt(-1)),
          categories: z.array(z.enum(COST_CATEGORIES)).default(['agent_wages', 'benefits_payroll_tax']),
        })
        .strict(),
      shrinkage: z.union([
        param(z.number().min(0).lt(1)),
        z.partialRecord(z.enum(CHANNELS), param(z.number().min(0).lt(1))),
      ]),
      targets: z
        .object({
          max_occupancy: param(z.number().gt(0).max(1)).optional(),
          ...Object.fromEntries(
            CHANNELS.map((c) => [
              c,
              z
                .object({
                  // A share below 1: no queue with waiting answers every caller within a finite threshold.
                  service_level: param(z.number().gt(0).lt(1)).optional(),
                  within_seconds: nonNegative.optional(),
                })
                .strict()
                .optional(),
            ]),
          ),
        })
        .strict(),
      concurrency: z.partialRecord(z.enum(CHANNELS), param(z.number().min(1).max(20))),
      volume: z
        .object({
          growth: param(z.number().gt(-1)).default(0),
          by_channel: z.partialRecord(z.enum(CHANNELS), param(z.number().gt(-1))).optional(),
        })
        .strict(),
      root_causes: z.object({ repeat_reduction: z.record(z.string(), share) }).strict(),
    })
    .partial()
    .strict();
  const limit = z.union([z.literal('baseline'), z.number().nonnegative()]);
  const perChannel = z.union([limit, z.partialRecord(z.enum(CHANNELS), limit)]);
  const constraints = z
    .object({
      service_level: perChannel.optional(),
      abandon_rate_max: perChannel.optional(),
      asa_max_seconds: perChannel.optional(),
      fcr_min: perChannel.optional(),
      /** Slack for "no worse than today": shares may be this much worse, ASA this share longer. */
      tolerance: z.number().min(0).max(1).default(0.005),
    })
    .strict();
  return z
    .object({
      levers: levers.default({}),
      constraints: constraints.default({ tolerance: 0.005 }),
      simulation: z
        .object({
          replications: z.number().int().min(2).max(100).default(4),
          seed: z.number().int().nonnegative().default(1),
        })
        .strict()
        .default({ replications: 4, seed: 1 }),
      /** plan optimise: what to minimise. */
      objective: z.enum(['cost', 'cost_per_contact']).default('cost'),
    })
    .strict();
}

const fixedParam: Param = (schema) => schema;
const rangedParam = ((schema: z.ZodType) => z.union([rangeSchema, schema])) as unknown as Param;

export const scenarioSchema = build(fixedParam);
export const optimiseSchema = build(rangedParam);

export type Scenario = z.infer<typeof scenarioSchema>;
export type Levers = Scenario['levers'];
export type LeverName = keyof Levers;
export type Constraints = Scenario['constraints'];
export type ConstraintLimit = 'baseline' | number;
/** An optimise file: a scenario whose numeric parameters may be ParameterRange objects. */
export type OptimiseSpec = z.infer<typeof optimiseSchema>;

/** The levers in the order they are modelled, shown and bridged. */
export const LEVER_NAMES = [
  'volume',
  'root_causes',
  'self_service',
  'ivr',
  'callback',
  'routing',
  'software',
  'concurrency',
  'targets',
  'shrinkage',
  'wages',
] as const satisfies readonly LeverName[];

export function isRange(value: unknown): value is ParameterRange {
  return typeof value === 'object' && value !== null && 'from' in value && 'step' in value;
}
