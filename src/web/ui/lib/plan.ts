import type { PlanOutcome } from '../../../planning/scenario/run-plan.js';
import type { Texts } from '../i18n/texts.js';
import type { WaterfallStep } from './chart-options.js';

export type { PlanOutcome };

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
