import type { Decimal, DecimalInput } from '../../money/decimal.js';
import { exact, fixed, type Pair } from './arithmetic.js';
import { type Factor, lmdi } from './lmdi.js';

/** One period's labour figures, from the report's period total. */
export interface LabourInput {
  /** Σ cost of the labour categories, allocated or not. */
  labourCost: DecimalInput;
  /** Counted contacts V. */
  contacts: number;
  /** Handled contacts of the counted directions. */
  handled: number;
  /** Σ handle seconds of those handled contacts. */
  handleSeconds: number;
}

export type LabourFactorName = 'aht' | 'loadedRate' | 'productivity' | 'costPerHandleHour' | 'handledShare';

export interface LabourFactor extends Factor {
  name: LabourFactorName;
  effect: Decimal;
}

/** Why the labour change could not be split: a figure that is zero or missing in a period. */
export interface LabourGap {
  missing: 'labour cost' | 'handled contacts' | 'handle time' | 'paid hours';
  period: 0 | 1;
}

export interface LabourSplit {
  /** y = labour cost ÷ counted contacts. */
  costPerContact: Pair<Decimal>;
  change: Decimal;
  /** paid-hours: AHT, loaded rate, productivity; handle-hours: AHT and labour cost per handle hour. */
  basis: 'paid-hours' | 'handle-hours';
  /** Empty when a gap prevents the split; the effects sum to `change`. */
  factors: LabourFactor[];
  gap: LabourGap | undefined;
}

/*
 * y = L/V = AHT × (L/P) ÷ (H/P) × (N/V), with H handle hours, N handled contacts, P paid hours:
 * AHT = H/N, loaded hourly rate L/P, productivity H/P (a divisor), and the handled share N/V, which
 * is 1 when every counted contact is handled and below 1 when the definition also counts callbacks
 * or self-service. Without paid hours the middle two collapse into L/H, labour cost per handle hour.
 *
 * Hand-computed example (in the test): period 0 L 1000, V 100, N 100, H 100 h → y 10; period 1
 * L 1331, V 100, N 100, H 121 h → y 13.31. AHT 1 h → 1.21 h, cost per handle hour 10 → 11.
 * L(13.31, 10) = 3.31 ÷ ln 1.331 = 3.31 ÷ (3·ln 1.1); AHT effect = L·ln 1.21 = L·2·ln 1.1 = 3.31·2/3
 * = 2.20667; rate effect = L·ln 1.1 = 3.31/3 = 1.10333; handled share effect 0; sum 3.31.
 */

/** Splits the change of labour cost per contact by LMDI; `paidHours` (both periods) adds productivity. */
export function splitLabour(periods: Pair<LabourInput>, paidHours?: Pair<DecimalInput>): LabourSplit {
  const y = [perContact(periods[0]), perContact(periods[1])] as const;
  const basis = paidHours ? 'paid-hours' : 'handle-hours';
  const base = { costPerContact: y, change: fixed(y[1].minus(y[0])), basis } as const;
  const gap = findGap(periods, paidHours);
  if (gap) return { ...base, factors: [], gap };
  const factors = labourFactors(periods, paidHours);
  const effects = lmdi(y, factors);
  return {
    ...base,
    factors: factors.map((f, i) => ({ ...f, effect: effects[i] as Decimal })),
    gap: undefined,
  };
}

function perContact(p: LabourInput): Decimal {
  if (p.contacts <= 0) throw new Error('labour cost per contact needs counted contacts');
  return exact(p.labourCost).div(p.contacts);
}

function findGap(periods: Pair<LabourInput>, paidHours?: Pair<DecimalInput>): LabourGap | undefined {
  for (const period of [0, 1] as const) {
    const p = periods[period];
    if (!exact(p.labourCost).isPositive() || exact(p.labourCost).isZero())
      return { missing: 'labour cost', period };
    if (p.handled <= 0) return { missing: 'handled contacts', period };
    if (p.handleSeconds <= 0) return { missing: 'handle time', period };
    const paid = paidHours?.[period];
    if (paid !== undefined && !(exact(paid).isPositive() && !exact(paid).isZero()))
      return { missing: 'paid hours', period };
  }
  return undefined;
}

function labourFactors(
  periods: Pair<LabourInput>,
  paidHours?: Pair<DecimalInput>,
): Omit<LabourFactor, 'effect'>[] {
  const pair = (f: (p: LabourInput, t: 0 | 1) => Decimal) => [f(periods[0], 0), f(periods[1], 1)] as const;
  const handleHours = (p: LabourInput) => exact(p.handleSeconds).div(3600);
  const aht = {
    name: 'aht',
    values: pair((p) => exact(p.handleSeconds).div(p.handled)),
    exponent: 1,
  } as const;
  const handledShare = {
    name: 'handledShare',
    values: pair((p) => exact(p.handled).div(p.contacts)),
    exponent: 1,
  } as const;
  if (!paidHours) {
    const perHour = pair((p) => exact(p.labourCost).div(handleHours(p)));
    return [aht, { name: 'costPerHandleHour', values: perHour, exponent: 1 }, handledShare];
  }
  const paid = (t: 0 | 1) => exact(paidHours[t]);
  return [
    aht,
    { name: 'loadedRate', values: pair((p, t) => exact(p.labourCost).div(paid(t))), exponent: 1 },
    { name: 'productivity', values: pair((p, t) => handleHours(p).div(paid(t))), exponent: -1 },
    handledShare,
  ];
}
