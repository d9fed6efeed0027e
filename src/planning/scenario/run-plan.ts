import { displayedChange, roundToTotal } from '../../metrics/drivers/round-to-total.js';
import { minorUnits } from '../../money/currency.js';
import { Decimal } from '../../money/decimal.js';
import type { Baseline } from '../baseline/baseline.js';
import { defaultUnit } from '../baseline/derive.js';
import { evaluateStaffing } from '../erlang/staffing.js';
import { modelFigures } from './aggregate.js';
import { type ConstraintCheck, checkConstraints, type Violation } from './constraints.js';
import {
  type Evaluation,
  evaluate,
  type PlanContext,
  planContext,
  type ScenarioState,
  scenarioState,
} from './evaluate.js';
import { type PlanSide, planSide } from './figures.js';
import { type QuickTotals, quickTotals } from './quick.js';
import { LEVER_NAMES, type LeverName, type Levers, type Scenario } from './schema.js';
import { shapleyValues } from './shapley.js';
import type { SimulationSettings } from './simulated-unit.js';
import { unitPlans } from './units.js';

/** A lever's share of the change from the baseline to the scenario (Shapley value), rounded to add up. */
export interface BridgeStep {
  lever: LeverName;
  cost: string;
  costPerContact: string | null;
}

/** Actual labour against the model's for the baseline, per channel ("schedule calibration"). */
export interface CalibrationRow {
  channel: string;
  /** Cost of the lines that move with agent hours, as the report allocates them. */
  actualLabour: string;
  /** The model's paid hours × the channel's hourly cost; null without a rate. */
  modelledLabour: string | null;
  /** Actual ÷ modelled labour: scenario labour is the model's times this. */
  ratio: number | null;
  actualPaidHours: number | null;
  modelledPaidHours: number;
  measuredServiceLevel: number | null;
  /** The model's service level at its own staffing, and at the staffing agent time records. */
  modelServiceLevel: number | null;
  modelServiceLevelAtActualStaffing: number | null;
}

export interface PlanOutcome {
  currency: string;
  range: { from: string; to: string };
  levers: Levers;
  baseline: PlanSide;
  scenario: PlanSide;
  bridge: BridgeStep[];
  /** The change of total cost and cost per contact the bridge explains. */
  change: { cost: string; costPerContact: string | null };
  constraints: ConstraintCheck[];
  violations: Violation[];
  calibration: CalibrationRow[];
  /** Staffing units the simulation staffed (callbacks, pools), over every evaluation. */
  simulatedUnits: number;
  notes: string[];
}

export function simulationSettings(scenario: Scenario): SimulationSettings {
  return { replications: scenario.simulation.replications, seed: scenario.simulation.seed };
}

/** Runs a scenario against a baseline: both sides, the Shapley bridge, the constraints, the calibration. */
export function runPlan(
  baseline: Baseline,
  scenario: Scenario,
  context = planContext(baseline, simulationSettings(scenario)),
): PlanOutcome {
  const result = evaluate(context, scenario.levers);
  return outcomeOf(context, scenario, result, bridgeOf(context, scenario.levers, result));
}

export function outcomeOf(
  context: PlanContext,
  scenario: Scenario,
  result: Evaluation,
  bridge: BridgeStep[],
): PlanOutcome {
  const { baseline, grid, definitions } = context;
  const scale = minorUnits(definitions.currency);
  const channels = baseline.channels.map((c) => c.channel as string);
  const base = planSide(context.base.report, context.base.channels, grid, channels, scale);
  const after = planSide(result.report, result.channels, grid, channels, scale);
  const { checks, violations } = checkConstraints(
    scenario.constraints,
    base,
    after,
    context.base.channels,
    result.channels,
    grid,
  );
  const costChange = displayedChange(context.base.report.totals.cost, result.report.totals.cost, scale);
  const cpc = (e: Evaluation) => costPerContact(e);
  const before = cpc(context.base);
  const now = cpc(result);
  return {
    currency: definitions.currency,
    range: { ...baseline.range },
    levers: scenario.levers,
    baseline: base,
    scenario: after,
    bridge,
    change: {
      cost: costChange.toFixed(scale),
      costPerContact: before && now ? displayedChange(before, now, scale).toFixed(scale) : null,
    },
    constraints: checks,
    violations,
    calibration: calibrationOf(context),
    simulatedUnits: context.models.simulations,
    notes: notesOf(context, result),
  };
}

const costPerContact = (e: Evaluation): Decimal | undefined =>
  e.report.totals.measures.contacts > 0
    ? e.report.totals.cost.div(e.report.totals.measures.contacts)
    : undefined;

/** The levers a scenario sets, in the order they are modelled. */
export function leversOf(levers: Levers): LeverName[] {
  return LEVER_NAMES.filter((name) => levers[name] !== undefined);
}

/**
 * Each lever's Shapley share of the change of total cost and of cost per contact. Every coalition of
 * the levers is a scenario of its own; their totals come without their reports (quickTotals, exact).
 */
export function bridgeOf(context: PlanContext, levers: Levers, result: ScenarioState): BridgeStep[] {
  const players = leversOf(levers);
  const scale = minorUnits(context.definitions.currency);
  const cache = new Map<string, QuickTotals>();
  const at = (coalition: ReadonlySet<string>): QuickTotals => {
    const key = players.filter((p) => coalition.has(p)).join('+');
    let totals = cache.get(key);
    if (!totals) {
      const state =
        coalition.size === 0
          ? context.base
          : coalition.size === players.length
            ? result
            : scenarioState(
                context,
                Object.fromEntries(players.filter((p) => coalition.has(p)).map((p) => [p, levers[p]])),
              );
      totals = quickTotals(context, state);
      cache.set(key, totals);
    }
    return totals;
  };
  const perContact = (t: QuickTotals) =>
    t.measures.contacts > 0 ? t.cost.div(t.measures.contacts) : undefined;
  const before = at(new Set());
  const after = at(new Set(players));
  const cost = shapleyValues(players, (s) => at(s).cost);
  const costs = roundToTotal(
    players.map((p) => cost.get(p) as Decimal),
    displayedChange(before.cost, after.cost, scale),
    scale,
  );
  const cpcBefore = perContact(before);
  const cpcAfter = perContact(after);
  const everyCpc = [...cache.values()].every((t) => perContact(t) !== undefined);
  const shares =
    cpcBefore && cpcAfter && everyCpc
      ? roundToTotal(
          [...shapleyValues(players, (s) => perContact(at(s)) as Decimal).values()],
          displayedChange(cpcBefore, cpcAfter, scale),
          scale,
        )
      : undefined;
  return players.map((lever, i) => ({
    lever,
    cost: (costs[i] as Decimal).toFixed(scale),
    costPerContact: shares ? (shares[i] as Decimal).toFixed(scale) : null,
  }));
}

function calibrationOf(context: PlanContext): CalibrationRow[] {
  const { baseline, definitions: d, grid } = context;
  const scale = minorUnits(d.currency);
  const units = new Map(baseline.costLines.map((l) => [l.id, l]));
  const moves = (id: string, category: Parameters<typeof defaultUnit>[0], behaviour: string) => {
    const own = units.get(id);
    return (
      (own?.behaviour ?? behaviour) === 'variable' && (own?.unit ?? defaultUnit(category)) === 'agent_hour'
    );
  };
  const plans = unitPlans(baseline, {}, d, grid).flatMap((u) => u.segments);
  return baseline.channels
    .filter((c) => context.base.channels.has(c.channel))
    .map((c) => {
      const model = context.base.channels.get(c.channel);
      let actual = new Decimal(0);
      for (const a of context.base.report.allocations) {
        if (a.segment?.channel === c.channel && moves(a.line.id, a.line.category, a.line.behaviour))
          actual = actual.plus(a.amount);
      }
      const measures = context.base.measures.get(c.channel) ?? [];
      const paid = measures.reduce((s, m) => s + m.before.paidSeconds, 0) / 3600;
      const staffed = measures.reduce((s, m) => s + m.before.staffedSeconds, 0) / 3600;
      const hours = model?.total.scheduledHours ?? 0;
      const modelled = c.hourlyCost ? new Decimal(c.hourlyCost).times(hours) : undefined;
      const ratio = modelled && !modelled.isZero() ? actual.div(modelled).toNumber() : null;
      const modelSl = model ? modelFigures(model.total).serviceLevel : undefined;
      return {
        channel: c.channel,
        actualLabour: actual.toFixed(scale),
        modelledLabour: modelled ? modelled.toFixed(scale) : null,
        ratio: ratio === null ? null : Number(ratio.toFixed(4)),
        actualPaidHours: paid > 0 ? Number(paid.toFixed(1)) : null,
        modelledPaidHours: Number(hours.toFixed(1)),
        measuredServiceLevel: c.serviceLevel.measured,
        modelServiceLevel: modelSl === undefined ? null : Number(modelSl.toFixed(4)),
        modelServiceLevelAtActualStaffing:
          staffed > 0 && model && model.total.agentHours > 0
            ? slAtStaffing(
                context,
                plans.filter((p) => p.channel === c.channel),
                staffed / model.total.agentHours,
              )
            : null,
      };
    });
}

/** The model's service level with every interval's agents scaled by `factor` (agent time ÷ the model's hours). */
function slAtStaffing(
  context: PlanContext,
  plans: ReturnType<typeof unitPlans>[number]['segments'],
  factor: number,
): number | null {
  const { grid } = context;
  const results = new Map(context.base.segments.map((s) => [s.id, s]));
  let weighted = 0;
  let calls = 0;
  const perMonth = 7 * grid.slotsPerDay;
  for (const plan of plans) {
    const result = results.get(plan.id);
    // Workload staffing has no per-interval service level to evaluate.
    if (!result || result.model === 'workload') continue;
    for (let k = 0; k < grid.size; k++) {
      const c = plan.calls[k] as number;
      if (c <= 0) continue;
      const dates =
        grid.dates[Math.floor(k / perMonth)]?.[Math.floor((k % perMonth) / grid.slotsPerDay)]?.length ?? 0;
      const agents = Math.max(1, Math.round((result.agents[k] as number) * factor));
      const load = {
        calls: c,
        intervalSeconds: grid.intervalSeconds,
        ahtSeconds: plan.ahtSeconds / plan.concurrency,
        ...(plan.patienceSeconds === undefined ? {} : { patienceSeconds: plan.patienceSeconds }),
      };
      weighted += evaluateStaffing(load, agents, plan.targets).serviceLevel * c * dates;
      calls += c * dates;
    }
  }
  return calls > 0 ? Number((weighted / calls).toFixed(4)) : null;
}

function notesOf(context: PlanContext, result: Evaluation): string[] {
  const notes = result.report.notes.map((n) => n.text);
  for (const c of context.baseline.channels) {
    const skipped = c.segments.filter((s) => s.ahtSeconds === null && s.offered > 0);
    if (skipped.length > 0)
      notes.push(
        `${c.channel}: ${skipped.map((s) => s.queue ?? '(no queue)').join(', ')} without handle times: not staffed by the model; their labour stays as in the baseline`,
      );
    if (c.shrinkageSource === 'default')
      notes.push(`${c.channel}: no agent time recorded, shrinkage ${c.shrinkage} assumed`);
  }
  return notes;
}
