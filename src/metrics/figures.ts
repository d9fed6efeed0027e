import type { ServiceLevelFormula } from '../model/config.js';
import { type CostCategory, LABOUR_CATEGORIES } from '../model/cost-line.js';
import { Decimal } from '../money/decimal.js';
import type { ContactMeasures, HandleQuantiles } from './contact-measures.js';

export type ServiceLevels = Record<ServiceLevelFormula, number | undefined>;

/** The figures of one report row, derived from its additive measures, its quantiles and its cost. */
export interface Figures {
  contacts: number;
  cost: Decimal;
  /** undefined where there are no counted contacts: neither zero nor infinite. */
  costPerContact: Decimal | undefined;
  costPerHandledContact: Decimal | undefined;
  costPerCall: Decimal | undefined;
  costPerResolution: Decimal | undefined;
  costPerHandleMinute: Decimal | undefined;
  labourShare: number | undefined;
  handled: number;
  abandoned: number;
  ahtSeconds: number | undefined;
  ahtMedianSeconds: number | undefined;
  ahtP90Seconds: number | undefined;
  asaSeconds: number | undefined;
  serviceLevel: number | undefined;
  serviceLevels: ServiceLevels;
  abandonRate: number | undefined;
  repeatRate: number | undefined;
  fcr: number | undefined;
  /** undefined unless the report computed repeat contacts (detail `full`). */
  resolutions: number | undefined;
  csatMean: number | undefined;
  csatTopBox: number | undefined;
  containment: number | undefined;
  /** Handle time of handled contacts (any direction) ÷ staffed time, where agent time is known. */
  occupancy: number | undefined;
}

const ratio = (numerator: number, denominator: number): number | undefined =>
  denominator > 0 ? numerator / denominator : undefined;

const per = (cost: Decimal, denominator: number): Decimal | undefined =>
  denominator > 0 ? cost.div(denominator) : undefined;

/**
 * Numerator and denominator of the five service-level formulas of DESIGN appendix A. Answered and
 * abandoned here are those measured against the workspace's threshold (`slAnswered`, `slAbandoned`):
 * contacts with an unknown wait, and volumes measured at another threshold, are left out.
 */
export function serviceLevelTerms(m: ContactMeasures): Record<ServiceLevelFormula, [number, number]> {
  const a = m.slAnswered;
  const b = m.slAbandoned;
  return {
    short_abandons_excluded: [m.answeredWithin, a + b - m.abandonedShort],
    abandons_against: [m.answeredWithin, a + b],
    answered_only: [m.answeredWithin, a],
    early_abandons_good: [m.answeredWithin + m.abandonedWithin, a + b],
    early_abandons_ignored: [m.answeredWithin, a + b - m.abandonedWithin],
  };
}

export function serviceLevels(m: ContactMeasures): ServiceLevels {
  const levels = {} as ServiceLevels;
  for (const [name, [numerator, denominator]] of Object.entries(serviceLevelTerms(m))) {
    levels[name as ServiceLevelFormula] = ratio(numerator, denominator);
  }
  return levels;
}

export function labourCost(costByCategory: ReadonlyMap<CostCategory, Decimal>): Decimal {
  let total = new Decimal(0);
  for (const category of LABOUR_CATEGORIES) total = total.plus(costByCategory.get(category) ?? 0);
  return total;
}

export function figures(
  m: ContactMeasures,
  cost: Decimal,
  options: {
    formula: ServiceLevelFormula;
    /** Whether repeat contacts were computed (report detail `full`). */
    repeats?: boolean;
    quantiles?: HandleQuantiles;
    costByCategory?: ReadonlyMap<CostCategory, Decimal>;
  },
): Figures {
  const levels = serviceLevels(m);
  const repeats = options.repeats === true;
  const repeatRate = repeats ? ratio(m.repeats, m.contactsWithCustomer) : undefined;
  const labour = options.costByCategory ? labourCost(options.costByCategory) : undefined;
  return {
    contacts: m.contacts,
    cost,
    costPerContact: per(cost, m.contacts),
    costPerHandledContact: per(cost, m.handled),
    costPerCall: m.contacts > 0 && m.voiceContacts === m.contacts ? cost.div(m.contacts) : undefined,
    costPerResolution: repeats ? per(cost, m.resolutions) : undefined,
    costPerHandleMinute: per(cost, m.weightHandleSeconds / 60),
    labourShare: labour && !cost.isZero() ? labour.div(cost).toNumber() : undefined,
    handled: m.handled,
    abandoned: m.abandoned,
    ahtSeconds: ratio(m.handleSeconds, m.handled),
    ahtMedianSeconds: options.quantiles?.ahtMedianSeconds ?? undefined,
    ahtP90Seconds: options.quantiles?.ahtP90Seconds ?? undefined,
    asaSeconds: ratio(m.waitAnsweredSeconds, m.answeredTimed),
    serviceLevel: levels[options.formula],
    serviceLevels: levels,
    abandonRate: ratio(m.abandoned - m.abandonedShort, m.offered - m.abandonedShort),
    repeatRate,
    fcr: repeatRate === undefined ? undefined : 1 - repeatRate,
    resolutions: repeats ? m.resolutions : undefined,
    csatMean: ratio(m.csatSum, m.csatCount),
    csatTopBox: ratio(m.csatTopBox, m.csatCount),
    containment: ratio(m.selfServed, m.selfServed + m.offered),
    occupancy: ratio(m.weightHandleSeconds, m.staffedSeconds),
  };
}

/** Money for display and JSON: the currency's minor unit, half away from zero as a spreadsheet rounds. */
export function moneyText(value: Decimal, scale: number): string {
  return value.toFixed(scale, Decimal.ROUND_HALF_UP);
}
