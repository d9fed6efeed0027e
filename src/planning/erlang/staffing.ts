import { erlangAFromInverse } from './erlang-a.js';
import { InverseErlangBTable, inverseErlangB, nextInverseErlangB } from './erlang-b.js';
import { erlangCFromInverse } from './erlang-c.js';
import {
  assertAgents,
  assertWorkload,
  type ErlangAMetrics,
  type ErlangCMetrics,
  hasPatience,
  type QueueMetrics,
  type Thresholds,
  trafficErlangs,
  type Workload,
} from './types.js';

/**
 * Every comparison against a target or cap allows this much floating-point slack, so a figure
 * exactly at its limit counts as meeting it: 2.1 Erlangs on 3 agents is occupancy 0.7000000000000001
 * in doubles, and it meets a 0.7 cap; 21 / (1 − 0.3) is 30.000000000000004 and schedules 30.
 */
export const TOLERANCE = 1e-9;

export interface StaffingTargets extends Thresholds {
  /** Minimum service level (answered within answerWithinSeconds), 0..1. */
  serviceLevel?: number;
  /** Maximum mean wait of answered callers. */
  maxAsaSeconds?: number;
  /** Maximum share of offered callers who abandon (Erlang A; Erlang C has none). */
  maxAbandon?: number;
  /** Maximum occupancy, 0..1; default 1. */
  maxOccupancy?: number;
}

/** What a queue with waiting reports: Erlang A with finite patience, Erlang C without. */
export type ModelMetrics = ErlangCMetrics | ErlangAMetrics;

export interface Staffing {
  /** The figures of the agents on the phones. */
  metrics: ModelMetrics;
  /** Agents to schedule so that metrics.agents remain after shrinkage. */
  scheduled: number;
}

export function meetsTargets(m: QueueMetrics | ErlangAMetrics, t: StaffingTargets): boolean {
  if (!m.stable) return false;
  if (t.serviceLevel !== undefined && m.serviceLevel < t.serviceLevel - TOLERANCE) return false;
  if (t.maxAsaSeconds !== undefined && m.asaSeconds > t.maxAsaSeconds + TOLERANCE) return false;
  if (t.maxAbandon !== undefined && 'pAbandon' in m && m.pAbandon > t.maxAbandon + TOLERANCE) return false;
  return m.occupancy <= (t.maxOccupancy ?? 1) + TOLERANCE;
}

/** Agents to schedule so that `agents` remain on the phones after shrinkage: ceil(agents / (1 − shrinkage)). */
export function scheduledAgents(agents: number, shrinkage: number): number {
  if (!(shrinkage >= 0 && shrinkage < 1))
    throw new RangeError(`shrinkage must be in [0, 1), got ${shrinkage}`);
  return Math.max(0, Math.ceil(agents / (1 - shrinkage) - TOLERANCE));
}

/** The largest count a search tries before it declares the targets unreachable (far beyond any sane answer). */
function searchCap(traffic: number, targets: StaffingTargets): number {
  const occupancyBound = Math.ceil(traffic / (targets.maxOccupancy ?? 1));
  return occupancyBound + 2 * Math.ceil(traffic) + 100 * Math.ceil(Math.sqrt(traffic) + 1) + 100;
}

function unreachable(cap: number, targets: StaffingTargets): never {
  throw new RangeError(`no staffing up to ${cap} agents meets ${JSON.stringify(targets)}`);
}

const within = (value: number | undefined, low: number, high: number) =>
  value === undefined || (value >= low && value <= high);

function assertTargets(t: StaffingTargets): void {
  const ok =
    t.answerWithinSeconds >= 0 &&
    within(t.serviceLevel, 0, 1) &&
    within(t.maxAsaSeconds, 0, Number.POSITIVE_INFINITY) &&
    within(t.maxAbandon, 0, 1) &&
    within(t.maxOccupancy, Number.MIN_VALUE, 1) &&
    within(t.shortAbandonSeconds, 0, Number.POSITIVE_INFINITY);
  if (!ok) throw new RangeError(`invalid staffing targets ${JSON.stringify(t)}`);
}

/** The metrics of a given staffing: Erlang A with finite patience, Erlang C without. */
export function evaluateStaffing(load: Workload, agents: number, thresholds: Thresholds): ModelMetrics {
  assertWorkload(load);
  assertAgents(agents);
  const traffic = trafficErlangs(load);
  const inverse = inverseErlangB(agents, traffic);
  return hasPatience(load)
    ? erlangAFromInverse(agents, traffic, inverse, load, thresholds)
    : erlangCFromInverse(agents, traffic, inverse, load.ahtSeconds, thresholds.answerWithinSeconds);
}

/**
 * Erlang C: the smallest n with every target met. It starts at the first count that is both stable
 * (n > a) and within the occupancy cap (occupancy a/n falls as n grows), then walks up one agent at
 * a time, each step one multiply-add for Erlang B and one exp for the service level.
 */
export function staffErlangC(load: Workload, targets: StaffingTargets): ErlangCMetrics {
  assertWorkload(load);
  assertTargets(targets);
  const traffic = trafficErlangs(load);
  const { ahtSeconds } = load;
  const t = targets.answerWithinSeconds;
  if (traffic === 0) return erlangCFromInverse(0, 0, 1, ahtSeconds, t);
  const occupancyFloor = Math.floor(traffic / ((targets.maxOccupancy ?? 1) + TOLERANCE));
  const cap = searchCap(traffic, targets);
  let n = Math.max(Math.floor(traffic) + 1, occupancyFloor);
  let inverse = inverseErlangB(n, traffic);
  for (; n <= cap; n++) {
    const metrics = erlangCFromInverse(n, traffic, inverse, ahtSeconds, t);
    if (meetsTargets(metrics, targets)) return metrics;
    inverse = nextInverseErlangB(inverse, n + 1, traffic);
  }
  return unreachable(cap, targets);
}

/**
 * Erlang A: abandonment relieves the queue, so the answer may lie below the traffic and the search
 * cannot start there. Every target is monotone in n (more agents: higher service level, lower ASA,
 * abandonment and occupancy; tested), so it gallops up from the traffic until a count passes and
 * then bisects between the last failure (or one agent) and the first pass. Erlang B comes from a
 * table extended one multiply-add per agent; each probe adds one evaluation of the waiting series.
 */
export function staffErlangA(
  load: Workload & { patienceSeconds: number },
  targets: StaffingTargets,
): ErlangAMetrics {
  assertWorkload(load);
  assertTargets(targets);
  const traffic = trafficErlangs(load);
  const table = new InverseErlangBTable(traffic);
  const evaluate = (n: number) => erlangAFromInverse(n, traffic, table.at(n), load, targets);
  if (traffic === 0) return evaluate(0);
  const cap = searchCap(traffic, targets);
  // Calls need at least one agent: zero agents answer nobody, at an occupancy of zero.
  let failed = 0;
  let passed = Math.max(1, Math.ceil(traffic));
  let best = evaluate(passed);
  for (let step = Math.max(1, Math.ceil(Math.sqrt(traffic))); !meetsTargets(best, targets); step *= 2) {
    failed = passed;
    passed += step;
    if (passed > cap) unreachable(cap, targets);
    best = evaluate(passed);
  }
  while (passed - failed > 1) {
    const middle = Math.floor((failed + passed) / 2);
    const metrics = evaluate(middle);
    if (meetsTargets(metrics, targets)) {
      passed = middle;
      best = metrics;
    } else {
      failed = middle;
    }
  }
  return best;
}

/**
 * The smallest staffing of at least `atLeast` agents meeting the targets, walking up one agent at a
 * time: for a plan whose intervals are staffed in order of rising calls, the count the previous
 * interval needed is a lower bound (every target is monotone in the calls and in the agents), so most
 * intervals take one or two evaluations instead of a search. Erlang B comes from one table per
 * interval, extended one multiply-add per agent.
 */
export function staffAtLeast(load: Workload, targets: StaffingTargets, atLeast: number): ModelMetrics {
  assertWorkload(load);
  const traffic = trafficErlangs(load);
  if (traffic === 0 || atLeast <= 0)
    return hasPatience(load) ? staffErlangA(load, targets) : staffErlangC(load, targets);
  const table = new InverseErlangBTable(traffic);
  const cap = searchCap(traffic, targets);
  const patient = hasPatience(load);
  // Erlang C is unstable up to the traffic: no count there can pass.
  for (let n = patient ? atLeast : Math.max(atLeast, Math.floor(traffic) + 1); n <= cap; n++) {
    const metrics = patient
      ? erlangAFromInverse(n, traffic, table.at(n), load as Workload & { patienceSeconds: number }, targets)
      : erlangCFromInverse(n, traffic, table.at(n), load.ahtSeconds, targets.answerWithinSeconds);
    if (meetsTargets(metrics, targets)) return metrics;
  }
  return unreachable(cap, targets);
}

/** The smallest staffing meeting the targets (Erlang A with finite patience, else Erlang C), plus scheduled agents. */
export function staff(load: Workload, targets: StaffingTargets, shrinkage = 0): Staffing {
  const metrics = hasPatience(load) ? staffErlangA(load, targets) : staffErlangC(load, targets);
  return { metrics, scheduled: scheduledAgents(metrics.agents, shrinkage) };
}
