import { Decimal } from '../money/decimal.js';
import type { ContactMeasures } from './contact-measures.js';

/** The headline figures of one report row, derived from its additive measures and its cost. */
export interface Figures {
  contacts: number;
  cost: Decimal;
  /** undefined where there are no counted contacts: neither zero nor infinite. */
  costPerContact: Decimal | undefined;
  handled: number;
  abandoned: number;
  ahtSeconds: number | undefined;
  asaSeconds: number | undefined;
  serviceLevel: number | undefined;
  abandonRate: number | undefined;
}

const ratio = (numerator: number, denominator: number): number | undefined =>
  denominator > 0 ? numerator / denominator : undefined;

export function figures(m: ContactMeasures, cost: Decimal): Figures {
  return {
    contacts: m.contacts,
    cost,
    costPerContact: m.contacts > 0 ? cost.div(m.contacts) : undefined,
    handled: m.handled,
    abandoned: m.abandoned,
    ahtSeconds: ratio(m.handleSeconds, m.handled),
    asaSeconds: ratio(m.waitAnsweredSeconds, m.answeredTimed),
    serviceLevel: ratio(m.answeredWithin, m.answeredTimed + m.abandoned - m.abandonedShort),
    abandonRate: ratio(m.abandoned - m.abandonedShort, m.offered - m.abandonedShort),
  };
}

/** Money for display and JSON: the currency's minor unit, half away from zero as a spreadsheet rounds. */
export function moneyText(value: Decimal, scale: number): string {
  return value.toFixed(scale, Decimal.ROUND_HALF_UP);
}
