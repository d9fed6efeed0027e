import { z } from 'zod';
import { MEASURE_NAMES } from '../../metrics/contact-measures.js';
import { workspaceConfigSchema } from '../../model/config.js';
import { CHANNELS, DIMENSIONS } from '../../model/contact.js';
import { COST_BEHAVIOURS, COST_CATEGORIES } from '../../model/cost-line.js';

/**
 * A planning baseline: what a range of the workspace looked like, as plain data a planner can read
 * and edit (YAML). The upper part holds the queueing model's inputs per channel and queue (volumes,
 * weekly pattern, AHT, patience, targets, shrinkage, concurrency, rates) and the cost lines with their
 * behaviour; `reportInputs` holds what the cost-per-contact report of the same range reads, so that a
 * scenario re-runs that very report on changed inputs.
 */

/** How a variable cost line moves: per contact (sessions, tickets), per handle minute, or per paid agent hour. */
export const VARIABLE_UNITS = ['contact', 'minute', 'agent_hour'] as const;
export type VariableUnit = (typeof VARIABLE_UNITS)[number];

/** Defaults for what the workspace does not record; each documented in docs/planning.md with its source. */
export const BASELINE_DEFAULTS = {
  /** 80 % within the threshold: the classic 80/20 convention (a convention, not a standard). */
  serviceLevelTarget: 0.8,
  /** Occupancy above 85 % burns agents out (Call Centre Helper). */
  maxOccupancy: 0.85,
  /** Shrinkage where no agent time is recorded: OpsDog's benchmark average is 27 %, GoTo quotes 30–35 %. */
  shrinkage: 0.3,
} as const;

const decimalText = z.string().regex(/^-?\d+(\.\d+)?$/, 'a decimal amount such as 1234.56');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
const share = z.number().min(0).max(1);
const seconds = z.number().nonnegative();

export const baselineSegmentSchema = z.object({
  /** null: contacts without a queue. */
  queue: z.string().nullable(),
  offered: seconds,
  handled: seconds,
  abandoned: seconds,
  /** Σ handle ÷ handled (the report's AHT); null without handle times (not staffed). */
  ahtSeconds: z.number().positive().nullable(),
  /** Mean talk, hold and wrap per handled contact, where recorded. */
  talkSeconds: seconds.nullable(),
  holdSeconds: seconds.nullable(),
  wrapSeconds: seconds.nullable(),
  /** Mean seconds in the IVR of the contacts that recorded it; null where none did. */
  ivrSeconds: seconds.nullable(),
  /** Σ wait of answered and abandoned ÷ abandons; null without abandons (Erlang C). */
  patienceSeconds: z.number().positive().nullable(),
  /** Offered contacts per month, by the month's first day. */
  volume: z.record(isoDate, seconds),
  /**
   * The typical week: share of a week's offered contacts per weekday (Monday first) and slot of the
   * baseline's interval; the shares of all 7 × slots sum to 1.
   */
  pattern: z.array(z.array(seconds)).length(7),
});

export const baselineChannelSchema = z.object({
  channel: z.enum(CHANNELS),
  /** The target the model staffs for (default 80 %), the threshold in force and the report's figure. */
  serviceLevel: z.object({
    target: z.number().gt(0).lt(1),
    withinSeconds: seconds,
    measured: share.nullable(),
  }),
  asaSeconds: seconds.nullable(),
  abandonRate: share.nullable(),
  /** Paid time not handling contacts: 1 − staffed ÷ paid from agent time, else a stated default. */
  shrinkage: z.number().min(0).lt(1),
  shrinkageSource: z.enum(['agent_time', 'default']),
  maxOccupancy: z.number().gt(0).max(1),
  /** Contacts an agent handles at once. */
  concurrency: z.number().min(1),
  /** Loaded cost of one paid agent hour (rate cards, else labour cost ÷ paid hours). */
  hourlyCost: decimalText.nullable(),
  hourlyCostSource: z.enum(['rate_cards', 'labour_cost_per_paid_hour']).nullable(),
  fcr: share.nullable(),
  csat: share.nullable(),
  /** Repeat contacts by month and topic (the root-cause lever prevents some of them). */
  repeats: z.array(
    z.object({
      month: isoDate,
      topic: z.string().nullable(),
      contactsWithCustomer: seconds,
      repeats: seconds,
    }),
  ),
  segments: z.array(baselineSegmentSchema),
});

export const baselineCostLineSchema = z.object({
  id: z.string(),
  category: z.enum(COST_CATEGORIES),
  behaviour: z.enum(COST_BEHAVIOURS),
  /** For variable lines: what they move with. */
  unit: z.enum(VARIABLE_UNITS).nullable(),
  /** The line's cost in the range, as the report allocates it. */
  amount: decimalText,
  description: z.string().nullable(),
});

const measuresSchema = z.object(
  Object.fromEntries(MEASURE_NAMES.map((name) => [name, z.number()])) as Record<
    (typeof MEASURE_NAMES)[number],
    z.ZodNumber
  >,
);

const costLineSchema = z.object({
  id: z.string(),
  category: z.enum(COST_CATEGORIES),
  amount: decimalText,
  currency: z.string(),
  periodStart: isoDate,
  periodEnd: isoDate,
  channel: z.string().nullable(),
  queue: z.string().nullable(),
  team: z.string().nullable(),
  driver: z.string().nullable(),
  behaviour: z.enum(COST_BEHAVIOURS),
  description: z.string().nullable(),
});

const dimensionValues = z.partialRecord(z.enum(DIMENSIONS), z.string().nullable());

export const reportInputsSchema = z.object({
  lines: z.array(costLineSchema),
  fineDimensions: z.array(z.enum(DIMENSIONS)),
  fine: z.array(z.object({ period: isoDate, values: dimensionValues, measures: measuresSchema })),
  labour: z.object({
    cards: z.array(
      z.object({
        agent: z.string().nullable(),
        team: z.string().nullable(),
        hourlyCost: decimalText,
        validFrom: isoDate,
        validTo: isoDate.nullable(),
      }),
    ),
    agentDays: z.array(
      z.object({
        period: isoDate,
        day: isoDate,
        agent: z.string().nullable(),
        team: z.string().nullable(),
        values: dimensionValues,
        seconds,
      }),
    ),
  }),
  fx: z.array(z.object({ currency: z.string(), date: isoDate, rate: decimalText })),
});

export const baselineSchema = z.object({
  version: z.literal(1),
  /** The workspace it was derived from, for the reader. */
  workspace: z.string().nullable(),
  currency: z.string().regex(/^[A-Z]{3}$/),
  timezone: z.string(),
  /** Whole local months, `to` exclusive. */
  range: z.object({ from: isoDate, to: isoDate }),
  intervalSeconds: z.union([z.literal(900), z.literal(1800), z.literal(3600)]),
  channels: z.array(baselineChannelSchema),
  costLines: z.array(baselineCostLineSchema),
  /** The workspace configuration in force (definitions, allocation drivers). */
  config: workspaceConfigSchema,
  reportInputs: reportInputsSchema,
});

export type Baseline = z.infer<typeof baselineSchema>;
export type BaselineChannel = z.infer<typeof baselineChannelSchema>;
export type BaselineSegment = z.infer<typeof baselineSegmentSchema>;
export type BaselineCostLine = z.infer<typeof baselineCostLineSchema>;
export type SerializedReportInputs = z.infer<typeof reportInputsSchema>;
