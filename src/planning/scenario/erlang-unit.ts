import { staff } from '../erlang/staffing.js';
import { emptyResult, type SegmentResult } from './staffing-results.js';
import type { SegmentPlan } from './units.js';

/** Work answered within a threshold of at least an interval can wait for a later interval. */
export const isDeferrable = (plan: SegmentPlan, intervalSeconds: number) =>
  plan.targets.answerWithinSeconds >= intervalSeconds;

/**
 * A queue staffed by Erlang C (no patience) or Erlang A, class by class: the smallest count meeting
 * the service-level target within the occupancy cap, on the occupied time AHT ÷ concurrency.
 * Deferrable work (a threshold of an interval or more: email within a day, social within an hour) is
 * staffed to its workload instead: traffic ÷ maximum occupancy agents, fractional, all answered in
 * time; per-interval Erlang would round a trickle of e-mails up to a whole agent around the clock.
 */
export function staffByErlang(plan: SegmentPlan, intervalSeconds: number): SegmentResult {
  const size = plan.calls.length;
  const result = emptyResult(plan.id, plan.channel, plan.queue, size);
  const ahtSeconds = plan.ahtSeconds / plan.concurrency;
  const deferrable = isDeferrable(plan, intervalSeconds);
  result.model = deferrable ? 'workload' : plan.patienceSeconds === undefined ? 'erlang-c' : 'erlang-a';
  for (let k = 0; k < size; k++) {
    const calls = plan.calls[k] as number;
    result.calls[k] = calls;
    if (calls <= 0) continue;
    if (deferrable) {
      const occupancy = plan.targets.maxOccupancy ?? 1;
      result.agents[k] = (calls * ahtSeconds) / intervalSeconds / occupancy;
      result.occupancy[k] = occupancy;
      continue;
    }
    const load = {
      calls,
      intervalSeconds,
      ahtSeconds,
      ...(plan.patienceSeconds === undefined ? {} : { patienceSeconds: plan.patienceSeconds }),
    };
    const m = staff(load, plan.targets).metrics;
    result.agents[k] = m.agents;
    result.serviceLevel[k] = m.serviceLevel;
    result.asaSeconds[k] = Number.isFinite(m.asaSeconds) ? m.asaSeconds : 0;
    result.pAbandon[k] = m.model === 'erlang-a' ? m.pAbandon : 0;
    result.occupancy[k] = m.occupancy;
  }
  return result;
}
