import { erlangAFromInverse } from '../src/planning/erlang/erlang-a.js';
import { inverseErlangB } from '../src/planning/erlang/erlang-b.js';
import { erlangCFromInverse } from '../src/planning/erlang/erlang-c.js';
import {
  meetsTargets,
  type StaffingTargets,
  scheduledAgents,
  staff,
} from '../src/planning/erlang/staffing.js';
import type { Workload } from '../src/planning/erlang/types.js';
import type { BenchResult } from './run.js';

const INTERVALS = 10_000;
const TARGETS: StaffingTargets = { answerWithinSeconds: 20, serviceLevel: 0.8, maxOccupancy: 0.85 };
const SHRINKAGE = 0.3;

/** A small seeded generator (mulberry32), so every run staffs the same intervals. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 10,000 half-hours: 1–3,000 calls, AHT 120–600 s, patience 60–600 s (used by Erlang A only). */
function intervals(): Required<Workload>[] {
  const next = random(20_240_501);
  return Array.from({ length: INTERVALS }, () => ({
    calls: 1 + Math.floor(next() * 3000),
    intervalSeconds: 1800,
    ahtSeconds: 120 + Math.floor(next() * 481),
    patienceSeconds: 60 + Math.floor(next() * 541),
  }));
}

/**
 * What common libraries do: walk up from the first stable count and compute Erlang B afresh for
 * every candidate, O(n) each.
 */
function naiveErlangC(load: Workload): number {
  const a = (load.calls * load.ahtSeconds) / load.intervalSeconds;
  for (let n = Math.floor(a) + 1; ; n++) {
    const m = erlangCFromInverse(n, a, inverseErlangB(n, a), load.ahtSeconds, TARGETS.answerWithinSeconds);
    if (meetsTargets(m, TARGETS)) return scheduledAgents(n, SHRINKAGE);
  }
}

/** The same walk for Erlang A, from one agent up (it may need fewer than the traffic). */
function naiveErlangA(load: Required<Workload>): number {
  const a = (load.calls * load.ahtSeconds) / load.intervalSeconds;
  for (let n = 1; ; n++) {
    const m = erlangAFromInverse(n, a, inverseErlangB(n, a), load, TARGETS);
    if (meetsTargets(m, TARGETS)) return scheduledAgents(n, SHRINKAGE);
  }
}

/** The fastest of `runs` runs: the machine is shared, and the minimum is the least disturbed. */
function time<T>(work: () => T, runs: number): { ms: number; value: T } {
  let best = Number.POSITIVE_INFINITY;
  let value = work();
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    value = work();
    best = Math.min(best, performance.now() - start);
  }
  return { ms: best, value };
}

function mismatches(a: readonly number[], b: readonly number[]): number {
  return a.filter((value, i) => value !== b[i]).length;
}

interface Measure {
  /** Timed runs after one warm-up; the fastest counts. */
  runs: number;
  /** The baseline staffs every n-th interval only, and its time is scaled up by n. */
  sampleEvery: number;
}

function compare(
  name: string,
  baselineName: string,
  fast: () => number[],
  baseline: () => number[],
  { runs, sampleEvery }: Measure,
): BenchResult {
  const ours = time(fast, runs);
  const theirs = time(baseline, runs);
  const sampled = ours.value.filter((_, i) => i % sampleEvery === 0);
  const diff = mismatches(sampled, theirs.value);
  const total = ours.value.reduce((x, y) => x + y, 0);
  const scaled = theirs.ms * sampleEvery;
  const sampleNote =
    sampleEvery > 1 ? `; baseline staffed every ${sampleEvery}th interval, its time ×${sampleEvery}` : '';
  return {
    name,
    baselineName,
    ms: ours.ms,
    baselineMs: scaled,
    note: `${INTERVALS} intervals, ${total} agents scheduled, ${diff} differing counts (of ${sampled.length}), best of ${runs} runs, ${(scaled / ours.ms).toFixed(1)}× faster${sampleNote}`,
  };
}

export async function run(): Promise<BenchResult[]> {
  const loads = intervals();
  const withoutPatience = loads.map(({ patienceSeconds: _, ...rest }) => rest);
  const erlangCResult = compare(
    'erlang C staffing, 10,000 intervals (80/20, occupancy <= 0.85, shrinkage 0.3)',
    'walk with Erlang B recomputed per candidate',
    () => withoutPatience.map((load) => staff(load, TARGETS, SHRINKAGE).scheduled),
    () => withoutPatience.map(naiveErlangC),
    { runs: 3, sampleEvery: 1 },
  );
  const sampleEvery = 10;
  const erlangAResult = compare(
    'erlang A staffing, 10,000 intervals (patience 60–600 s)',
    'walk from 1 agent with Erlang B recomputed per candidate',
    () => loads.map((load) => staff(load, TARGETS, SHRINKAGE).scheduled),
    () => loads.filter((_, i) => i % sampleEvery === 0).map(naiveErlangA),
    { runs: 1, sampleEvery },
  );
  return [erlangCResult, erlangAResult];
}
