import { bottomUpLabour } from '../../metrics/bottom-up-labour.js';
import { addMeasures, type ContactMeasures, emptyMeasures } from '../../metrics/contact-measures.js';
import { allocateLines, ledgerLines } from '../../metrics/ledger-allocation.js';
import type { CostLine } from '../../model/cost-line.js';
import { minorUnits } from '../../money/currency.js';
import { Decimal } from '../../money/decimal.js';
import type { PlanContext, ScenarioState } from './evaluate.js';

/** A scenario's totals without its report: what a bridge and an optimiser need of thousands of scenarios. */
export interface QuickTotals {
  cost: Decimal;
  measures: ContactMeasures;
  /** Measures per channel over the range. */
  channels: Map<string, ContactMeasures>;
}

interface Known {
  /** Each baseline ledger line's cost in the range, by id. */
  lines: Map<string, Decimal>;
  bottomUp: Decimal;
  /** Periods whose labour the baseline built bottom-up (no wage line). */
  missing: Set<string>;
}

const known = new WeakMap<PlanContext, Known>();

function knownOf(context: PlanContext): Known {
  let k = known.get(context);
  if (!k) {
    const lines = new Map<string, Decimal>();
    let bottomUp = new Decimal(0);
    for (const a of context.base.report.allocations) {
      if (a.driver === 'rate_card') bottomUp = bottomUp.plus(a.amount);
      else lines.set(a.line.id, (lines.get(a.line.id) ?? new Decimal(0)).plus(a.amount));
    }
    const missing = new Set(
      context.inputs.periods
        .filter((p) => context.base.report.labourBasis.get(p.start) !== 'ledger')
        .map((p) => p.start),
    );
    k = { lines, bottomUp, missing };
    known.set(context, k);
  }
  return k;
}

/**
 * The total cost and measures the report would show for a scenario, exactly, without allocating:
 * total cost does not depend on how lines are split over segments. A line the scenario left alone
 * costs what the baseline's report gave it; a line of one report period is its amount; any other is
 * prorated as the report prorates it. Bottom-up labour is built as the report builds it.
 */
export function quickTotals(context: PlanContext, state: ScenarioState): QuickTotals {
  const { definitions: d, inputs } = context;
  const k = knownOf(context);
  const scale = minorUnits(d.currency);
  const unchanged = new Set(inputs.lines);
  const periods = new Map(inputs.periods.map((p) => [p.start, p]));
  const prorate: CostLine[] = [];
  let cost = new Decimal(0);
  for (const line of state.inputs.lines) {
    if (unchanged.has(line)) cost = cost.plus(k.lines.get(line.id) ?? 0);
    else if (periods.get(line.periodStart)?.end === line.periodEnd && line.currency === d.currency)
      cost = cost.plus(line.amount);
    else prorate.push(line);
  }
  if (prorate.length > 0) {
    for (const a of allocateLines(
      ledgerLines(prorate, d, inputs.fx, scale),
      inputs.periods,
      new Map(),
      d,
      [],
      scale,
    ))
      cost = cost.plus(a.amount);
  }
  if (state.inputs.labour.agentDays === inputs.labour.agentDays) cost = cost.plus(k.bottomUp);
  else {
    const built = bottomUpLabour(state.inputs.labour, d, [], inputs.periods, k.missing, scale);
    for (const part of built.parts) cost = cost.plus(part.amount);
  }
  // The channels' measures are the flow's totals; rows of other channels are as in the baseline.
  const measures = emptyMeasures();
  const channels = new Map<string, ContactMeasures>();
  for (const [channel, months] of state.measures) {
    const own = emptyMeasures();
    for (const m of months) addMeasures(own, m.after);
    channels.set(channel, own);
    addMeasures(measures, own);
  }
  for (const rows of inputs.fine.values()) {
    for (const row of rows)
      if (!state.measures.has(row.values.channel ?? '')) addMeasures(measures, row.measures);
  }
  return { cost, measures, channels };
}
