import type { QueueModel } from '../erlang/types.js';

/**
 * How a queue was staffed: Erlang C or A per interval, by simulation (callbacks, pools), or to its
 * workload (deferrable work such as email: traffic ÷ maximum occupancy, fractional agents).
 */
export type StaffingModel = QueueModel | 'simulation' | 'workload';

/** A staffed queue, class by class: agents on the phones and what the model says they achieve. */
export interface SegmentResult {
  id: string;
  channel: string;
  queue: string | null;
  model: StaffingModel;
  calls: Float64Array;
  /** Agents on the phones; whole numbers except for workload staffing. */
  agents: Float64Array;
  serviceLevel: Float64Array;
  asaSeconds: Float64Array;
  pAbandon: Float64Array;
  /** Callers who took a callback ÷ offered. */
  callbackShare: Float64Array;
  occupancy: Float64Array;
}

export function emptyResult(id: string, channel: string, queue: string | null, size: number): SegmentResult {
  return {
    id,
    channel,
    queue,
    model: 'erlang-c',
    calls: new Float64Array(size),
    agents: new Float64Array(size),
    serviceLevel: new Float64Array(size).fill(1),
    asaSeconds: new Float64Array(size),
    pAbandon: new Float64Array(size),
    callbackShare: new Float64Array(size),
    occupancy: new Float64Array(size),
  };
}
