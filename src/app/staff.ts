import { z } from 'zod';
import { isUserError, UserError } from '../errors.js';
import { SERVICE_LEVEL_FORMULAS } from '../model/config.js';
import { evaluateStaffing, scheduledAgents, staff as staffInterval } from '../planning/erlang/staffing.js';
import { parseIntervalsCsv } from '../planning/intervals-csv.js';
import { planIntervals, summarise } from '../planning/plan.js';
import { planJson, staffingFigures } from '../planning/render.js';
import {
  type StaffRequest as CliStaffRequest,
  DEFAULT_THRESHOLDS,
  planSettings,
  settingsRecord,
  targetsFrom,
} from '../planning/staff-request.js';
import type { Workspace } from '../workspace/workspace.js';
import { operation } from './operation.js';
import { nonNegative, oneOf, positive, share, wholeNumber } from './params.js';
import { badParameter, parseRequest } from './request.js';

const decimalAmount = z
  .string({ error: () => 'expected an amount as text, like "32.50"' })
  .regex(/^\d+(\.\d+)?$/, { error: () => 'expected an amount like 32.50' });

export const staffRequest = z.strictObject({
  calls: nonNegative().optional().describe('calls arriving in one interval'),
  interval: positive().default(1800).describe('interval length in seconds'),
  aht: positive().optional().describe('average handle time in seconds (talk + hold + wrap)'),
  patience: positive()
    .optional()
    .describe('mean patience of waiting callers in seconds: Erlang A with abandonment'),
  sl: share({ zero: false, one: true })
    .optional()
    .describe('service level target, e.g. 0.8 (default 0.8 unless asa or maxAbandon)'),
  within: nonNegative().optional().describe('service level threshold t in seconds (default 20)'),
  shortAbandon: nonNegative()
    .optional()
    .describe('Erlang A: abandons within this leave the SL denominator (default 5)'),
  slFormula: oneOf(SERVICE_LEVEL_FORMULAS).optional().describe('Erlang A: how abandons count in the SL'),
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
  intervals: z
    .string({ error: () => 'expected CSV text' })
    .optional()
    .describe(
      'CSV text with interval_start, calls, aht_seconds[, patience_seconds] (the file staff --intervals reads)',
    ),
  hourlyCost: decimalAmount
    .optional()
    .describe('loaded cost of one paid agent hour, for labour cost (e.g. "32.50")'),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, { error: () => 'expected an ISO 4217 code such as EUR' })
    .optional()
    .describe('currency of hourlyCost (default EUR)'),
});
export type StaffRequest = z.input<typeof staffRequest>;
type Staff = z.output<typeof staffRequest>;

export type StaffView = Record<string, number | null> | ReturnType<typeof planJson>;

/**
 * Agents needed for a service target (Erlang C, or Erlang A with patience) and what they cost, for one
 * interval (`calls`) or an interval CSV (`intervals`): the JSON of `staff --format json`.
 */
export async function staff(_workspace: Workspace | undefined, request: StaffRequest): Promise<StaffView> {
  const r = parseRequest(staffRequest, request);
  return r.intervals === undefined ? staffOne(r) : staffCsv(r, r.intervals);
}

function staffOne(r: Staff): Record<string, number | null> {
  if (r.calls === undefined) throw badParameter('calls', 'give calls (one interval) or intervals (CSV text)');
  if (r.aht === undefined) throw badParameter('aht', 'calls needs aht (seconds)');
  const targets = targetsFrom(asCli(r), DEFAULT_THRESHOLDS);
  const load = {
    calls: r.calls,
    intervalSeconds: r.interval,
    ahtSeconds: r.aht,
    patienceSeconds: r.patience,
  };
  const result =
    r.agents === undefined
      ? staffInterval(load, targets, r.shrinkage)
      : {
          metrics: evaluateStaffing(load, r.agents, targets),
          scheduled: scheduledAgents(r.agents, r.shrinkage),
        };
  return staffingFigures(result, r.patience !== undefined);
}

function staffCsv(r: Staff, text: string): ReturnType<typeof planJson> {
  for (const only of ['calls', 'aht', 'agents'] as const) {
    if (r[only] !== undefined) throw badParameter(only, 'does not go with intervals');
  }
  const demands = withParameter('intervals', () => parseIntervalsCsv(text, 'intervals', r.interval)).map(
    (d) =>
      d.patienceSeconds === undefined && r.patience !== undefined ? { ...d, patienceSeconds: r.patience } : d,
  );
  const settings = planSettings(asCli(r), DEFAULT_THRESHOLDS, r.currency ?? 'EUR');
  const intervals = planIntervals(demands, settings);
  const totals = summarise(
    intervals.map((interval) => ({ date: interval.demand.start.slice(0, 10), interval })),
    settings,
  );
  return planJson({
    heading: `Staffing plan: ${intervals.length} intervals of ${r.interval} s`,
    currency: settings.currency,
    settings: settingsRecord(asCli(r), settings),
    intervals,
    ...totals,
  });
}

/** The request in the shape planning's helpers read (the CLI's options). */
function asCli(r: Staff): CliStaffRequest {
  return { ...r, rows: 'intervals', format: 'json' };
}

/** Runs `work`, naming `parameter` in the location of the user errors it raises. */
function withParameter<T>(parameter: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (!isUserError(error)) throw error;
    throw new UserError(error.code, error.message, { ...error.location, parameter }, error.details);
  }
}

export const staffOperation = operation({
  name: 'staff',
  summary: 'Agents needed for a service target (Erlang C, or Erlang A with patience) and what they cost',
  request: staffRequest,
  run: staff,
});
