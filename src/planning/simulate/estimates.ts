import type { ServiceLevelFormula } from '../erlang/types.js';
import { simulateOnce } from './engine.js';
import {
  GF,
  GROUP_FIELDS,
  QF,
  QUEUE_FIELDS,
  type QueueField,
  type SimCounts,
  type SimModel,
} from './model.js';

/** Independent replications of one model: replication r draws from streams (seed, r, queue). */
export interface SimulationRun {
  model: SimModel;
  seed: number;
  replications: SimCounts[];
}

export function simulate(model: SimModel, options: { seed: number; replications: number }): SimulationRun {
  assertModel(model);
  const replications: SimCounts[] = [];
  for (let r = 0; r < options.replications; r++) replications.push(simulateOnce(model, options.seed, r));
  return { model, seed: options.seed, replications };
}

function assertModel(m: SimModel): void {
  const ok =
    m.intervalSeconds > 0 &&
    Number.isInteger(m.intervals) &&
    m.intervals > 0 &&
    m.queues.every(
      (q) =>
        q.ahtSeconds > 0 &&
        (q.patienceSeconds === undefined || q.patienceSeconds > 0) &&
        q.arrivals.length >= m.intervals &&
        Array.prototype.every.call(q.arrivals, (a: number) => a >= 0 && Number.isFinite(a)),
    ) &&
    m.groups.every(
      (g) =>
        g.agents.length >= m.intervals &&
        g.skills.length > 0 &&
        g.skills.every((s) => s >= 0 && s < m.queues.length) &&
        Array.prototype.every.call(g.agents, (a: number) => Number.isInteger(a) && a >= 0),
    ) &&
    (m.service.distribution === 'exponential' || (m.service.cv ?? 0) > 0);
  if (!ok) throw new RangeError('invalid simulation model');
}

/** A mean over replications with its 95 % confidence half-width (Student t); null where undefined. */
export interface Estimate {
  mean: number | null;
  /** Null with one replication, or where some replication has no value. */
  halfWidth: number | null;
}

/** Which part of a run a figure covers: queues and a range of intervals [from, to). */
export interface Selection {
  queues?: readonly number[];
  groups?: readonly number[];
  from?: number;
  to?: number;
}

export type Totals = Record<QueueField, number> & { agentSeconds: number; busySeconds: number };

/** One replication's counts summed over a selection. */
export function totalsOf(run: SimulationRun, replication: number, selection: Selection = {}): Totals {
  const { model } = run;
  const counts = run.replications[replication] as SimCounts;
  const from = selection.from ?? 0;
  const to = selection.to ?? model.intervals;
  const totals = Object.fromEntries(QUEUE_FIELDS.map((f) => [f, 0])) as Totals;
  totals.agentSeconds = 0;
  totals.busySeconds = 0;
  const queues = selection.queues ?? model.queues.map((_, i) => i);
  for (const q of queues) {
    for (let i = from; i < to; i++) {
      const base = (q * model.intervals + i) * QUEUE_FIELDS.length;
      QUEUE_FIELDS.forEach((f, k) => {
        totals[f] += counts.queues[base + k] as number;
      });
    }
  }
  const groups = selection.groups ?? model.groups.map((_, i) => i);
  for (const g of groups) {
    for (let i = from; i < to; i++) {
      const base = (g * model.intervals + i) * GROUP_FIELDS.length;
      totals.agentSeconds += counts.groups[base + GF.agentSeconds] as number;
      totals.busySeconds += counts.groups[base + GF.busySeconds] as number;
    }
  }
  return totals;
}

/** The service level of DESIGN appendix A from counts (A answered, B abandoned, t and s thresholds). */
export function serviceLevelOfCounts(t: Totals, formula: ServiceLevelFormula): number | null {
  const ratio = (a: number, b: number) => (b > 0 ? a / b : null);
  const A = t.answered;
  const B = t.abandoned;
  switch (formula) {
    case 'short_abandons_excluded':
      return ratio(t.answeredWithin, A + B - t.abandonedShort);
    case 'abandons_against':
      return ratio(t.answeredWithin, A + B);
    case 'answered_only':
      return ratio(t.answeredWithin, A);
    case 'early_abandons_good':
      return ratio(t.answeredWithin + t.abandonedWithin, A + B);
    case 'early_abandons_ignored':
      return ratio(t.answeredWithin, A + B - t.abandonedWithin);
  }
}

/** The figures a simulation reports for a selection, each with its confidence half-width. */
export interface SimFigures {
  offered: Estimate;
  serviceLevel: Estimate;
  /** Answered within t as a share of all offered callers. */
  answeredWithinOfOffered: Estimate;
  pWait: Estimate;
  asaSeconds: Estimate;
  /** Abandoned ÷ offered (Erlang A's P(abandon)). */
  pAbandon: Estimate;
  occupancy: Estimate;
  /** Callers who took a callback ÷ offered. */
  callbackShare: Estimate;
  /** Callbacks made within the promised window ÷ callbacks taken. */
  callbacksWithin: Estimate;
}

export function figuresOf(
  run: SimulationRun,
  formula: ServiceLevelFormula,
  selection: Selection = {},
): SimFigures {
  const totals = run.replications.map((_, r) => totalsOf(run, r, selection));
  const per = (f: (t: Totals) => number | null) => estimate(totals.map(f));
  const share = (a: number, b: number) => (b > 0 ? a / b : null);
  return {
    offered: per((t) => t.offered),
    serviceLevel: per((t) => serviceLevelOfCounts(t, formula)),
    answeredWithinOfOffered: per((t) => share(t.answeredWithin, t.offered)),
    pWait: per((t) => share(t.queued, t.offered)),
    asaSeconds: per((t) => share(t.waitAnsweredSeconds, t.answered)),
    pAbandon: per((t) => share(t.abandoned + t.unserved, t.offered)),
    occupancy: per((t) => share(t.busySeconds, t.agentSeconds)),
    callbackShare: per((t) => share(t.callbacks, t.offered)),
    callbacksWithin: per((t) => share(t.callbacksWithin, t.callbacks)),
  };
}

/** Two-sided 97.5 % quantiles of Student's t for 1 … 30 degrees of freedom. */
const T_975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131,
  2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

/** t(0.975, df): the table up to 30, then 1.96 + 2.4/df (within 0.002 of the exact value). */
export function tQuantile(df: number): number {
  return df <= 30 ? (T_975[df - 1] as number) : 1.96 + 2.4 / df;
}

/** Mean and 95 % half-width of per-replication values. */
export function estimate(values: readonly (number | null)[]): Estimate {
  const known = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (known.length === 0) return { mean: null, halfWidth: null };
  const mean = known.reduce((a, b) => a + b, 0) / known.length;
  if (known.length < 2 || known.length < values.length) return { mean, halfWidth: null };
  const variance = known.reduce((a, b) => a + (b - mean) ** 2, 0) / (known.length - 1);
  return { mean, halfWidth: tQuantile(known.length - 1) * Math.sqrt(variance / known.length) };
}

export { QF };
