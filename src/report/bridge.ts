import { Decimal } from '../money/decimal.js';

/** One segment's counted contacts and cost (decimal text) in one period. */
export interface SegmentFigures {
  key: string;
  contacts: number;
  cost: string;
}

export interface PeriodFigures {
  segments: readonly SegmentFigures[];
  /** Cost no segment could carry. */
  unallocated: string;
}

export interface MidpointBridge {
  start: Decimal;
  end: Decimal;
  mix: Decimal;
  /** Per segment with contacts in both periods: w̄·(u¹ − u⁰). */
  rates: { key: string; value: Decimal }[];
  /** Segments with contacts in one period only or in neither: their cost spread over all contacts, C¹/V¹ − C⁰/V⁰. */
  other: Decimal;
  /** U¹/V¹ − U⁰/V⁰ for the unallocated cost U. */
  unallocated: Decimal;
}

/*
 * A stand-in for the driver decomposition (src/metrics/drivers) until the charts take its steps: the
 * two-factor midpoint split of DESIGN appendix A. With V contacts, w_s = V_s ÷ V, u_s = C_s ÷ V_s:
 * Δ(w_s·u_s) = (w¹ − w⁰)·ū + w̄·(u¹ − u⁰) exactly, so mix + Σ rate + other + unallocated = CPC¹ − CPC⁰
 * (to the 40 significant digits of Decimal).
 */
export function midpointBridge(before: PeriodFigures, after: PeriodFigures): MidpointBridge | undefined {
  const v0 = contactsOf(before);
  const v1 = contactsOf(after);
  if (v0 === 0 || v1 === 0) return undefined;
  const costs = (p: PeriodFigures) => new Map(p.segments.map((s) => [s.key, s] as const));
  const [s0, s1] = [costs(before), costs(after)];
  let mix = new Decimal(0);
  let other = new Decimal(0);
  const rates: MidpointBridge['rates'] = [];
  for (const key of [...new Set([...s0.keys(), ...s1.keys()])].sort()) {
    const a = s0.get(key) ?? { key, contacts: 0, cost: '0' };
    const b = s1.get(key) ?? { key, contacts: 0, cost: '0' };
    if (a.contacts === 0 || b.contacts === 0) {
      other = other.plus(new Decimal(b.cost).div(v1)).minus(new Decimal(a.cost).div(v0));
      continue;
    }
    const [w0, w1] = [new Decimal(a.contacts).div(v0), new Decimal(b.contacts).div(v1)];
    const [u0, u1] = [new Decimal(a.cost).div(a.contacts), new Decimal(b.cost).div(b.contacts)];
    mix = mix.plus(w1.minus(w0).times(u0.plus(u1).div(2)));
    rates.push({ key, value: w0.plus(w1).div(2).times(u1.minus(u0)) });
  }
  return {
    start: totalCost(before).div(v0),
    end: totalCost(after).div(v1),
    mix,
    rates,
    other,
    unallocated: new Decimal(after.unallocated).div(v1).minus(new Decimal(before.unallocated).div(v0)),
  };
}

function contactsOf(p: PeriodFigures): number {
  return p.segments.reduce((n, s) => n + s.contacts, 0);
}

function totalCost(p: PeriodFigures): Decimal {
  return p.segments.reduce((sum, s) => sum.plus(s.cost), new Decimal(p.unallocated));
}
