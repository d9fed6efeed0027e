import type { Period } from '../../calendar/period.js';
import type { Dimension } from '../../model/contact.js';
import { LABOUR_CATEGORIES } from '../../model/cost-line.js';
import { minorUnits } from '../../money/currency.js';
import type { Decimal } from '../../money/decimal.js';
import type { LabourBasis } from '../cost-per-contact.js';
import { describeDefinitions } from '../definitions.js';
import type { DimensionValues } from '../segments.js';
import { exactSum, type Pair } from './arithmetic.js';
import type { DriversReport } from './drivers-report.js';
import type { LabourFactorName, LabourSplit } from './labour.js';
import type { SegmentEffect, SegmentStatus } from './midpoint.js';
import { displayedChange, roundForDisplay, roundToTotal } from './round-to-total.js';

/** Money parts as decimal text, rounded for display so that every sum shown adds up exactly. */
export interface BridgeView {
  mix: string;
  rate: string;
  costGrowth: string;
  volumeGrowth: string;
  entered: string;
  left: string;
  withoutContacts: string;
  unallocated: string;
}

export interface SegmentView {
  dimensions: DimensionValues;
  status: SegmentStatus;
  contacts: Pair<number>;
  cost: Pair<string>;
  /** Share of counted contacts, 0..1, four places. */
  share: Pair<number>;
  costPerContact: Pair<string | null>;
  mix: string;
  rate: string;
  costGrowth: string;
  volumeGrowth: string;
  /** Entered, left or without contacts: the segment's whole effect. */
  own: string;
  total: string;
}

export interface LabourFactorView {
  name: LabourFactorName;
  label: string;
  values: Pair<string>;
  effect: string;
}

export interface LabourView {
  categories: readonly string[];
  basis: LabourSplit['basis'];
  costPerContact: Pair<string>;
  change: string;
  /** The rest of the change of cost per contact: non-labour costs. */
  otherCostsChange: string;
  /** How each period's labour cost was built: the ledger, rate cards × handle time, or neither. */
  costSource: Pair<LabourBasis>;
  /** Empty when the split is not possible (the notes say why). */
  factors: LabourFactorView[];
  notes: string[];
}

export interface DriversView {
  currency: string;
  timezone: string;
  by: readonly Dimension[];
  periods: Pair<{ label: string; from: string; to: string }>;
  decimals: number;
  contacts: Pair<number>;
  cost: Pair<string>;
  costPerContact: Pair<string>;
  change: string;
  unallocatedCost: Pair<string>;
  bridge: BridgeView;
  segments: SegmentView[];
  labour: LabourView;
  /** What a reader must know about the figures, from the underlying reports. */
  notes: string[];
  method: string[];
  definitions: Record<string, string>;
}

const LEAVES = ['mix', 'costGrowth', 'volumeGrowth', 'own'] as const;

/** Display data of a drivers report; `decimals` defaults to the currency's minor unit. */
export function driversView(report: DriversReport, decimals?: number): DriversView {
  const scale = decimals ?? minorUnits(report.definitions.currency);
  const d = report.decomposition;
  const text = (x: Decimal) => roundForDisplay(x, scale).toFixed(scale);
  const change = displayedChange(d.costPerContact[0], d.costPerContact[1], scale);
  // Every displayed part is a rounded leaf; every displayed subtotal is a sum of displayed leaves.
  const leaves = roundToTotal(
    [...d.segments.flatMap((s) => LEAVES.map((k) => s[k])), d.unallocated],
    change,
    scale,
  );
  const leaf = (i: number, k: (typeof LEAVES)[number]) =>
    leaves[i * LEAVES.length + LEAVES.indexOf(k)] as Decimal;
  const sum = (xs: Decimal[]) => exactSum(xs).toFixed(scale);
  const segments = d.segments.map((s, i) =>
    segmentView(s, report.segmentValues.get(s.key) ?? {}, (k) => leaf(i, k), scale),
  );
  const over = (pick: (i: number) => Decimal, status?: SegmentStatus) =>
    sum(d.segments.flatMap((s, i) => (!status || s.status === status ? [pick(i)] : [])));
  const labour = labourView(report, change, scale);
  return {
    currency: report.definitions.currency,
    timezone: report.definitions.timezone,
    by: report.by,
    periods: [periodView(report.periods[0]), periodView(report.periods[1])],
    decimals: scale,
    contacts: d.contacts,
    cost: [text(d.cost[0]), text(d.cost[1])],
    costPerContact: [text(d.costPerContact[0]), text(d.costPerContact[1])],
    change: change.toFixed(scale),
    unallocatedCost: [text(d.unallocatedCost[0]), text(d.unallocatedCost[1])],
    bridge: {
      mix: over((i) => leaf(i, 'mix')),
      rate: over((i) => leaf(i, 'costGrowth').plus(leaf(i, 'volumeGrowth'))),
      costGrowth: over((i) => leaf(i, 'costGrowth')),
      volumeGrowth: over((i) => leaf(i, 'volumeGrowth')),
      entered: over((i) => leaf(i, 'own'), 'entered'),
      left: over((i) => leaf(i, 'own'), 'left'),
      withoutContacts: over((i) => leaf(i, 'own'), 'without-contacts'),
      unallocated: (leaves[leaves.length - 1] as Decimal).toFixed(scale),
    },
    segments,
    labour,
    notes: report.notes,
    method: methodLines(report),
    definitions: describeDefinitions(report.definitions),
  };
}

function periodView(p: Period): { label: string; from: string; to: string } {
  return { label: p.label, from: p.start, to: p.end };
}

function segmentView(
  s: SegmentEffect,
  dimensions: DimensionValues,
  leaf: (k: (typeof LEAVES)[number]) => Decimal,
  scale: number,
): SegmentView {
  const text = (x: Decimal | undefined) =>
    x === undefined ? null : roundForDisplay(x, scale).toFixed(scale);
  const [mix, costGrowth, volumeGrowth, own] = LEAVES.map(leaf) as [Decimal, Decimal, Decimal, Decimal];
  return {
    dimensions,
    status: s.status,
    contacts: s.contacts,
    cost: [text(s.cost[0]) as string, text(s.cost[1]) as string],
    share: [Number(s.share[0].toFixed(4)), Number(s.share[1].toFixed(4))],
    costPerContact: [text(s.costPerContact[0]), text(s.costPerContact[1])],
    mix: mix.toFixed(scale),
    rate: costGrowth.plus(volumeGrowth).toFixed(scale),
    costGrowth: costGrowth.toFixed(scale),
    volumeGrowth: volumeGrowth.toFixed(scale),
    own: own.toFixed(scale),
    total: exactSum([mix, costGrowth, volumeGrowth, own]).toFixed(scale),
  };
}

const FACTOR_LABELS: Record<LabourFactorName, string> = {
  aht: 'AHT, seconds',
  loadedRate: 'loaded hourly rate',
  productivity: 'productivity (handle ÷ paid hours)',
  costPerHandleHour: 'labour cost per handle hour',
  handledShare: 'handled ÷ counted contacts',
};

function factorText(name: LabourFactorName, value: Decimal, scale: number): string {
  if (name === 'aht') return value.toFixed(1);
  if (name === 'productivity' || name === 'handledShare') return value.toFixed(4);
  return roundForDisplay(value, scale).toFixed(scale);
}

function labourView(report: DriversReport, totalChange: Decimal, scale: number): LabourView {
  const split = report.labour;
  const y = split.costPerContact;
  const change = displayedChange(y[0], y[1], scale);
  const effects =
    split.factors.length > 0
      ? roundToTotal(
          split.factors.map((f) => f.effect),
          change,
          scale,
        )
      : [];
  return {
    categories: LABOUR_CATEGORIES,
    basis: split.basis,
    costPerContact: [
      roundForDisplay(y[0], scale).toFixed(scale),
      roundForDisplay(y[1], scale).toFixed(scale),
    ],
    change: change.toFixed(scale),
    otherCostsChange: totalChange.minus(change).toFixed(scale),
    costSource: report.labourBasis,
    factors: split.factors.map((f, i) => ({
      name: f.name,
      label: FACTOR_LABELS[f.name],
      values: [factorText(f.name, f.values[0], scale), factorText(f.name, f.values[1], scale)],
      effect: (effects[i] as Decimal).toFixed(scale),
    })),
    notes: labourNotes(report),
  };
}

function labourNotes(report: DriversReport): string[] {
  const { labour: split, periods, paidHours } = report;
  const notes: string[] = [];
  periods.forEach((period, t) => {
    if (report.labourBasis[t] === 'bottom-up') {
      notes.push(
        `labour cost of ${period.label} built from rate cards × handle time (no agent_wages in the ledger)`,
      );
    }
  });
  if (split.gap) {
    notes.push(
      `not split: no ${split.gap.missing} in ${periods[split.gap.period].label} (LMDI needs positive figures in both periods)`,
    );
    return notes;
  }
  if (paidHours.kind === 'none') {
    notes.push(
      `no agent time recorded in ${paidHours.periods.map((p) => p.label).join(' and ')}: productivity (handle hours ÷ paid hours) ` +
        'cannot be separated from the loaded hourly rate; both are inside "labour cost per handle hour" (= loaded rate ÷ productivity)',
    );
  } else {
    const source =
      paidHours.kind === 'given'
        ? 'as given'
        : "from agent time (staffed time where paid time isn't recorded)";
    notes.push(
      `paid hours ${source}; labour cost per contact = AHT × loaded hourly rate ÷ productivity × handled ÷ counted`,
    );
  }
  return notes;
}

function methodLines(report: DriversReport): string[] {
  const by = report.by.length > 0 ? report.by.join(' × ') : 'one segment (no breakdown)';
  return [
    `segments: ${by}; V = counted contacts, C = cost, w = V_s ÷ V (share), u = C_s ÷ V_s (cost per contact); bars are means of the two periods`,
    'mix = Σ (w¹ − w⁰)·ū over segments with contacts in both periods; rate = w̄·(u¹ − u⁰) (midpoint/Shapley: symmetric, no residual)',
    'rate = cost growth w̄·(C¹ − C⁰)·mean(1/V⁰, 1/V¹) + volume growth w̄·(1/V¹ − 1/V⁰)·mean(C⁰, C¹)',
    'entered / left / without contacts: a segment with counted contacts in one period only (or none) adds C_s¹/V¹ − C_s⁰/V⁰, its cost over all counted contacts',
    'unallocated: shared cost no segment had a driver weight for, U¹/V¹ − U⁰/V⁰',
    'labour: split by LMDI, effect of factor x = L(y¹, y⁰)·ln(x¹ ÷ x⁰), L(a, b) = (a − b) ÷ (ln a − ln b); divisors count with ln(x⁰ ÷ x¹)',
    'parts are computed to 40 decimal places; shown rounded by largest remainder so that shown parts add up to the shown change',
  ];
}
