import type { Workload } from '../erlang/types.js';
import type { CallbackOffer, ServiceTimes, SimModel } from './model.js';

/** One interval's workload run in steady state: the same rate and staffing for many intervals. */
export interface StationaryOptions {
  agents: number;
  answerWithinSeconds: number;
  shortAbandonSeconds?: number;
  service?: ServiceTimes;
  callback?: CallbackOffer;
  /** Intervals simulated per replication, the first `warmup` of them left out of the figures. */
  intervals?: number;
  warmup?: number;
}

export const STATIONARY_INTERVALS = 120;
export const STATIONARY_WARMUP = 10;

/**
 * A single queue at a constant rate with a constant number of agents: the M/M/n (Erlang C) or
 * M/M/n+M (Erlang A) model, simulated long enough that the figures of the intervals after the
 * warm-up estimate the stationary ones the formulas give.
 */
export function stationaryModel(
  load: Workload,
  options: StationaryOptions,
): { model: SimModel; from: number } {
  const intervals = options.intervals ?? STATIONARY_INTERVALS;
  return {
    model: {
      intervalSeconds: load.intervalSeconds,
      intervals,
      queues: [
        {
          name: 'queue',
          arrivals: new Float64Array(intervals).fill(load.calls),
          ahtSeconds: load.ahtSeconds,
          ...(load.patienceSeconds === undefined ? {} : { patienceSeconds: load.patienceSeconds }),
          answerWithinSeconds: options.answerWithinSeconds,
          ...(options.shortAbandonSeconds === undefined
            ? {}
            : { shortAbandonSeconds: options.shortAbandonSeconds }),
          ...(options.callback ? { callback: options.callback } : {}),
        },
      ],
      groups: [{ name: 'agents', agents: new Int32Array(intervals).fill(options.agents), skills: [0] }],
      service: options.service ?? { distribution: 'exponential' },
    },
    from: Math.min(options.warmup ?? STATIONARY_WARMUP, intervals - 1),
  };
}
