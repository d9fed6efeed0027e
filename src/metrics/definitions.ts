import type { ServiceLevelFormula, WorkspaceConfig } from '../model/config.js';
import type { CostCategory } from '../model/cost-line.js';
import { type AllocationDriver, formatDriver, parseDriver } from '../model/driver.js';
import { type BenchmarkChoice, benchmarkChoice } from './benchmarks/select.js';

/** The metric definitions in force for a report, resolved from the workspace configuration. */
export interface Definitions {
  currency: string;
  timezone: string;
  countedDirections: readonly string[];
  countedOutcomes: readonly string[];
  serviceLevelSeconds: number;
  /** Thresholds that differ from serviceLevelSeconds, by channel. */
  serviceLevelByChannel: Readonly<Record<string, number>>;
  shortAbandonSeconds: number;
  serviceLevelFormula: ServiceLevelFormula;
  repeatWindowDays: number;
  csatTopBoxMin: number;
  /** Contacts handled at once by channel (absent: 1); see WorkspaceConfig.concurrency. */
  concurrencyByChannel: Readonly<Record<string, number>>;
  defaultDriver: AllocationDriver;
  /** Allocates a shared line where its driver has no weight in a segment with counted contacts. */
  fallbackDriver: AllocationDriver;
  categoryDrivers: Partial<Record<CostCategory, AllocationDriver>>;
  benchmarks: BenchmarkChoice;
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
    serviceLevelByChannel: config.serviceLevel.thresholdByChannel as Record<string, number>,
    shortAbandonSeconds: config.serviceLevel.shortAbandonSeconds,
    serviceLevelFormula: config.serviceLevel.formula,
    repeatWindowDays: config.repeatContact.windowDays,
    csatTopBoxMin: config.csat.topBoxMin,
    concurrencyByChannel: config.concurrency as Record<string, number>,
    defaultDriver: parseDriver(config.allocation.defaultDriver),
    fallbackDriver: parseDriver(config.allocation.fallbackDriver),
    categoryDrivers,
    benchmarks: benchmarkChoice(config),
  };
}

/** The definitions as printed with every report (text) and embedded in every JSON report. */
export function describeDefinitions(d: Definitions): Record<string, string> {
  const s = d.shortAbandonSeconds;
  const t = [
    `${d.serviceLevelSeconds} s`,
    ...Object.entries(d.serviceLevelByChannel).map(([c, v]) => `${c} ${v} s`),
  ].join(', ');
  return {
    contacts: `${d.countedDirections.join('/')} contacts with outcome ${d.countedOutcomes.join(' or ')}`,
    cost: 'each cost line prorated by calendar days to the months it accrues in, a month to its days, both by largest remainder; a period gets the sum of its days, so its part depends neither on the range nor on the period length; shared costs allocated by their driver',
    handleTimeWeight: `handle_time driver: agent-occupied seconds = handle seconds ÷ concurrency (the contact's own, else its channel's: ${concurrencyText(d)}; else 1) of handled contacts in any direction`,
    fallbackDriver: `${formatDriver(d.fallbackDriver)}: allocates a shared cost line instead of its driver where that driver has no weight in a segment with counted contacts (no handle time, no agent time)`,
    coverage:
      'a contact counts in cost per contact only where some cost line reaches it (its period has costs, a direct line matches its segment); contacts without any cost are left out of cost per contact, its totals and the benchmark comparison',
    partialPeriods:
      'a period is partial where the range cuts it or its contacts do not cover all of its days (edges of up to 3 days, 2 for a week, count as covered); the default range is whole periods in which both contacts and costs exist',
    costPerContact:
      'cost ÷ counted contacts that some cost line reaches (undefined where there are none, never 0)',
    aht: 'Σ (talk + hold + wrap) of handled contacts ÷ handled contacts whose handle time is known (undefined where none is)',
    asa: 'Σ wait of answered contacts ÷ answered contacts (contacts with unknown wait left out; not shown where a row mixes channels answered on different service-level clocks)',
    serviceLevel: `${d.serviceLevelFormula}: ${SERVICE_LEVEL_TEXT[d.serviceLevelFormula]}, t = ${t}, s = ${s} s; "within" = wait ≤ threshold; answered with unknown wait left out`,
    abandonRate: `abandoned after ${s} s ÷ (offered − abandoned within ${s} s); offered = handled + abandoned + callback`,
    ahtQuantiles: 'median and p90 of handle seconds of handled contacts (continuous quantiles)',
    repeatContact: `a counted contact whose customer has another counted contact within ${d.repeatWindowDays} days after it, on any channel; FCR = 1 − repeats ÷ counted contacts with a known customer`,
    resolution: `a counted contact flagged resolved, or, where the flag is missing, not a repeat contact`,
    costPerResolution: 'cost ÷ resolutions',
    costPerHandledContact: 'cost ÷ handled contacts',
    costPerCall: 'cost ÷ counted voice contacts, on rows whose counted contacts are all voice',
    costPerHandleMinute: 'cost ÷ handle minutes of handled contacts in any direction',
    labourShare: 'cost of agent_wages, benefits_payroll_tax, supervision and training_recruiting ÷ cost',
    csat: `mean of CSAT normalised to 0..1; top-2-box = share of scores ≥ ${d.csatTopBoxMin} (4 or 5 of 5)`,
    containment: 'self_served ÷ (self_served + offered to agents)',
    occupancy:
      'agent-occupied time (handle time ÷ concurrency) of handled contacts (any direction) ÷ staffed time from agent time, where recorded for the row',
    timezone: `periods are calendar periods in ${d.timezone}; weeks are ISO weeks`,
  };
}

/** "chat 2.5, messaging 3", or "none configured". */
export function concurrencyText(d: Definitions): string {
  const entries = Object.entries(d.concurrencyByChannel);
  return entries.length > 0 ? entries.map(([c, n]) => `${c} ${n}`).join(', ') : 'none configured';
}

export const SERVICE_LEVEL_TEXT: Record<ServiceLevelFormula, string> = {
  short_abandons_excluded: 'answered within t ÷ (answered + abandoned − abandoned within s)',
  abandons_against: 'answered within t ÷ (answered + abandoned)',
  answered_only: 'answered within t ÷ answered',
  early_abandons_good: '(answered within t + abandoned within t) ÷ (answered + abandoned)',
  early_abandons_ignored: 'answered within t ÷ (answered + abandoned − abandoned within t)',
};
