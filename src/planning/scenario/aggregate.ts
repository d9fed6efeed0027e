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

export const emptySums = (): ModelSums => ({
  calls: 0,
  serviceLevel: 0,
  abandoned: 0,
  callbacks: 0,
  answered: 0,
  waitSeconds: 0,
  agentHours: 0,
  scheduledHours: 0,
  busyHours: 0,
});

function addClass(
  into: ModelSums,
  r: SegmentResult,
  k: number,
  times: number,
  hours: number,
  shrinkage: number,
): void {
  const calls = (r.calls[k] as number) * times;
  const agents = r.agents[k] as number;
  const answered = calls * (1 - (r.pAbandon[k] as number) - (r.callbackShare[k] as number));
  into.calls += calls;
  into.serviceLevel += calls * (r.serviceLevel[k] as number);
  into.abandoned += calls * (r.pAbandon[k] as number);
  into.callbacks += calls * (r.callbackShare[k] as number);
  into.answered += answered;
  into.waitSeconds += answered * (r.asaSeconds[k] as number);
  into.agentHours += agents * hours * times;
  const scheduled = r.model === 'workload' ? agents / (1 - shrinkage) : scheduledAgents(agents, shrinkage);
  into.scheduledHours += scheduled * hours * times;
  into.busyHours += agents * (r.occupancy[k] as number) * hours * times;
}

/** The model per channel: its months (for cost), and each class and day (for the quality checks). */
export interface ChannelModel {
  channel: string;
  months: ModelSums[];
  total: ModelSums;
  /** Per class of the grid, one date's worth. */
  classes: ModelSums[];
}

export function channelModels(
  grid: ClassGrid,
  results: readonly SegmentResult[],
  shrinkageOf: (channel: string) => number,
): Map<string, ChannelModel> {
  const weights = classWeights(grid);
  const hours = grid.intervalSeconds / 3600;
  const perMonth = 7 * grid.slotsPerDay;
  const models = new Map<string, ChannelModel>();
  for (const r of results) {
    let model = models.get(r.channel);
    if (!model) {
      model = {
        channel: r.channel,
        months: grid.months.map(emptySums),
        total: emptySums(),
        classes: Array.from({ length: grid.size }, emptySums),
      };
      models.set(r.channel, model);
    }
    const shrinkage = shrinkageOf(r.channel);
    for (let k = 0; k < grid.size; k++) {
      const times = weights[k] as number;
      if (times === 0 || (r.calls[k] as number) === 0) continue;
      addClass(model.months[Math.floor(k / perMonth)] as ModelSums, r, k, times, hours, shrinkage);
      addClass(model.total, r, k, times, hours, shrinkage);
      addClass(model.classes[k] as ModelSums, r, k, 1, hours, shrinkage);
    }
  }
  return models;
}

export function addSums(into: ModelSums, from: ModelSums): void {
  for (const key of Object.keys(into) as (keyof ModelSums)[]) into[key] += from[key];
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
