import type { z } from 'zod';
import { evaluateStaffing, staff } from '../planning/erlang/staffing.js';
import type { ServiceLevelFormula } from '../planning/erlang/types.js';
import type { PlannedInterval } from '../planning/plan.js';
import { type Estimate, figuresOf, type SimFigures, simulate } from '../planning/simulate/estimates.js';
import type { CallbackOffer, ServiceTimes, SimModel } from '../planning/simulate/model.js';
import { stationaryModel } from '../planning/simulate/stationary.js';
import type { Term } from '../report/labels.js';
import { renderSimulation, SIMULATE_FORMATS } from '../report/simulate-render.js';
import { inEveryLanguage, staffWord } from '../report/staff-words.js';
import type { Workspace } from '../workspace/workspace.js';
import { besidesJson, operation } from './operation.js';
import { badParameter, parseRequest } from './request.js';
import { type SimulateRequest, simulateRequest } from './requests/simulate.js';
import { staffMode, staffPlan, targetsFrom } from './staff.js';

export * from './requests/simulate.js';

type Simulate = z.output<typeof simulateRequest>;

/** One simulated row: what the plan staffed, the model's figures and the simulated ones with their 95 % half-widths. */
export interface SimulatedRow {
  label: string;
  calls: number;
  agents: number;
  model: { serviceLevel: number; asaSeconds: number | null; pAbandon: number; occupancy: number };
  simulated: SimFigures;
}

export interface SimulateView {
  mode: 'single' | 'csv' | 'workspace';
  heading: string;
  replications: number;
  seed: number;
  service: ServiceTimes;
  callback: CallbackOffer | null;
  rows: SimulatedRow[];
  total: SimFigures;
}

/**
 * Simulates a staffing plan: one interval in steady state (the M/M/n or M/M/n+M model, agents given
 * or found by Erlang), a CSV of intervals one after another with the agents Erlang gives each, or a
 * workspace's typical week with each channel/queue on its own agents; with a callback offer and
 * lognormal handle times where asked. Every figure comes with its 95 % confidence half-width.
 */
export async function simulatePlan(
  workspace: Workspace | undefined,
  request: SimulateRequest,
): Promise<SimulateView> {
  return (await simulation(workspace, parseRequest(simulateRequest, request))).view;
}

/** The simulation's view, and its heading in every language (the view's own is English). */
async function simulation(
  workspace: Workspace | undefined,
  r: Simulate,
): Promise<{ view: SimulateView; heading: Term }> {
  const { replications } = r;
  const service: ServiceTimes =
    r.service === 'lognormal' ? { distribution: 'lognormal', cv: cvOf(r) } : { distribution: 'exponential' };
  const callback = callbackOf(r);
  const settings = { seed: r.seed, replications };
  const mode = staffMode(r, workspace);
  const base = { mode, replications, seed: settings.seed, service, callback: callback ?? null };
  if (mode === 'single') {
    const targets = targetsFrom(r);
    const load = {
      calls: r.calls as number,
      intervalSeconds: r.interval,
      ahtSeconds: (r.aht as number) / (r.concurrency ?? 1),
      ...(r.patience === undefined ? {} : { patienceSeconds: r.patience }),
    };
    const agents = r.agents ?? staff(load, targets, r.shrinkage).metrics.agents;
    const m = evaluateStaffing(load, agents, targets);
    const { model, from } = stationaryModel(load, {
      agents,
      answerWithinSeconds: targets.answerWithinSeconds,
      ...(targets.shortAbandonSeconds === undefined
        ? {}
        : { shortAbandonSeconds: targets.shortAbandonSeconds }),
      service,
      ...(callback ? { callback } : {}),
    });
    const figures = figuresOf(simulate(model, settings), targets.formula ?? 'short_abandons_excluded', {
      from,
    });
    const row: SimulatedRow = {
      label: `${load.calls} calls in ${load.intervalSeconds} s`,
      calls: load.calls,
      agents,
      model: {
        serviceLevel: m.serviceLevel,
        asaSeconds: Number.isFinite(m.asaSeconds) ? m.asaSeconds : null,
        pAbandon: m.model === 'erlang-a' ? m.pAbandon : 0,
        occupancy: m.occupancy,
      },
      simulated: figures,
    };
    const heading = inEveryLanguage((lang) => staffWord(lang, 'steadyState', { agents: String(agents) }));
    return { view: { ...base, heading: heading.en, rows: [row], total: figures }, heading };
  }
  const plan = await staffPlan(r, workspace);
  const intervals = plan.intervals;
  const formula: ServiceLevelFormula = plan.formula;
  const sim =
    mode === 'csv' ? sequenceModel(intervals, service, callback) : weekModel(intervals, service, callback);
  const run = simulate(sim.model, settings);
  const rows = sim.rows.map(
    (r): SimulatedRow => ({
      label: r.label,
      calls: Number(r.intervals.reduce((s, p) => s + p.demand.calls, 0).toFixed(1)),
      agents: Math.max(...r.intervals.map((p) => p.staffing.metrics.agents)),
      model: modelOf(r.intervals),
      simulated: figuresOf(run, formula, r.selection),
    }),
  );
  const { heading } = plan.view;
  return { view: { ...base, heading: heading.en, rows, total: figuresOf(run, formula) }, heading };
}

function cvOf(r: Simulate): number {
  if (r.cv === undefined)
    throw badParameter('cv', 'lognormal handle times need a coefficient of variation above 0');
  return r.cv;
}

function callbackOf(r: Simulate): CallbackOffer | undefined {
  if (r.callbackAfter === undefined && r.callbackTake === undefined) return undefined;
  if (r.callbackAfter === undefined || r.callbackTake === undefined)
    throw badParameter(
      r.callbackAfter === undefined ? 'callbackAfter' : 'callbackTake',
      'a callback offer needs both its wait (callbackAfter) and its take rate (callbackTake)',
    );
  return {
    offerAfterSeconds: r.callbackAfter,
    takeRate: r.callbackTake,
    withinSeconds: r.callbackWithin * 60,
    extraHandleSeconds: 0,
  };
}

/** The model's figures over some intervals, weighted by their calls (ASA by their answered calls). */
function modelOf(intervals: readonly PlannedInterval[]): SimulatedRow['model'] {
  let calls = 0;
  let sl = 0;
  let abandoned = 0;
  let answered = 0;
  let wait = 0;
  let busy = 0;
  let agents = 0;
  for (const p of intervals) {
    const m = p.staffing.metrics;
    const c = p.demand.calls;
    const pAbandon = m.model === 'erlang-a' ? m.pAbandon : 0;
    calls += c;
    sl += c * m.serviceLevel;
    abandoned += c * pAbandon;
    answered += c * (1 - pAbandon);
    if (Number.isFinite(m.asaSeconds)) wait += c * (1 - pAbandon) * m.asaSeconds;
    busy += m.occupancy * m.agents;
    agents += m.agents;
  }
  return {
    serviceLevel: calls > 0 ? sl / calls : 1,
    asaSeconds: answered > 0 ? wait / answered : null,
    pAbandon: calls > 0 ? abandoned / calls : 0,
    occupancy: agents > 0 ? busy / agents : 0,
  };
}

interface Built {
  model: SimModel;
  rows: {
    label: string;
    intervals: PlannedInterval[];
    selection: { queues: number[]; groups: number[]; from: number; to: number };
  }[];
}

/** CSV plans: the intervals one after another, as listed, one queue whose handle time and patience follow the rows. */
function sequenceModel(
  intervals: readonly PlannedInterval[],
  service: ServiceTimes,
  callback?: CallbackOffer,
): Built {
  const first = intervals[0] as PlannedInterval;
  const occupied = (p: PlannedInterval) => p.demand.ahtSeconds / (p.demand.concurrency ?? 1);
  return {
    model: {
      intervalSeconds: first.demand.intervalSeconds,
      intervals: intervals.length,
      queues: [
        {
          name: 'intervals',
          arrivals: intervals.map((p) => p.demand.calls),
          ahtSeconds: occupied(first),
          ahtByInterval: intervals.map(occupied),
          patienceByInterval: intervals.map((p) => p.demand.patienceSeconds ?? Number.POSITIVE_INFINITY),
          answerWithinSeconds: first.demand.answerWithinSeconds ?? 20,
          ...(callback ? { callback } : {}),
        },
      ],
      groups: [{ name: 'agents', agents: intervals.map((p) => p.staffing.metrics.agents), skills: [0] }],
      service,
    },
    rows: intervals.map((interval, i) => ({
      label: interval.demand.start,
      intervals: [interval],
      selection: { queues: [0], groups: [0], from: i, to: i + 1 },
    })),
  };
}

/** History plans: the typical week, Monday 00:00 to Sunday 24:00, each channel/queue a queue with its own agents. */
function weekModel(
  intervals: readonly PlannedInterval[],
  service: ServiceTimes,
  callback?: CallbackOffer,
): Built {
  const length = (intervals[0] as PlannedInterval).demand.intervalSeconds;
  const slots = (7 * 86_400) / length;
  const segments = [...new Set(intervals.map((p) => p.demand.segment ?? ''))];
  const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
  const slotOf = (start: string) => {
    const [day = 'Mon', time = '00:00'] = start.split(' ');
    const [h, m] = time.split(':').map(Number) as [number, number];
    return (WEEKDAYS.indexOf(day) * 86_400 + (h * 60 + m) * 60) / length;
  };
  const queues = segments.map((segment) => {
    const own = intervals.filter((p) => (p.demand.segment ?? '') === segment);
    const arrivals = new Float64Array(slots);
    const agents = new Int32Array(slots);
    for (const p of own) {
      arrivals[slotOf(p.demand.start)] = p.demand.calls;
      agents[slotOf(p.demand.start)] = p.staffing.metrics.agents;
    }
    const sample = own[0] as PlannedInterval;
    return { segment, arrivals, agents, sample, own };
  });
  return {
    model: {
      intervalSeconds: length,
      intervals: slots,
      queues: queues.map((q) => ({
        name: q.segment,
        arrivals: q.arrivals,
        ahtSeconds: q.sample.demand.ahtSeconds / (q.sample.demand.concurrency ?? 1),
        ...(q.sample.demand.patienceSeconds === undefined
          ? {}
          : { patienceSeconds: q.sample.demand.patienceSeconds }),
        answerWithinSeconds: q.sample.demand.answerWithinSeconds ?? 20,
        ...(callback ? { callback } : {}),
      })),
      groups: queues.map((q, i) => ({ name: q.segment, agents: q.agents, skills: [i] })),
      service,
    },
    rows: queues.map((q, i) => ({
      label: q.segment,
      intervals: q.own,
      selection: { queues: [i], groups: [i], from: 0, to: slots },
    })),
  };
}

export type { Estimate };

export const simulateOperation = operation({
  name: 'simulate',
  summary:
    'A staffing plan simulated (seeded discrete-event model): SL, ASA, abandonment, occupancy with 95 % confidence',
  request: simulateRequest,
  run: simulatePlan,
  output: {
    formats: besidesJson(SIMULATE_FORMATS),
    async render(workspace, request, format) {
      const r = parseRequest(simulateRequest, request);
      const { view, heading } = await simulation(workspace, r);
      const lang = r.locale === 'de-DE' ? 'de' : 'en';
      return renderSimulation({ ...view, heading: heading[lang] }, format as 'table' | 'csv', r.locale);
    },
  },
});
