import type { FineRow } from '../../metrics/allocation.js';
import { computeReport } from '../../metrics/compute-report.js';
import type { ContactMeasures } from '../../metrics/contact-measures.js';
import type { CostPerContactReport } from '../../metrics/cost-per-contact.js';
import { type Definitions, resolveDefinitions } from '../../metrics/definitions.js';
import type { ReportInputs } from '../../metrics/report-inputs.js';
import type { CostCategory } from '../../model/cost-line.js';
import { minorUnits } from '../../money/currency.js';
import type { Baseline, BaselineChannel } from '../baseline/baseline.js';
import { reportInputsOf } from '../baseline/report-inputs.js';
import { type ChannelModel, channelModels } from './aggregate.js';
import { leverLines, type MonthFactors, scenarioLines } from './costs.js';
import { applyToRows, type MonthFlow, scenarioMeasures, totalOf } from './flow.js';
import { type ClassGrid, classGrid } from './grid.js';
import { QueueModels } from './queue-models.js';
import type { Levers } from './schema.js';
import type { SimulationSettings } from './simulated-unit.js';
import type { SegmentResult } from './staffing-results.js';
import { type ChannelVolume, channelVolume, shrinkageOf, type UnitPlan, unitPlans } from './units.js';

/** Everything a scenario is evaluated against: the baseline, its report and its staffing model. */
export interface PlanContext {
  baseline: Baseline;
  definitions: Definitions;
  grid: ClassGrid;
  models: QueueModels;
  inputs: ReportInputs;
  /** The baseline: no levers. Its report is the workspace report of the range. */
  base: Evaluation;
}

/** One lever combination worked out up to the report: the report's inputs and the model behind them. */
export interface ScenarioState {
  levers: Levers;
  inputs: ReportInputs;
  /** The staffing model per channel. */
  channels: Map<string, ChannelModel>;
  segments: SegmentResult[];
  volumes: Map<string, ChannelVolume>;
  /** Channel measures per month, before and after the levers: what the report's rows are made of. */
  measures: Map<string, { before: ContactMeasures; after: ContactMeasures }[]>;
}

/** One lever combination evaluated: the report it leads to, and the queueing model behind it. */
export interface Evaluation extends ScenarioState {
  report: CostPerContactReport;
}

export function planContext(baseline: Baseline, settings: SimulationSettings): PlanContext {
  const definitions = resolveDefinitions(baseline.config);
  const grid = classGrid(baseline);
  const inputs = reportInputsOf(baseline.reportInputs, definitions, baseline.range);
  const context = {
    baseline,
    definitions,
    grid,
    models: new QueueModels(grid, settings),
    inputs,
  } as PlanContext;
  context.base = evaluate(context, {});
  return context;
}

/** The scenario of some levers: its report re-run on the scenario's inputs. */
export function evaluate(context: PlanContext, levers: Levers): Evaluation {
  const state = scenarioState(context, levers);
  return { ...state, report: computeReport(state.inputs) };
}

/** The scenario's inputs to the report, the staffing model and the contact flow behind them. */
export function scenarioState(context: PlanContext, levers: Levers): ScenarioState {
  const { baseline, definitions: d, grid, inputs } = context;
  const plans = unitPlans(baseline, levers, d, grid);
  const segments = context.models.staff(plans);
  const channelOf = new Map(baseline.channels.map((c) => [c.channel as string, c]));
  const shrinkage = (c: string) => shrinkageOf(channelOf.get(c) as BaselineChannel, levers);
  const models = channelModels(grid, segments, shrinkage);
  const base = context.base?.channels ?? models;
  const volumes = new Map(
    baseline.channels.map((c) => [c.channel as string, channelVolume(c, levers, grid)]),
  );
  const aht = ahtFactors(baseline, plans, grid);
  const fine = new Map<string, FineRow[]>();
  const measures = new Map<string, { before: ContactMeasures; after: ContactMeasures }[]>();
  grid.months.forEach((month, m) => {
    const rows = inputs.fine.get(month) ?? [];
    const out: FineRow[] = rows.filter((r) => !channelOf.has(r.values.channel ?? ''));
    for (const channel of baseline.channels) {
      const own = rows.filter((r) => r.values.channel === channel.channel);
      if (own.length === 0) continue;
      const volume = volumes.get(channel.channel) as ChannelVolume;
      const flow: MonthFlow = {
        offeredFactor: volume.offeredFactor[m] as number,
        growth: volume.growth,
        selfServedAdded: volume.selfServedAdded[m] as number,
        prevented: volume.prevented[m] as number,
        ahtFactor: aht.get(channel.channel)?.[m] ?? 1,
        occupiedFactor: channel.concurrency / (levers.concurrency?.[channel.channel] ?? channel.concurrency),
        ...(base.get(channel.channel) ? { base: base.get(channel.channel)?.months[m] } : {}),
        ...(models.get(channel.channel) ? { scenario: models.get(channel.channel)?.months[m] } : {}),
      };
      const before = totalOf(own);
      const after = scenarioMeasures(before, flow, d);
      out.push(...applyToRows(own, before, after));
      measures.set(channel.channel, [...(measures.get(channel.channel) ?? []), { before, after }]);
    }
    fine.set(month, out);
  });
  const known = new Map<string, MonthFactors>();
  const factors = (channel: string, month: string): MonthFactors => {
    const key = `${channel}|${month}`;
    let f = known.get(key);
    if (f) return f;
    const m = grid.months.indexOf(month);
    const pair = measures.get(channel)?.[m];
    const before = base.get(channel)?.months[m];
    const after = models.get(channel)?.months[m];
    const ratio = (a: number, b: number) => (b > 0 ? a / b : 1);
    f = {
      agent_hour: before && after ? ratio(after.scheduledHours, before.scheduledHours) : 1,
      minute: pair ? ratio(pair.after.handleSeconds, pair.before.handleSeconds) : 1,
      contact: pair
        ? ratio(pair.after.offered + pair.after.selfServed, pair.before.offered + pair.before.selfServed)
        : 1,
    };
    known.set(key, f);
    return f;
  };
  const wage = (category: CostCategory) =>
    levers.wages?.categories.includes(category) ? 1 + levers.wages.change : 1;
  const scale = minorUnits(d.currency);
  const baseReport = context.base?.report;
  const lines = baseReport
    ? scenarioLines(
        inputs.lines,
        baseReport.allocations,
        baseline.costLines,
        factors,
        wage,
        d.currency,
        scale,
      )
    : inputs.lines;
  const months = inputs.periods;
  const addedLines = leverLines(
    levers,
    {
      months,
      channels: baseline.channels.map((c) => c.channel),
      volume: (c) => volumes.get(c),
      ivrSeconds: (c) => meanIvrSeconds(channelOf.get(c)),
      addedCallbacks: (c, m) => {
        const pair = measures.get(c)?.[m];
        if (!pair) return 0;
        const callbacks = (x: ContactMeasures) => x.offered - x.handled - x.abandoned;
        return Math.max(0, callbacks(pair.after) - callbacks(pair.before));
      },
      scheduledHours: (c, m) => models.get(c)?.months[m]?.scheduledHours ?? 0,
    },
    d.currency,
    scale,
  );
  const moved = inputs.labour.agentDays.map((row) => {
    const move = factors(row.values.channel ?? '', row.period).agent_hour * wage('agent_wages');
    return move === 1 ? row : { ...row, seconds: row.seconds * move };
  });
  const labour = {
    cards: inputs.labour.cards,
    // The same list where nothing moved: the quick totals then take the baseline's bottom-up labour.
    agentDays: moved.every((row, i) => row === inputs.labour.agentDays[i]) ? inputs.labour.agentDays : moved,
  };
  return {
    levers,
    inputs: { ...inputs, fine, lines: [...lines, ...addedLines], labour },
    channels: models,
    segments,
    volumes,
    measures,
  };
}

/** Handle time per contact after the levers ÷ before, per channel and month, weighted by volume. */
function ahtFactors(baseline: Baseline, plans: readonly UnitPlan[], grid: ClassGrid): Map<string, number[]> {
  const scenario = new Map(plans.flatMap((u) => u.segments).map((s) => [s.id, s.ahtSeconds]));
  const factors = new Map<string, number[]>();
  for (const channel of baseline.channels) {
    factors.set(
      channel.channel,
      grid.months.map((month) => {
        let before = 0;
        let after = 0;
        for (const s of channel.segments) {
          const now = scenario.get(`${channel.channel}/${s.queue ?? ''}`);
          if (s.ahtSeconds === null || now === undefined) continue;
          const volume = s.volume[month] ?? 0;
          before += volume * s.ahtSeconds;
          after += volume * now;
        }
        return before > 0 ? after / before : 1;
      }),
    );
  }
  return factors;
}

function meanIvrSeconds(channel: BaselineChannel | undefined): number | null {
  let seconds = 0;
  let weight = 0;
  for (const s of channel?.segments ?? []) {
    if (s.ivrSeconds === null) continue;
    seconds += s.ivrSeconds * s.offered;
    weight += s.offered;
  }
  return weight > 0 ? seconds / weight : null;
}
