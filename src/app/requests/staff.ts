import { z } from 'zod';
import { SERVICE_LEVEL_FORMULAS } from '../../model/config.js';
import { CHANNELS } from '../../model/contact.js';
import { LOCALES } from '../../report/locale.js';
import { nonNegative, oneOf, periodText, positive, share, wholeNumber } from '../params.js';

const decimalAmount = z
  .string({ error: () => 'expected an amount as text, like "32.50"' })
  .regex(/^\d+(\.\d+)?$/, { error: () => 'expected an amount like 32.50' });

/** The demand, targets and money of a staffing request: what `staff` and `simulate` share. */
export const demandFields = {
  calls: nonNegative().optional().describe('calls arriving in one interval'),
  interval: positive()
    .default(1800)
    .describe("interval length in seconds (from the workspace's history: 900, 1800 or 3600)"),
  aht: positive().optional().describe('average handle time in seconds (talk + hold + wrap)'),
  patience: positive()
    .optional()
    .describe('mean patience of waiting callers in seconds: Erlang A with abandonment'),
  sl: share({ zero: false, one: true })
    .optional()
    .describe('service level target, e.g. 0.8 (default 0.8 unless asa or maxAbandon)'),
  within: nonNegative()
    .optional()
    .describe("service level threshold t in seconds (default 20, or the workspace's per channel)"),
  shortAbandon: nonNegative()
    .optional()
    .describe('Erlang A: abandons within this leave the SL denominator (default 5)'),
  slFormula: oneOf(SERVICE_LEVEL_FORMULAS)
    .optional()
    .describe("Erlang A: how abandons count in the SL (default short_abandons_excluded, or the workspace's)"),
  asa: nonNegative().optional().describe('maximum average speed of answer in seconds'),
  maxAbandon: share({ zero: true, one: true })
    .optional()
    .describe('maximum share of callers abandoning (Erlang A)'),
  maxOccupancy: share({ zero: false, one: true })
    .default(1)
    .describe('maximum occupancy; a value exactly at the cap is allowed'),
  shrinkage: share({ zero: true, one: false })
    .default(0)
    .describe('paid time not on the phones; scheduled = ceil(agents / (1 - shrinkage))'),
  agents: wholeNumber().optional().describe('evaluate this many agents instead of searching (with calls)'),
  concurrency: positive()
    .optional()
    .describe('contacts an agent handles at once (chat 2-3); staffed on AHT / concurrency'),
  intervals: z
    .string({ error: () => 'expected CSV text' })
    .optional()
    .describe('CSV text with interval_start, calls, aht_seconds[, patience_seconds]'),
  timezone: z
    .string({ error: () => 'expected an IANA time zone' })
    .optional()
    .describe(
      'with intervals: the time zone instants (…Z, +01:00) in interval_start are converted to (default UTC)',
    ),
  from: periodText
    .optional()
    .describe("from the workspace's history: first date or period (default: the first data)"),
  to: periodText
    .optional()
    .describe("from the workspace's history: last date or period, included (default: the last data)"),
  channel: z
    .array(oneOf(CHANNELS), { error: () => `a list of ${CHANNELS.join(', ')}` })
    .optional()
    .describe("from the workspace's history: only these channels"),
  hourlyCost: decimalAmount
    .optional()
    .describe('loaded cost of one paid agent hour, for labour cost (e.g. "32.50")'),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, { error: () => 'expected an ISO 4217 code such as EUR' })
    .optional()
    .describe("currency of hourlyCost (default: the workspace's, else EUR)"),
};

export const staffRequest = z.strictObject({
  ...demandFields,
  rows: oneOf(['intervals', 'days', 'months'])
    .default('intervals')
    .describe('the rows of the CSV output: intervals, days or months'),
  locale: oneOf(LOCALES).default('en-US').describe('language and number formats of the table and CSV'),
});
export type StaffRequest = z.input<typeof staffRequest>;
