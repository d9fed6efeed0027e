import { staffAtLeast } from '../erlang/staffing.js';
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
  // In order of rising calls, each interval's count is a lower bound for the next (staffAtLeast).
  const order = Array.from(plan.calls.keys())
    .filter((k) => (plan.calls[k] as number) > 0)
    .sort((a, b) => (plan.calls[a] as number) - (plan.calls[b] as number));
  result.calls.set(plan.calls);
  let floor = 1;
  for (const k of order) {
    const calls = plan.calls[k] as number;
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
    const m = staffAtLeast(load, plan.targets, floor);
    floor = m.agents;
    result.agents[k] = m.agents;
    result.serviceLevel[k] = m.serviceLevel;
    result.asaSeconds[k] = Number.isFinite(m.asaSeconds) ? m.asaSeconds : 0;
    result.pAbandon[k] = m.model === 'erlang-a' ? m.pAbandon : 0;
    result.occupancy[k] = m.occupancy;
  }
  return result;
}
