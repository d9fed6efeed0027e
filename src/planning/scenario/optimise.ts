import { UserError } from '../../errors.js';
import type { ContactMeasures } from '../../metrics/contact-measures.js';
import { figures } from '../../metrics/figures.js';
import { minorUnits } from '../../money/currency.js';
import { Decimal } from '../../money/decimal.js';
import { type ConstraintCheck, checkConstraints, type QualitySide, type Violation } from './constraints.js';
import { evaluate, type PlanContext, type ScenarioState, scenarioState } from './evaluate.js';
import type { PlanFigures } from './figures.js';
import { type QuickTotals, quickTotals } from './quick.js';
import { bridgeOf, outcomeOf, type PlanOutcome } from './run-plan.js';
import {
  isRange,
  type Levers,
  type OptimiseSpec,
  type ParameterRange,
  type Scenario,
  scenarioSchema,
} from './schema.js';

/** A ranged lever parameter: its path in the file and the values it may take. */
export interface Dimension {
  path: string;
  values: number[];
}

/** A candidate's headline figures (the total over every channel). */
export interface CandidateTotals {
  contacts: number;
  cost: string;
  costPerContact: string | null;
  serviceLevel: number | null;
  abandonRate: number | null;
}

/** One evaluated lever setting: the value of each ranged parameter, and how the plan came out. */
export interface Candidate {
  assignment: Record<string, number>;
  levers: Levers;
  totals: CandidateTotals;
  objective: Decimal;
  feasible: boolean;
  /** The first constraint it breaks, where it breaks one, and the first place it breaks it. */
  binding: ConstraintCheck | undefined;
  violation: Violation | undefined;
}

/** Why the optimiser did not take a value of a parameter, with the best plan's other settings. */
export interface Rejection {
  parameter: string;
  value: number;
  /** `constraint`: the plan would break `constraint` on `channel`; `costlier`: it keeps them but costs more. */
  reason: 'constraint' | 'costlier';
  constraint?: string;
  channel?: string;
  /** Objective of that plan minus the best's. */
  difference: string;
}

export interface OptimiseOutcome extends PlanOutcome {
  objective: Scenario['objective'];
  dimensions: Dimension[];
  best: { assignment: Record<string, number>; levers: Levers; totals: PlanFigures };
  runnersUp: { assignment: Record<string, number>; totals: CandidateTotals }[];
  /** Lever settings on the cost-vs-service-level frontier: none cheaper with at least their service level. */
  frontier: {
    assignment: Record<string, number>;
    cost: string;
    serviceLevel: number | null;
    feasible: boolean;
  }[];
  rejected: Rejection[];
  evaluated: number;
  feasible: number;
}

/** Grids above this many combinations are refused: narrow the ranges or widen the steps. */
export const MAX_COMBINATIONS = 200_000;

/** Every ranged parameter of an optimise file, in the order the scenario schema lists the levers. */
export function dimensionsOf(spec: OptimiseSpec): Dimension[] {
  const found: Dimension[] = [];
  const walk = (value: unknown, path: string) => {
    if (isRange(value)) {
      found.push({ path, values: steps(value, path) });
    } else if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      for (const [key, inner] of Object.entries(value)) walk(inner, path ? `${path}.${key}` : key);
    }
  };
  walk(spec.levers, 'levers');
  return found;
}

function steps(range: ParameterRange, path: string): number[] {
  const values: number[] = [];
  const count = Math.floor((range.to - range.from) / range.step + 1e-9);
  for (let i = 0; i <= count; i++) values.push(Number((range.from + i * range.step).toPrecision(12)));
  if (values.length === 0)
    throw new UserError('INVALID_INPUT', `${path}: the range holds no value`, { parameter: path });
  return values;
}

/** The scenario of one assignment: every range replaced by its value, validated as a plain scenario. */
export function scenarioAt(spec: OptimiseSpec, assignment: Record<string, number>): Scenario {
  const replace = (value: unknown, path: string): unknown => {
    if (isRange(value)) return assignment[path];
    if (typeof value === 'object' && value !== null && !Array.isArray(value))
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) => [k, replace(v, path ? `${path}.${k}` : k)]),
      );
    return value;
  };
  return scenarioSchema.parse({ ...spec, levers: replace(spec.levers, 'levers') });
}

function* assignments(dimensions: readonly Dimension[]): Generator<Record<string, number>> {
  const index = dimensions.map(() => 0);
  for (;;) {
    yield Object.fromEntries(dimensions.map((d, i) => [d.path, d.values[index[i] as number] as number]));
    let i = dimensions.length - 1;
    while (i >= 0 && (index[i] as number) === (dimensions[i]?.values.length as number) - 1) index[i--] = 0;
    if (i < 0) return;
    index[i] = (index[i] as number) + 1;
  }
}

/** Each channel's quality over the range, from a scenario's measures. */
function qualityOf(context: PlanContext, totals: QuickTotals): QualitySide {
  const formula = context.definitions.serviceLevelFormula;
  const round = (v: number | undefined, places: number) =>
    v === undefined ? null : Number(v.toFixed(places));
  return {
    channels: context.baseline.channels.map((c) => {
      const m = totals.channels.get(c.channel) as ContactMeasures;
      const f = figures(m, new Decimal(0), { formula, repeats: true });
      return {
        channel: c.channel,
        serviceLevel: round(f.serviceLevel, 4),
        abandonRate: round(f.abandonRate, 4),
        asaSeconds: round(f.asaSeconds, 1),
        fcr: round(f.fcr, 4),
      };
    }),
  };
}

const baseQuality = new WeakMap<PlanContext, QualitySide>();

/**
 * Evaluates one lever setting: its totals, its objective and whether it keeps every constraint, from
 * the scenario's inputs without its report (the totals are the report's, exactly).
 */
export function candidateOf(
  context: PlanContext,
  scenario: Scenario,
  assignment: Record<string, number>,
): Candidate & { state: ScenarioState } {
  const { grid } = context;
  const scale = minorUnits(context.definitions.currency);
  const state = scenarioState(context, scenario.levers);
  const totals = quickTotals(context, state);
  let base = baseQuality.get(context);
  if (!base) {
    base = qualityOf(context, quickTotals(context, context.base));
    baseQuality.set(context, base);
  }
  const { checks, violations } = checkConstraints(
    scenario.constraints,
    base,
    qualityOf(context, totals),
    context.base.channels,
    state.channels,
    grid,
  );
  const contacts = totals.measures.contacts;
  const perContact = contacts > 0 ? totals.cost.div(contacts) : undefined;
  const objective =
    scenario.objective === 'cost' ? totals.cost : (perContact ?? new Decimal(Number.POSITIVE_INFINITY));
  const f = figures(totals.measures, totals.cost, { formula: context.definitions.serviceLevelFormula });
  const binding = checks.find((c) => !c.met);
  return {
    assignment,
    levers: scenario.levers,
    totals: {
      contacts: Number(contacts.toFixed(2)),
      cost: totals.cost.toFixed(scale),
      costPerContact: perContact
        ? perContact.toDecimalPlaces(scale, Decimal.ROUND_HALF_UP).toFixed(scale)
        : null,
      serviceLevel: f.serviceLevel === undefined ? null : Number(f.serviceLevel.toFixed(4)),
      abandonRate: f.abandonRate === undefined ? null : Number(f.abandonRate.toFixed(4)),
    },
    objective,
    feasible: binding === undefined,
    binding,
    violation: violations.find((v) => v.name === binding?.name && v.channel === binding?.channel),
    state,
  };
}

/**
 * Searches every combination of the ranged parameters (discrete steps) for the plan with the lowest
 * objective (total cost, or cost per contact) that keeps every constraint, per channel, day and
 * interval. Queues whose inputs a combination leaves unchanged are not staffed again (the context
 * remembers each staffing), so a grid costs about one report per combination.
 */
export function optimise(context: PlanContext, spec: OptimiseSpec): OptimiseOutcome {
  const dimensions = dimensionsOf(spec);
  const total = dimensions.reduce((n, d) => n * d.values.length, 1);
  if (total > MAX_COMBINATIONS) {
    throw new UserError(
      'INVALID_INPUT',
      `levers: ${total.toLocaleString('en-US')} combinations; at most ${MAX_COMBINATIONS.toLocaleString('en-US')} (fewer steps or narrower ranges)`,
      { parameter: 'levers' },
    );
  }
  const candidates: Candidate[] = [];
  const byKey = new Map<string, Candidate>();
  for (const assignment of assignments(dimensions)) {
    // The scenario's inputs are let go: only the winner's are needed again, and it is evaluated anew.
    const { state: _, ...candidate } = candidateOf(context, scenarioAt(spec, assignment), assignment);
    byKey.set(JSON.stringify(assignment), candidate);
    candidates.push(candidate);
  }
  const feasible = candidates.filter((c) => c.feasible).sort((a, b) => a.objective.comparedTo(b.objective));
  const [winner] = feasible;
  if (!winner) {
    const closest = [...candidates].sort((a, b) => a.objective.comparedTo(b.objective))[0] as Candidate;
    const v = closest.violation as Violation;
    const where = v.level === 'channel' ? 'over the range' : `on ${v.level} ${v.at}`;
    throw new UserError(
      'INVALID_INPUT',
      `no combination of the levers keeps every constraint (${total} evaluated; the cheapest breaks ${v.name} on ${v.channel} ${where}: ${Number(v.value.toFixed(4))} against ${Number(v.target.toFixed(4))})`,
      { parameter: 'constraints' },
    );
  }
  const best = winner;
  const scenario = scenarioAt(spec, best.assignment);
  const evaluation = evaluate(context, scenario.levers);
  const plan = outcomeOf(context, scenario, evaluation, bridgeOf(context, scenario.levers, evaluation));
  const scale = minorUnits(context.definitions.currency);
  return {
    ...plan,
    objective: spec.objective,
    dimensions,
    best: { assignment: best.assignment, levers: best.levers, totals: plan.scenario.totals },
    runnersUp: feasible.slice(1, 6).map((c) => ({ assignment: c.assignment, totals: c.totals })),
    frontier: frontierOf(candidates),
    rejected: rejections(dimensions, best, byKey, scale),
    evaluated: candidates.length,
    feasible: feasible.length,
  };
}

/** Plans no other plan beats on both cost (lower) and service level (higher), cheapest first. */
function frontierOf(candidates: readonly Candidate[]): OptimiseOutcome['frontier'] {
  const sorted = [...candidates].sort(
    (a, b) =>
      new Decimal(a.totals.cost).comparedTo(b.totals.cost) ||
      (b.totals.serviceLevel ?? 0) - (a.totals.serviceLevel ?? 0),
  );
  const frontier: OptimiseOutcome['frontier'] = [];
  let bestLevel = Number.NEGATIVE_INFINITY;
  for (const c of sorted) {
    const level = c.totals.serviceLevel ?? Number.NEGATIVE_INFINITY;
    if (level <= bestLevel) continue;
    bestLevel = level;
    frontier.push({
      assignment: c.assignment,
      cost: c.totals.cost,
      serviceLevel: c.totals.serviceLevel,
      feasible: c.feasible,
    });
  }
  return frontier;
}

/** For each ranged parameter, every other value with the best plan's other settings: what stops it. */
function rejections(
  dimensions: readonly Dimension[],
  best: Candidate,
  byKey: ReadonlyMap<string, Candidate>,
  scale: number,
): Rejection[] {
  return dimensions.flatMap((d) =>
    d.values
      .filter((v) => v !== best.assignment[d.path])
      .map((value): Rejection => {
        const other = byKey.get(JSON.stringify({ ...best.assignment, [d.path]: value })) as Candidate;
        const difference = other.objective
          .minus(best.objective)
          .toDecimalPlaces(scale + 2)
          .toFixed();
        return other.feasible
          ? { parameter: d.path, value, reason: 'costlier', difference }
          : {
              parameter: d.path,
              value,
              reason: 'constraint',
              constraint: other.binding?.name,
              channel: other.binding?.channel,
              difference,
            };
      }),
  );
}
