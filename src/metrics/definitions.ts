import type { WorkspaceConfig } from '../model/config.js';
import type { CostCategory } from '../model/cost-line.js';
import { type AllocationDriver, parseDriver } from '../model/driver.js';

/** The metric definitions in force for a report, resolved from the workspace configuration. */
export interface Definitions {
  currency: string;
  timezone: string;
  countedDirections: readonly string[];
  countedOutcomes: readonly string[];
  serviceLevelSeconds: number;
  shortAbandonSeconds: number;
  defaultDriver: AllocationDriver;
  categoryDrivers: Partial<Record<CostCategory, AllocationDriver>>;
}

export function resolveDefinitions(config: WorkspaceConfig): Definitions {
  const categoryDrivers: Definitions['categoryDrivers'] = {};
  for (const [category, text] of Object.entries(config.allocation.byCategory)) {
    if (text) categoryDrivers[category as CostCategory] = parseDriver(text);
  }
  return {
    currency: config.currency,
    timezone: config.timezone,
    countedDirections: config.contactDefinition.directions,
    countedOutcomes: config.contactDefinition.outcomes,
    serviceLevelSeconds: config.serviceLevel.thresholdSeconds,
    shortAbandonSeconds: config.serviceLevel.shortAbandonSeconds,
    defaultDriver: parseDriver(config.allocation.defaultDriver),
    categoryDrivers,
  };
}

/** The definitions as printed with every report (text) and embedded in every JSON report. */
export function describeDefinitions(d: Definitions): Record<string, string> {
  const t = d.serviceLevelSeconds;
  const s = d.shortAbandonSeconds;
  return {
    contacts: `${d.countedDirections.join('/')} contacts with outcome ${d.countedOutcomes.join(' or ')}`,
    cost: 'each cost line prorated by calendar days of overlap with the period; shared costs allocated by their driver; parts rounded to the minor unit by largest remainder',
    costPerContact: 'cost ÷ contacts (undefined where there are no contacts)',
    aht: 'Σ (talk + hold + wrap) of handled contacts ÷ handled contacts',
    asa: 'Σ wait of answered contacts ÷ answered contacts (contacts with unknown wait left out)',
    serviceLevel: `answered within ${t} s ÷ (answered + abandoned − abandoned within ${s} s); answered with unknown wait left out`,
    abandonRate: `abandoned after ${s} s ÷ (offered − abandoned within ${s} s); offered = handled + abandoned + callback`,
    timezone: `periods are calendar periods in ${d.timezone}; weeks are ISO weeks`,
  };
}
