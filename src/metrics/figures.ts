import type { ServiceLevelFormula } from '../model/config.js';
import { type CostCategory, LABOUR_CATEGORIES } from '../model/cost-line.js';
import { Decimal } from '../money/decimal.js';
import type { ContactMeasures, HandleQuantiles } from './contact-measures.js';
import type { ReportRow } from './cost-per-contact.js';
import type { Definitions } from './definitions.js';

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

/**
 * Every formula's service level; all undefined where contacts were answered but none was measured
 * against the threshold (no known wait: a 3CX v16 CDR records no queue time): the abandons alone
 * would make it a silent 0 %.
 */
export function serviceLevels(m: ContactMeasures): ServiceLevels {
  const levels = {} as ServiceLevels;
  const unmeasured = m.handled > 0 && m.slAnswered === 0;
  for (const [name, [numerator, denominator]] of Object.entries(serviceLevelTerms(m))) {
    levels[name as ServiceLevelFormula] = unmeasured ? undefined : ratio(numerator, denominator);
  }
  return levels;
}

/**
 * More agent-occupied time than staffed time: agent time misses some agents whose contacts are
 * counted (another source, a team not in the WFM export), so their ratio is no occupancy.
 */
export function occupiedBeyondStaffed(m: ContactMeasures): boolean {
  return m.staffedSeconds > 0 && m.occupiedSeconds > m.staffedSeconds;
}

/** Contacts were answered, none with a known wait: service level and ASA are undefined (a note says why). */
export function noKnownWait(m: ContactMeasures): boolean {
  return m.handled > 0 && m.answeredTimed === 0;
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
    /**
     * What the cost ratios divide: a cost and the measures of the contacts it reaches. Default the
     * row's own; a report passes the contacts some cost line reaches (see ReportRow.costedMeasures).
     */
    costBasis?: { cost: Decimal; measures: ContactMeasures };
    /** The row mixes channels answered on different clocks (seconds and hours): no ASA. */
    asaMixed?: boolean;
  },
): Figures {
  const levels = serviceLevels(m);
  const repeats = options.repeats === true;
  const repeatRate = repeats ? ratio(m.repeats, m.contactsWithCustomer) : undefined;
  const labour = options.costByCategory ? labourCost(options.costByCategory) : undefined;
  const { cost: c, measures: b } = options.costBasis ?? { cost, measures: m };
  return {
    contacts: m.contacts,
    cost,
    costPerContact: per(c, b.contacts),
    costPerHandledContact: per(c, b.handled),
    costPerCall: b.contacts > 0 && b.voiceContacts === b.contacts ? c.div(b.contacts) : undefined,
    costPerResolution: repeats ? per(c, b.resolutions) : undefined,
    costPerHandleMinute: per(c, b.weightHandleSeconds / 60),
    labourShare: labour && !cost.isZero() ? labour.div(cost).toNumber() : undefined,
    handled: m.handled,
    abandoned: m.abandoned,
    ahtSeconds: ratio(m.handleSeconds, m.handledTimed),
    ahtMedianSeconds: options.quantiles?.ahtMedianSeconds ?? undefined,
    ahtP90Seconds: options.quantiles?.ahtP90Seconds ?? undefined,
    asaSeconds: options.asaMixed ? undefined : ratio(m.waitAnsweredSeconds, m.answeredTimed),
    serviceLevel: levels[options.formula],
    serviceLevels: levels,
    abandonRate: ratio(m.abandoned - m.abandonedShort, m.offered - m.abandonedShort),
    repeatRate,
    fcr: repeatRate === undefined ? undefined : 1 - repeatRate,
    resolutions: repeats ? m.resolutions : undefined,
    csatMean: ratio(m.csatSum, m.csatCount),
    csatTopBox: ratio(m.csatTopBox, m.csatCount),
    containment: ratio(m.selfServed, m.selfServed + m.offered),
    occupancy: occupiedBeyondStaffed(m) ? undefined : ratio(m.occupiedSeconds, m.staffedSeconds),
  };
}

/** A report row's figures: cost ratios over the contacts its costs reach, no ASA across clocks. */
export function rowFigures(row: ReportRow, d: Definitions, repeats: boolean): Figures {
  return figures(row.measures, row.cost, {
    formula: d.serviceLevelFormula,
    repeats,
    quantiles: row.quantiles,
    costByCategory: row.costByCategory,
    costBasis: { cost: row.cost, measures: row.costedMeasures },
    asaMixed: waitClocks(row, d).size > 1,
  });
}

/** Channels by the service-level threshold they are answered against, for those with answered contacts. */
export function waitClocks(row: ReportRow, d: Definitions): Map<number, string[]> {
  const clocks = new Map<number, string[]>();
  for (const [channel, m] of [...row.byChannel].sort(([a], [b]) => a.localeCompare(b))) {
    if (m.answeredTimed === 0) continue;
    const threshold = d.serviceLevelByChannel[channel] ?? d.serviceLevelSeconds;
    clocks.set(threshold, [...(clocks.get(threshold) ?? []), channel]);
  }
  return clocks;
}

/** Money for display and JSON: the currency's minor unit, half away from zero as a spreadsheet rounds. */
export function moneyText(value: Decimal, scale: number): string {
  return value.toFixed(scale, Decimal.ROUND_HALF_UP);
}
