import { TOLERANCE } from '../erlang/staffing.js';
import { type SimulationRun, serviceLevelOfCounts, simulate } from '../simulate/estimates.js';
import {
  GF,
  GROUP_FIELDS,
  QF,
  QUEUE_FIELDS,
  type ServiceTimes,
  type SimGroup,
  type SimModel,
} from '../simulate/model.js';
import type { ClassGrid } from './grid.js';
import type { SegmentResult } from './staffing-results.js';
import { simQueueOf, type UnitPlan } from './units.js';

export interface SimulationSettings {
  replications: number;
  seed: number;
  service?: ServiceTimes;
}

/** Rounds of the search; each simulates the whole unit once. */
const MAX_ROUNDS = 6;
/** How many agents above the Erlang staffing a class may need (callbacks add work). */
const MAX_ADDED = 3;

/** Per class and queue: counts summed over the replications (pooled, so small classes are judged on all of them). */
interface Pooled {
  queue: (q: number, k: number, field: number) => number;
  occupancy: (q: number, k: number) => number | null;
}

/**
 * Staffs queues the closed forms cannot: with a callback offer, or pooled with skills routing. It
 * starts from Erlang's staffing of each class (Wallace & Whitt's algorithm also starts from the
 * pooled Erlang model), simulates the unit, and walks each class down one agent per round while every
 * queue meets its service-level target, the occupancy cap and the callback window, and back up where
 * it fails, keeping the fewest agents that passed. Every round runs the same seed, so a class's
 * callers are the same in all rounds (common random numbers) and the comparison is fair.
 *
 * A pool has, per queue, specialists and cross-skilled agents (`crossSkilledShare` of its Erlang
 * count, who also take the other pool queues at `crossSkillAhtFactor` times the handle time); a round
 * removes cross-skilled agents, from the queue with the most. The figures reported are Erlang's for
 * the same inputs plus the simulated effect (this staffing with the lever minus Erlang's staffing
 * without it, both simulated), so they stay comparable with the Erlang figures of other queues.
 */
export function staffBySimulation(
  unit: UnitPlan,
  grid: ClassGrid,
  erlang: readonly SegmentResult[],
  settings: SimulationSettings,
): SegmentResult[] {
  const size = grid.size;
  const reference = pooledCounts(
    runWith(unit, grid, erlang, settings, { lever: false, reduction: new Int32Array(size) }),
  );
  const reduction = new Int32Array(size);
  const best = new Int32Array(size).fill(-MAX_ADDED - 1);
  const settled = new Uint8Array(size);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const pooled = pooledCounts(runWith(unit, grid, erlang, settings, { lever: true, reduction }));
    let changed = false;
    for (let k = 0; k < size; k++) {
      const total = erlang.reduce((sum, s) => sum + (s.agents[k] as number), 0);
      if (total === 0) continue;
      const r = reduction[k] as number;
      if (meets(unit, pooled, reference, k)) {
        best[k] = Math.max(best[k] as number, r);
        if (!settled[k] && total - r > 1) {
          reduction[k] = r + 1;
          changed = true;
        }
      } else {
        settled[k] = 1;
        const back = (best[k] as number) >= -MAX_ADDED ? (best[k] as number) : Math.max(-MAX_ADDED, r - 1);
        if (back !== r) {
          reduction[k] = back;
          changed = true;
        }
      }
    }
    if (!changed) break;
  }
  for (let k = 0; k < size; k++) reduction[k] = Math.max(-MAX_ADDED, best[k] as number);
  const finalRun = runWith(unit, grid, erlang, settings, { lever: true, reduction });
  const pooled = pooledCounts(finalRun);
  const agents = groupAgents(unit, erlang, reduction, true);
  return erlang.map((e, i) => {
    const result: SegmentResult = {
      ...e,
      model: 'simulation',
      agents: new Float64Array(size),
      serviceLevel: new Float64Array(size),
      asaSeconds: new Float64Array(size),
      pAbandon: new Float64Array(size),
      callbackShare: new Float64Array(size),
      occupancy: new Float64Array(size),
    };
    for (let k = 0; k < size; k++) {
      result.agents[k] = agents.reduce((sum, g) => sum + (g.primary === i ? (g.agents[k] as number) : 0), 0);
      const shift = (figure: (p: Pooled) => number | null, exact: number, low = 0, high = 1) => {
        const now = figure(pooled);
        const then = figure(reference);
        return now === null || then === null ? exact : Math.min(high, Math.max(low, exact + now - then));
      };
      result.serviceLevel[k] = shift((p) => serviceLevelAt(unit, p, i, k), e.serviceLevel[k] as number);
      result.pAbandon[k] = shift((p) => share(p, i, k, QF.abandoned), e.pAbandon[k] as number);
      result.callbackShare[k] = shift((p) => share(p, i, k, QF.callbacks), 0);
      result.asaSeconds[k] = shift(
        (p) => ratio(p.queue(i, k, QF.waitAnsweredSeconds), p.queue(i, k, QF.answered)),
        e.asaSeconds[k] as number,
        0,
        Number.POSITIVE_INFINITY,
      );
      result.occupancy[k] = shift((p) => p.occupancy(i, k), e.occupancy[k] as number);
    }
    return result;
  });
}

const ratio = (a: number, b: number) => (b > 0 ? a / b : null);
const share = (p: Pooled, q: number, k: number, field: number) =>
  ratio(p.queue(q, k, field), p.queue(q, k, QF.offered));

function serviceLevelAt(unit: UnitPlan, p: Pooled, q: number, k: number): number | null {
  const totals = Object.fromEntries(QUEUE_FIELDS.map((f, i) => [f, p.queue(q, k, i)])) as Parameters<
    typeof serviceLevelOfCounts
  >[0];
  return serviceLevelOfCounts(totals, unit.segments[q]?.targets.formula ?? 'short_abandons_excluded');
}

/**
 * Every queue of the unit meets its target, the occupancy cap and the callback window in class k,
 * and abandons no more callers than Erlang's staffing without the lever does.
 */
function meets(unit: UnitPlan, p: Pooled, reference: Pooled, k: number): boolean {
  return unit.segments.every((s, q) => {
    const sl = serviceLevelAt(unit, p, q, k);
    if (sl !== null && sl < (s.targets.serviceLevel ?? 0) - TOLERANCE) return false;
    const abandoned = share(p, q, k, QF.abandoned);
    const before = share(reference, q, k, QF.abandoned);
    if (abandoned !== null && before !== null && abandoned > before + TOLERANCE) return false;
    const occupancy = p.occupancy(q, k);
    if (occupancy !== null && occupancy > (s.targets.maxOccupancy ?? 1) + TOLERANCE) return false;
    const within = ratio(p.queue(q, k, QF.callbacksWithin), p.queue(q, k, QF.callbacks));
    return within === null || within >= (unit.callback?.withinShare ?? 0) - TOLERANCE;
  });
}

interface PlannedGroup {
  primary: number;
  skills: number[];
  factor: number;
  agents: Int32Array;
}

/**
 * The unit's groups for a reduction per class: one group per queue, or in a pool specialists and
 * cross-skilled agents per queue, the reduction taken from the cross-skilled groups with the most.
 */
function groupAgents(
  unit: UnitPlan,
  erlang: readonly SegmentResult[],
  reduction: Int32Array,
  lever: boolean,
): PlannedGroup[] {
  const size = reduction.length;
  const n = unit.segments.length;
  if (!unit.pool || !lever) {
    return erlang.map((e, q) => {
      const agents = new Int32Array(size);
      for (let k = 0; k < size; k++)
        agents[k] = Math.max(0, (e.agents[k] as number) - (n === 1 ? (reduction[k] as number) : 0));
      return { primary: q, skills: [q], factor: 1, agents };
    });
  }
  const all = unit.segments.map((_, q) => q);
  const { crossSkilledShare, crossSkillAhtFactor } = unit.pool;
  const specialists = erlang.map(() => new Int32Array(size));
  const cross = erlang.map(() => new Int32Array(size));
  for (let k = 0; k < size; k++) {
    erlang.forEach((e, q) => {
      const count = e.agents[k] as number;
      const flexible = Math.round(count * crossSkilledShare);
      (specialists[q] as Int32Array)[k] = count - flexible;
      (cross[q] as Int32Array)[k] = flexible;
    });
    let left = reduction[k] as number;
    // Fewer agents come out of the largest cross-skilled group; more go into it.
    while (left !== 0) {
      const q = pickGroup(cross, k, left > 0);
      if (q < 0) break;
      const group = cross[q] as Int32Array;
      group[k] = (group[k] as number) - Math.sign(left);
      left -= Math.sign(left);
    }
  }
  return [
    ...specialists.map((agents, q) => ({ primary: q, skills: [q], factor: 1, agents })),
    ...cross.map((agents, q) => ({
      primary: q,
      skills: [q, ...all.filter((o) => o !== q)],
      factor: crossSkillAhtFactor,
      agents,
    })),
  ];
}

function pickGroup(groups: readonly Int32Array[], k: number, removing: boolean): number {
  let best = -1;
  let most = removing ? 0 : -1;
  groups.forEach((g, q) => {
    const value = g[k] as number;
    if (value > most) {
      most = value;
      best = q;
    }
  });
  return best;
}

function runWith(
  unit: UnitPlan,
  grid: ClassGrid,
  erlang: readonly SegmentResult[],
  settings: SimulationSettings,
  options: { lever: boolean; reduction: Int32Array },
): { run: SimulationRun; groups: PlannedGroup[] } {
  const groups = groupAgents(unit, erlang, options.reduction, options.lever);
  const model: SimModel = {
    intervalSeconds: grid.intervalSeconds,
    intervals: grid.size,
    queues: unit.segments.map((s) => simQueueOf(s, options.lever ? unit.callback : undefined)),
    groups: groups.map(
      (g, i): SimGroup => ({
        name: `group ${i}`,
        agents: g.agents,
        skills: g.skills,
        otherSkillFactor: g.factor,
      }),
    ),
    service: settings.service ?? { distribution: 'exponential' },
  };
  return { run: simulate(model, settings), groups };
}

function pooledCounts({ run, groups }: { run: SimulationRun; groups: PlannedGroup[] }): Pooled {
  const { model } = run;
  const N = model.intervals;
  const Q = model.queues.length;
  const queue = new Float64Array(Q * N * QUEUE_FIELDS.length);
  const group = new Float64Array(groups.length * N * GROUP_FIELDS.length);
  for (const r of run.replications) {
    for (let i = 0; i < queue.length; i++) queue[i] = (queue[i] as number) + (r.queues[i] as number);
    for (let i = 0; i < group.length; i++) group[i] = (group[i] as number) + (r.groups[i] as number);
  }
  return {
    queue: (q, k, field) => queue[(q * N + k) * QUEUE_FIELDS.length + field] as number,
    occupancy: (q, k) => {
      let busy = 0;
      let on = 0;
      groups.forEach((g, i) => {
        if (g.primary !== q) return;
        busy += group[(i * N + k) * GROUP_FIELDS.length + GF.busySeconds] as number;
        on += group[(i * N + k) * GROUP_FIELDS.length + GF.agentSeconds] as number;
      });
      return ratio(busy, on);
    },
  };
}
