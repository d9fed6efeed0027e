import type { Texts } from '../i18n/texts.js';
import type { WaterfallStep } from './chart-options.js';

export interface PlanTotals {
  contacts: number;
  cost: string;
  costPerContact: string | null;
  serviceLevel: number | null;
  abandonRate: number | null;
  scheduledFte: number | null;
}

/** The parts of POST /plan/run's answer the planner shows (docs/planning.md, Outputs). */
export interface PlanOutcome {
  currency: string;
  range: { from: string; to: string };
  baseline: { totals: PlanTotals };
  scenario: { totals: PlanTotals };
  bridge: { lever: string; cost: string; costPerContact: string | null }[];
  change: { cost: string; costPerContact: string | null };
  constraints: {
    name: string;
    channel: string;
    target: number;
    source: string;
    value: number | null;
    met: boolean;
    violations: number;
  }[];
  violations: { name: string; channel: string; level: string; at: string; target: number; value: number }[];
  notes: string[];
}

/** Baseline cost per contact, each lever's Shapley share, the scenario's: nothing where either side has none. */
export function planBridgeSteps(o: PlanOutcome, tx: Texts): WaterfallStep[] {
  const [from, to] = [o.baseline.totals.costPerContact, o.scenario.totals.costPerContact];
  if (from === null || to === null) return [];
  return [
    { key: 'baseline', label: tx.t('baseline'), value: Number(from), kind: 'level' },
    ...o.bridge.map((b) => {
      const v = Number(b.costPerContact ?? 0);
      return { key: b.lever, label: b.lever, value: v, kind: v >= 0 ? ('up' as const) : ('down' as const) };
    }),
    { key: 'scenario', label: tx.t('scenario'), value: Number(to), kind: 'level' },
  ];
}
