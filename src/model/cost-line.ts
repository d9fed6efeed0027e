export const COST_CATEGORIES = [
  'agent_wages',
  'benefits_payroll_tax',
  'supervision',
  'training_recruiting',
  'technology',
  'software_licenses',
  'telephony',
  'facilities',
  'desktop_computing',
  'taxes',
  'outsourcing',
  'other',
] as const;
export type CostCategory = (typeof COST_CATEGORIES)[number];

/** Categories that are labour: used for labour share and as the default for handle-time allocation. */
export const LABOUR_CATEGORIES: readonly CostCategory[] = [
  'agent_wages',
  'benefits_payroll_tax',
  'supervision',
  'training_recruiting',
];

export const COST_BEHAVIOURS = ['fixed', 'variable'] as const;
export type CostBehaviour = (typeof COST_BEHAVIOURS)[number];

/**
 * One entry of the cost ledger. `amount` is exact decimal text in `currency`; the accrual period
 * is local calendar dates, `periodEnd` exclusive. A set channel/queue/team makes it a direct cost
 * of that segment; none set makes it shared, allocated by `driver` (undefined: the category
 * default from the workspace config).
 */
export interface CostLine {
  id: string;
  category: CostCategory;
  amount: string;
  currency: string;
  periodStart: string;
  periodEnd: string;
  channel: string | null;
  queue: string | null;
  team: string | null;
  driver: string | null;
  behaviour: CostBehaviour;
  description: string | null;
}

export function isCostCategory(text: string): text is CostCategory {
  return (COST_CATEGORIES as readonly string[]).includes(text);
}
