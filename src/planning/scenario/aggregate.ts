import { scheduledAgents } from '../erlang/staffing.js';
import { type ClassGrid, classWeights } from './grid.js';
import type { SegmentResult } from './staffing-results.js';

/** Additive model figures of a channel over some intervals; every figure is a ratio of these. */
export interface ModelSums {
  /** Offered contacts. */
  calls: number;
  /** Σ calls × service level, × P(abandon), × callback share; Σ answered × ASA. */
  serviceLevel: number;
  abandoned: number;
  callbacks: number;
  answered: number;
  waitSeconds: number;
  /** Agent hours on the phones and paid (scheduled) agent hours; busy hours. */
  agentHours: number;
  scheduledHours: number;
  busyHours: number;
}

const FIELDS = [
  'calls',
  'serviceLevel',
  'abandoned',
  'callbacks',
  'answered',
  'waitSeconds',
  'agentHours',
  'scheduledHours',
  'busyHours',
] as const satisfies readonly (keyof ModelSums)[];
const F = FIELDS.length;

export const emptySums = (): ModelSums => sumsAt(new Float64Array(F), 0);

function sumsAt(array: Float64Array, offset: number): ModelSums {
  const sums = {} as ModelSums;
  FIELDS.forEach((f, i) => {
    sums[f] = array[offset + i] as number;
  });
  return sums;
}

export function addSums(into: ModelSums, from: ModelSums): void {
  for (const key of FIELDS) into[key] += from[key];
}

/**
 * The model per channel: its months (for cost), the range, and each class of the grid (one date's
 * worth, for the quality checks), with its agents per staffed interval.
 */
export interface ChannelModel {
  channel: string;
  months: ModelSums[];
  total: ModelSums;
  /** grid.size × the ModelSums fields, one date's worth per class; see classSums. */
  classes: Float64Array;
  agentsPerInterval: { mean: number; peak: number } | null;
}

export function classSums(model: ChannelModel, k: number): ModelSums {
  return sumsAt(model.classes, k * F);
}

/** One queue's share of its channel's model: computed once per staffing and shrinkage. */
interface Contribution {
  id: number;
  months: Float64Array;
  classes: Float64Array;
  /** Agents per class (one date's worth), for the channel's mean and peak. */
  agents: Float64Array;
}

const contributions = new WeakMap<SegmentResult, Map<number, Contribution>>();
let nextId = 1;
/** Channel models by their contributions: scenarios that staff a channel alike share its model. */
const models = new WeakMap<ClassGrid, Map<string, ChannelModel>>();

function contribution(
  grid: ClassGrid,
  r: SegmentResult,
  shrinkage: number,
  weights: Float64Array,
): Contribution {
  const cached = contributions.get(r)?.get(shrinkage);
  if (cached) return cached;
  const hours = grid.intervalSeconds / 3600;
  const perMonth = 7 * grid.slotsPerDay;
  const months = new Float64Array(grid.months.length * F);
  const classes = new Float64Array(grid.size * F);
  const agents = new Float64Array(grid.size);
  for (let k = 0; k < grid.size; k++) {
    const calls = r.calls[k] as number;
    if (calls === 0 || (weights[k] as number) === 0) continue;
    const n = r.agents[k] as number;
    const pAbandon = r.pAbandon[k] as number;
    const answered = calls * (1 - pAbandon - (r.callbackShare[k] as number));
    const scheduled = r.model === 'workload' ? n / (1 - shrinkage) : scheduledAgents(n, shrinkage);
    const at = k * F;
    classes[at] = calls;
    classes[at + 1] = calls * (r.serviceLevel[k] as number);
    classes[at + 2] = calls * pAbandon;
    classes[at + 3] = calls * (r.callbackShare[k] as number);
    classes[at + 4] = answered;
    classes[at + 5] = answered * (r.asaSeconds[k] as number);
    classes[at + 6] = n * hours;
    classes[at + 7] = scheduled * hours;
    classes[at + 8] = n * (r.occupancy[k] as number) * hours;
    agents[k] = n;
    const times = weights[k] as number;
    const m = Math.floor(k / perMonth) * F;
    for (let f = 0; f < F; f++)
      months[m + f] = (months[m + f] as number) + (classes[at + f] as number) * times;
  }
  const result = { id: nextId++, months, classes, agents };
  const byShrinkage = contributions.get(r) ?? new Map<number, Contribution>();
  byShrinkage.set(shrinkage, result);
  contributions.set(r, byShrinkage);
  return result;
}

/** The staffing model per channel: the sums of its queues' contributions. */
export function channelModels(
  grid: ClassGrid,
  results: readonly SegmentResult[],
  shrinkageOf: (channel: string) => number,
): Map<string, ChannelModel> {
  const weights = classWeights(grid);
  const byChannel = new Map<string, Contribution[]>();
  for (const r of results) {
    byChannel.set(r.channel, [
      ...(byChannel.get(r.channel) ?? []),
      contribution(grid, r, shrinkageOf(r.channel), weights),
    ]);
  }
  const known = models.get(grid) ?? new Map<string, ChannelModel>();
  models.set(grid, known);
  const result = new Map<string, ChannelModel>();
  for (const [channel, parts] of byChannel) {
    const key = `${channel}|${parts.map((p) => p.id).join(',')}`;
    const cached = known.get(key);
    if (cached) {
      result.set(channel, cached);
      continue;
    }
    const months = new Float64Array(grid.months.length * F);
    for (const p of parts)
      for (let i = 0; i < months.length; i++) months[i] = (months[i] as number) + (p.months[i] as number);
    const monthSums = grid.months.map((_, m) => sumsAt(months, m * F));
    const total = emptySums();
    for (const m of monthSums) addSums(total, m);
    const model = lazyModel(channel, monthSums, total, parts, weights);
    known.set(key, model);
    result.set(channel, model);
  }
  return result;
}

/**
 * A channel model whose per-class sums and agent figures are added up on first use: a bridge or an
 * optimiser evaluates thousands of scenarios and needs only their months.
 */
function lazyModel(
  channel: string,
  months: ModelSums[],
  total: ModelSums,
  parts: readonly Contribution[],
  weights: Float64Array,
): ChannelModel {
  let classes: Float64Array | undefined;
  let agents: ChannelModel['agentsPerInterval'] | undefined;
  const sum = (pick: (c: Contribution) => Float64Array) => {
    const out = new Float64Array(pick(parts[0] as Contribution).length);
    for (const p of parts) {
      const from = pick(p);
      for (let i = 0; i < out.length; i++) out[i] = (out[i] as number) + (from[i] as number);
    }
    return out;
  };
  return {
    channel,
    months,
    total,
    get classes() {
      classes ??= sum((c) => c.classes);
      return classes;
    },
    get agentsPerInterval() {
      if (agents === undefined)
        agents = agentsOf(
          this.classes,
          sum((c) => c.agents),
          weights,
        );
      return agents;
    },
  };
}

/** Agents on the phones per staffed interval over the range: the mean over dates, and the peak. */
function agentsOf(
  classes: Float64Array,
  agents: Float64Array,
  weights: Float64Array,
): ChannelModel['agentsPerInterval'] {
  let peak = 0;
  let sum = 0;
  let intervals = 0;
  for (let k = 0; k < agents.length; k++) {
    if ((classes[k * F] as number) === 0) continue;
    const n = agents[k] as number;
    const times = weights[k] as number;
    peak = Math.max(peak, n);
    sum += n * times;
    intervals += times;
  }
  return intervals > 0 ? { mean: Number((sum / intervals).toFixed(1)), peak: Number(peak.toFixed(1)) } : null;
}

const ratio = (a: number, b: number) => (b > 0 ? a / b : undefined);

/** The figures of some sums: service level and abandonment as shares of offered, ASA of answered. */
export function modelFigures(s: ModelSums) {
  return {
    serviceLevel: ratio(s.serviceLevel, s.calls),
    abandonRate: ratio(s.abandoned, s.calls),
    callbackShare: ratio(s.callbacks, s.calls),
    asaSeconds: ratio(s.waitSeconds, s.answered),
    occupancy: ratio(s.busyHours, s.agentHours),
  };
}
