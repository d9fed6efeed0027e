/**
 * Planning benchmarks (`npm run bench -- planning`): a one-year, 30-minute, five-channel scenario
 * with seven levers and its Shapley bridge; the optimiser over 1,125 lever combinations of the same
 * year; the simulation of 1 M calls of an M/M/n+M queue; and the same queue in SimPy (Debian's
 * python3-simpy) beside ours on the same number of calls, skipped with a note where SimPy is absent.
 * The year is the demo's (`percontact demo`, twelve months to October 2026), generated in a temporary
 * folder before the clocks start.
 */
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Baseline } from '../src/planning/baseline/baseline.js';
import { deriveBaseline } from '../src/planning/baseline/derive.js';
import { staff } from '../src/planning/erlang/staffing.js';
import { planContext } from '../src/planning/scenario/evaluate.js';
import { optimise } from '../src/planning/scenario/optimise.js';
import { runPlan } from '../src/planning/scenario/run-plan.js';
import { optimiseSchema, scenarioSchema } from '../src/planning/scenario/schema.js';
import { figuresOf, simulate } from '../src/planning/simulate/estimates.js';
import { stationaryModel } from '../src/planning/simulate/stationary.js';
import { withDemo } from '../src/test-support/demo-baseline.js';
import type { BenchResult } from './run.js';

const here = dirname(fileURLToPath(import.meta.url));

function best(runs: number, work: () => unknown): number {
  let fastest = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    fastest = Math.min(fastest, performance.now() - start);
  }
  return fastest;
}

/** The demo's year, derived in a temporary folder before any clock starts. */
function yearBaseline(): Promise<Baseline> {
  return withDemo({ seed: 1, months: 12, endMonth: '2026-10', scale: 1 }, (ws) =>
    deriveBaseline(ws.engine, ws.config, { from: '2025-11', to: '2026-10', intervalSeconds: 1800 }),
  );
}

const SCENARIO = {
  levers: {
    ivr: {
      verification_seconds_saved: 20,
      containment: 0.12,
      cost_per_minute: '0.012',
      project_cost: '36000',
    },
    self_service: {
      deflection: { voice: 0.08, email: 0.15 },
      remaining_aht_factor: 1.06,
      platform_cost_per_month: '2000',
    },
    software: { fixed_cost_change_per_month: '-1500', aht_seconds_change: -20 },
    wages: { change: 0.03 },
    shrinkage: 0.28,
    targets: { max_occupancy: 0.85 },
    volume: { growth: 0.05 },
  },
  constraints: { service_level: 'baseline', abandon_rate_max: { voice: 0.06 }, fcr_min: 'baseline' },
};

/** 5 × 5 × 5 × 3 × 3 = 1,125 combinations. */
const RANGES = {
  levers: {
    ivr: { containment: { from: 0, to: 0.2, step: 0.05 }, cost_per_minute: '0.012', project_cost: '36000' },
    self_service: {
      deflection: { email: { from: 0, to: 0.2, step: 0.05 } },
      platform_cost_per_month: '1500',
    },
    wages: { change: { from: 0, to: 0.04, step: 0.01 } },
    software: { fixed_cost_change_per_month: { from: -2000, to: 0, step: 1000 } },
    shrinkage: { from: 0.26, to: 0.3, step: 0.02 },
  },
  constraints: SCENARIO.constraints,
};

/** The queue both simulators run: 500 calls per 30 minutes, AHT 300 s, patience 300 s, Erlang A's 85 agents. */
const QUEUE = { calls: 500, intervalSeconds: 1800, ahtSeconds: 300, patienceSeconds: 300 };

function ourSimulation(calls: number): { ms: number; pAbandon: number } {
  const agents = staff(QUEUE, { answerWithinSeconds: 20, serviceLevel: 0.8 }).metrics.agents;
  const { model } = stationaryModel(QUEUE, {
    agents,
    answerWithinSeconds: 20,
    intervals: Math.ceil(calls / QUEUE.calls),
    warmup: 0,
  });
  let pAbandon = 0;
  const ms = best(3, () => {
    pAbandon =
      figuresOf(simulate(model, { seed: 1, replications: 1 }), 'abandons_against').pAbandon.mean ?? 0;
  });
  return { ms, pAbandon };
}

/** The Python with SimPy 2 (Debian installs it for /usr/bin/python3), or undefined. */
function simpyPython(): string | undefined {
  for (const python of ['/usr/bin/python3', 'python3']) {
    try {
      execFileSync(python, ['-c', 'import SimPy.Simulation'], { stdio: 'ignore' });
      return python;
    } catch {
      // try the next
    }
  }
  return undefined;
}

export async function run(): Promise<BenchResult[]> {
  const baseline = await yearBaseline();
  const scenario = scenarioSchema.parse(SCENARIO);
  const settings = { replications: 4, seed: 1 };
  const results: BenchResult[] = [];
  const plan = best(3, () => runPlan(baseline, scenario, planContext(baseline, settings)));
  results.push({
    name: 'plan run, one year × 30 min × 5 channels, 7 levers with bridge',
    baselineName: 'budget',
    ms: plan,
    baselineMs: 1000,
  });
  let evaluated = 0;
  const optimiser = best(1, () => {
    evaluated = optimise(planContext(baseline, settings), optimiseSchema.parse(RANGES)).evaluated;
  });
  results.push({
    name: `plan optimise, ${evaluated} combinations of the same year`,
    baselineName: 'budget',
    ms: optimiser,
    baselineMs: 10_000,
  });
  const million = ourSimulation(1_000_000);
  results.push({
    name: 'simulate 1,000,000 calls (M/M/n+M)',
    baselineName: 'budget',
    ms: million.ms,
    baselineMs: 2000,
    note: `P(abandon) ${million.pAbandon.toFixed(4)}`,
  });
  const calls = Number(process.env.PERCONTACT_BENCH_SIMPY_CALLS ?? 100_000);
  const python = simpyPython();
  if (!python) {
    process.stderr.write(
      'bench planning: SimPy not found (Debian package python3-simpy): the comparison is skipped\n',
    );
    return results;
  }
  const ours = ourSimulation(calls);
  const agents = staff(QUEUE, { answerWithinSeconds: 20, serviceLevel: 0.8 }).metrics.agents;
  const args = [
    String(calls),
    String(QUEUE.calls / QUEUE.intervalSeconds),
    String(agents),
    '300',
    '300',
    '1',
  ];
  const simpy = JSON.parse(
    execFileSync(python, [join(here, 'mmn_simpy.py'), ...args], { encoding: 'utf8' }),
  ) as {
    seconds: number;
    offered: number;
    abandoned: number;
  };
  results.push({
    name: `simulate ${calls.toLocaleString('en-US')} calls (M/M/n+M), percontact`,
    baselineName: 'SimPy 2.3 (same model)',
    ms: ours.ms,
    baselineMs: simpy.seconds * 1000,
    note: `${((simpy.seconds * 1000) / ours.ms).toFixed(0)}× faster; P(abandon) ${ours.pAbandon.toFixed(4)} vs SimPy ${(simpy.abandoned / simpy.offered).toFixed(4)}`,
  });
  return results;
}
