/** The demand of one interval. Times in seconds. */
export interface Workload {
  /** Calls (contacts) arriving in the interval; may be fractional for a forecast. */
  calls: number;
  intervalSeconds: number;
  ahtSeconds: number;
  /** Mean patience of waiting callers; absent or Infinity means nobody abandons (Erlang C). */
  patienceSeconds?: number;
}

/**
 * The service-level variants of DESIGN appendix A (t = threshold, s = short-abandon threshold; A
 * answered, B abandoned, A_t answered within t, B_t and B_s abandoned within t and s). Without
 * abandonment (Erlang C) they all agree. The names of src/model/config.ts, repeated so that the
 * Erlang library depends on nothing (a test checks that the two lists agree).
 */
export const SERVICE_LEVEL_FORMULAS = [
  'short_abandons_excluded', // A_t ÷ (A + B − B_s)
  'abandons_against', // A_t ÷ (A + B)
  'answered_only', // A_t ÷ A
  'early_abandons_good', // (A_t + B_t) ÷ (A + B)
  'early_abandons_ignored', // A_t ÷ (A + B − B_t)
] as const;
export type ServiceLevelFormula = (typeof SERVICE_LEVEL_FORMULAS)[number];

/** What counts as "answered in time". */
export interface Thresholds {
  /** t of "answered within t seconds". */
  answerWithinSeconds: number;
  /** Erlang A: the s of short_abandons_excluded (default 5). */
  shortAbandonSeconds?: number;
  /** Erlang A: how abandons count in the service level (default short_abandons_excluded). */
  formula?: ServiceLevelFormula;
}

export type QueueModel = 'erlang-b' | 'erlang-c' | 'erlang-a';

/** Figures every model reports for one staffing of one interval. */
export interface QueueMetrics {
  model: QueueModel;
  trafficErlangs: number;
  agents: number;
  /** False where Erlang C has agents <= traffic: the queue grows without bound. */
  stable: boolean;
  /** Probability that a caller has to wait (0 in Erlang B, where nobody waits). */
  pWait: number;
  serviceLevel: number;
  /** Mean wait of answered callers; Infinity when unstable. */
  asaSeconds: number;
  /** Share of agents' time spent handling calls. */
  occupancy: number;
}

export interface ErlangBMetrics extends QueueMetrics {
  model: 'erlang-b';
  /** Probability that a caller finds every agent busy and is lost. */
  pBlocked: number;
}

export interface ErlangCMetrics extends QueueMetrics {
  model: 'erlang-c';
}

export interface ErlangAMetrics extends QueueMetrics {
  model: 'erlang-a';
  pAbandon: number;
  /** Answered within t as a share of all offered calls (abandons count against it). */
  answeredWithinOfOffered: number;
}

export function trafficErlangs(load: Workload): number {
  return (load.calls * load.ahtSeconds) / load.intervalSeconds;
}

/** True where patience is finite, so the Erlang A model applies. */
export function hasPatience(load: Workload): load is Workload & { patienceSeconds: number } {
  return load.patienceSeconds !== undefined && Number.isFinite(load.patienceSeconds);
}

export const DEFAULT_SHORT_ABANDON_SECONDS = 5;

/** Rejects inputs the formulas are not defined for; callers validating user input throw UserError first. */
export function assertWorkload(load: Workload): void {
  const ok =
    load.calls >= 0 &&
    Number.isFinite(load.calls) &&
    load.intervalSeconds > 0 &&
    Number.isFinite(load.intervalSeconds) &&
    load.ahtSeconds > 0 &&
    Number.isFinite(load.ahtSeconds) &&
    (load.patienceSeconds === undefined || load.patienceSeconds > 0);
  if (!ok) throw new RangeError(`invalid workload ${JSON.stringify(load)}`);
}

export function assertAgents(agents: number): void {
  if (!Number.isInteger(agents) || agents < 0)
    throw new RangeError(`agents must be a whole number >= 0, got ${agents}`);
}
