import type { Decimal, DecimalInput } from '../../money/decimal.js';
import { exact, exactSum, fixed, mean, type Pair } from './arithmetic.js';

/** One segment's counted contacts V and cost C in one period. */
export interface SegmentInput {
  key: string;
  contacts: number;
  cost: DecimalInput;
}

/** A period's segments and the cost no segment could carry (the report's unallocated rows). */
export interface PeriodInput {
  segments: readonly SegmentInput[];
  unallocated: DecimalInput;
}

/**
 * continuing: counted contacts in both periods; entered: only in the later one; left: only in the
 * earlier one; without-contacts: cost but no counted contacts in either.
 */
export type SegmentStatus = 'continuing' | 'entered' | 'left' | 'without-contacts';

export interface SegmentEffect {
  key: string;
  status: SegmentStatus;
  contacts: Pair<number>;
  cost: Pair<Decimal>;
  /** w = V_s ÷ V. */
  share: Pair<Decimal>;
  /** u = C_s ÷ V_s; undefined where the segment has no counted contacts. */
  costPerContact: Pair<Decimal | undefined>;
  /** Continuing segments: this segment's term of mix, (w¹ − w⁰)·ū. Zero otherwise. */
  mix: Decimal;
  /** Continuing segments: w̄·(u¹ − u⁰). Zero otherwise. */
  rate: Decimal;
  /** w̄·(C¹ − C⁰)·mean(1/V⁰, 1/V¹): the part of rate due to the segment's cost. */
  costGrowth: Decimal;
  /** w̄·(1/V¹ − 1/V⁰)·mean(C⁰, C¹): the part of rate due to the segment's own volume. */
  volumeGrowth: Decimal;
  /** Entered, left or without contacts: C_s¹/V¹ − C_s⁰/V⁰, the change of its cost spread over all contacts. */
  own: Decimal;
  /** mix + rate + own = C_s¹/V¹ − C_s⁰/V⁰. */
  total: Decimal;
}

export interface CpcDecomposition {
  contacts: Pair<number>;
  cost: Pair<Decimal>;
  costPerContact: Pair<Decimal>;
  /** CPC¹ − CPC⁰, computed from the totals, independently of the parts. */
  change: Decimal;
  mix: Decimal;
  rate: Decimal;
  costGrowth: Decimal;
  volumeGrowth: Decimal;
  entered: Decimal;
  left: Decimal;
  withoutContacts: Decimal;
  unallocatedCost: Pair<Decimal>;
  /** U¹/V¹ − U⁰/V⁰. */
  unallocated: Decimal;
  /** Sorted by key. */
  segments: SegmentEffect[];
}

/*
 * Why the parts add up. Write c_s = C_s ÷ V (a segment's cost spread over all counted contacts) and
 * r = U ÷ V for the unallocated cost U. Then CPC = Σ_s c_s + r in each period, so
 * ΔCPC = Σ_s Δc_s + Δr. For a continuing segment c_s = w_s·u_s, and the midpoint identity
 * a¹b¹ − a⁰b⁰ = (a¹ − a⁰)·(b⁰ + b¹)/2 + (a⁰ + a¹)/2·(b¹ − b⁰) splits Δc_s into its mix term and its
 * rate with no residual; the same identity on u = C·(1/V) splits the rate into cost and volume growth.
 * Any other segment keeps Δc_s whole as its own effect (entered, left, without contacts), so nothing
 * is hidden in mix. A new segment takes share from the others; that shows in mix as their lost share
 * times their unit cost: a newcomer costing exactly the old average moves CPC by +x (entered) − x (mix).
 *
 * Hand-computed example (the first test): period 0 voice 100 contacts 500.00, email 100 contacts
 * 300.00; period 1 voice 100 contacts 600.00, email 300 contacts 600.00. CPC⁰ = 800/200 = 4,
 * CPC¹ = 1200/400 = 3, change −1. Shares: voice 0.5 → 0.25, email 0.5 → 0.75; unit costs voice 5 → 6,
 * email 3 → 2. mix = (−0.25)·5.5 + (0.25)·2.5 = −0.75. rate voice = 0.375·1 = 0.375, email =
 * 0.625·(−1) = −0.625. −0.75 + 0.375 − 0.625 = −1. Voice: cost growth 0.375·100·(1/100) = 0.375,
 * volume growth 0. Email: cost growth 0.625·300·mean(1/100, 1/300) = 0.625·300·(1/150) = 1.25, volume
 * growth 0.625·(1/300 − 1/100)·450 = 0.625·(−1/150)·450 = −1.875; 1.25 − 1.875 = −0.625.
 */

/** Splits the change of cost per contact between two periods exactly (midpoint / two-factor Shapley). */
export function decomposeCostPerContact(periods: Pair<PeriodInput>): CpcDecomposition {
  const [p0, p1] = periods;
  const byKey = [indexSegments(p0.segments), indexSegments(p1.segments)] as const;
  const contacts = [totalContacts(p0.segments), totalContacts(p1.segments)] as const;
  const unallocatedCost = [exact(p0.unallocated), exact(p1.unallocated)] as const;
  const cost = [
    exactSum(p0.segments.map((s) => exact(s.cost))).plus(unallocatedCost[0]),
    exactSum(p1.segments.map((s) => exact(s.cost))).plus(unallocatedCost[1]),
  ] as const;
  contacts.forEach((v, t) => {
    if (v === 0) throw new Error(`period ${t} has no counted contacts: cost per contact is undefined`);
  });
  const costPerContact = [cost[0].div(contacts[0]), cost[1].div(contacts[1])] as const;
  const keys = [...new Set([...byKey[0].keys(), ...byKey[1].keys()])].sort();
  const segments = keys
    .map((key) => segmentEffect(key, [byKey[0].get(key), byKey[1].get(key)], contacts))
    .filter((s) => s.status !== 'without-contacts' || !s.cost[0].isZero() || !s.cost[1].isZero());
  const total = (part: EffectPart, status?: SegmentStatus) =>
    exactSum(segments.filter((s) => !status || s.status === status).map((s) => s[part]));
  return {
    contacts,
    cost,
    costPerContact,
    change: fixed(costPerContact[1].minus(costPerContact[0])),
    mix: total('mix'),
    rate: total('rate'),
    costGrowth: total('costGrowth'),
    volumeGrowth: total('volumeGrowth'),
    entered: total('own', 'entered'),
    left: total('own', 'left'),
    withoutContacts: total('own', 'without-contacts'),
    unallocatedCost,
    unallocated: fixed(unallocatedCost[1].div(contacts[1]).minus(unallocatedCost[0].div(contacts[0]))),
    segments,
  };
}

type EffectPart = 'mix' | 'rate' | 'costGrowth' | 'volumeGrowth' | 'own';

function indexSegments(segments: readonly SegmentInput[]): Map<string, SegmentInput> {
  const map = new Map<string, SegmentInput>();
  for (const s of segments) {
    if (map.has(s.key)) throw new Error(`segment "${s.key}" appears twice in one period`);
    if (!Number.isInteger(s.contacts) || s.contacts < 0)
      throw new Error(`segment "${s.key}": contacts ${s.contacts}`);
    map.set(s.key, s);
  }
  return map;
}

function totalContacts(segments: readonly SegmentInput[]): number {
  return segments.reduce((n, s) => n + s.contacts, 0);
}

function statusOf(v0: number, v1: number): SegmentStatus {
  if (v0 > 0 && v1 > 0) return 'continuing';
  if (v1 > 0) return 'entered';
  return v0 > 0 ? 'left' : 'without-contacts';
}

function segmentEffect(
  key: string,
  inputs: Pair<SegmentInput | undefined>,
  totals: Pair<number>,
): SegmentEffect {
  const v = [inputs[0]?.contacts ?? 0, inputs[1]?.contacts ?? 0] as const;
  const c = [exact(inputs[0]?.cost ?? 0), exact(inputs[1]?.cost ?? 0)] as const;
  const share = [exact(v[0]).div(totals[0]), exact(v[1]).div(totals[1])] as const;
  const u = (t: 0 | 1) => (v[t] > 0 ? c[t].div(v[t]) : undefined);
  const status = statusOf(v[0], v[1]);
  const zero = exact(0);
  const base = { key, status, contacts: v, cost: c, share, costPerContact: [u(0), u(1)] as const };
  if (status !== 'continuing') {
    const own = fixed(c[1].div(totals[1]).minus(c[0].div(totals[0])));
    return { ...base, mix: zero, rate: zero, costGrowth: zero, volumeGrowth: zero, own, total: own };
  }
  const [u0, u1] = [c[0].div(v[0]), c[1].div(v[1])];
  const wBar = mean(share[0], share[1]);
  const inverse = [exact(1).div(v[0]), exact(1).div(v[1])] as const;
  const mix = fixed(share[1].minus(share[0]).times(mean(u0, u1)));
  const rate = fixed(wBar.times(u1.minus(u0)));
  const costGrowth = fixed(wBar.times(c[1].minus(c[0])).times(mean(inverse[0], inverse[1])));
  const volumeGrowth = fixed(wBar.times(inverse[1].minus(inverse[0])).times(mean(c[0], c[1])));
  return { ...base, mix, rate, costGrowth, volumeGrowth, own: zero, total: mix.plus(rate) };
}
