import { type Period, parsePeriodText, periodOf } from '../../calendar/period.js';
import type { Engine } from '../../engine/engine.js';
import { UserError } from '../../errors.js';
import type { Dimension } from '../../model/contact.js';
import { Decimal, type DecimalInput } from '../../money/decimal.js';
import { agentTimeRows } from '../agent-time.js';
import type { LabourBasis } from '../cost-per-contact.js';
import type { Definitions } from '../definitions.js';
import { labourCost } from '../figures.js';
import { type DimensionValues, segmentKey } from '../segments.js';
import type { Pair } from './arithmetic.js';
import { type LabourInput, type LabourSplit, splitLabour } from './labour.js';
import {
  type CpcDecomposition,
  decomposeCostPerContact,
  type PeriodInput,
  type SegmentInput,
} from './midpoint.js';
import { type PeriodSlice, periodSlices } from './period-slices.js';

export interface DriversOptions {
  /** The earlier period (period 0) as the user types it: 2026-02, 2026-Q1, 2026-W10, 2026-02-15. */
  from: string;
  /** The later period (period 1), of the same kind. */
  to: string;
  by: readonly Dimension[];
  /** Paid agent hours of both periods; default: from the workspace's agent time, where recorded. */
  paidHours?: Pair<DecimalInput>;
}

/** Where the paid hours of the labour split came from; `none` names the periods without agent time. */
export type PaidHoursSource =
  | { kind: 'given' }
  | { kind: 'agent-time' }
  | { kind: 'none'; periods: Period[] };

export interface DriversReport {
  definitions: Definitions;
  by: readonly Dimension[];
  periods: Pair<Period>;
  decomposition: CpcDecomposition;
  /** Dimension values of every segment key of the decomposition. */
  segmentValues: ReadonlyMap<string, DimensionValues>;
  labour: LabourSplit;
  paidHours: PaidHoursSource;
  /** How each period's labour cost was built (the ledger, rate cards × handle time, or neither). */
  labourBasis: Pair<LabourBasis>;
  /** The underlying reports' notes (e.g. handle hours without a rate card). */
  notes: string[];
}

/** Why cost per contact changed from one period to another: aggregate reports, then exact arithmetic. */
export async function driversReport(
  engine: Engine,
  definitions: Definitions,
  options: DriversOptions,
): Promise<DriversReport> {
  const periods = comparedPeriods(options.from, options.to);
  const { slices, notes } = await periodSlices(engine, definitions, periods, options.by);
  const segmentValues = new Map<string, DimensionValues>();
  const inputs = [
    periodInput(slices[0], options.by, segmentValues),
    periodInput(slices[1], options.by, segmentValues),
  ] as const;
  const paid = options.paidHours
    ? { hours: options.paidHours, source: { kind: 'given' } as const }
    : await recordedPaidHours(engine, periods);
  return {
    definitions,
    by: options.by,
    periods,
    decomposition: decomposeCostPerContact(inputs),
    segmentValues,
    labour: splitLabour([labourInput(slices[0]), labourInput(slices[1])], paid.hours),
    paidHours: paid.source,
    labourBasis: [slices[0].labourBasis, slices[1].labourBasis],
    notes,
  };
}

function comparedPeriods(fromText: string, toText: string): Pair<Period> {
  const [from, to] = [parsePeriodText(fromText), parsePeriodText(toText)];
  if (from.granularity !== to.granularity) {
    throw new UserError(
      'USAGE',
      `to: ${toText} is a ${to.granularity} but from (${fromText}) is a ${from.granularity}: compare two periods of the same kind`,
      { parameter: 'to', value: toText },
    );
  }
  return [periodOf(from.start, from.granularity), periodOf(to.start, to.granularity)];
}

function periodInput(
  slice: PeriodSlice,
  by: readonly Dimension[],
  values: Map<string, DimensionValues>,
): PeriodInput {
  let unallocated = new Decimal(0);
  const segments: SegmentInput[] = [];
  for (const row of slice.rows) {
    if (row.unallocated) {
      unallocated = unallocated.plus(row.cost);
      continue;
    }
    const key = segmentKey(by, row.segment);
    values.set(key, row.segment);
    segments.push({ key, contacts: row.costedMeasures.contacts, cost: row.cost });
  }
  return { segments, unallocated };
}

/** Paid hours from agent time (staffed time where paid is missing), for the whole period whatever the breakdown. */
async function recordedPaidHours(
  engine: Engine,
  periods: Pair<Period>,
): Promise<{ hours: Pair<Decimal> | undefined; source: PaidHoursSource }> {
  const hours: Decimal[] = [];
  for (const p of periods) {
    const rows = await agentTimeRows(engine, [p], []);
    const seconds = [...rows.values()].flat().reduce((sum, row) => sum + row.measures.paidSeconds, 0);
    hours.push(new Decimal(seconds).div(3600));
  }
  const without = periods.filter((_, t) => (hours[t] as Decimal).isZero());
  if (without.length > 0) return { hours: undefined, source: { kind: 'none', periods: without } };
  return { hours: [hours[0] as Decimal, hours[1] as Decimal], source: { kind: 'agent-time' } };
}

function labourInput(slice: PeriodSlice): LabourInput {
  const m = slice.total.measures;
  return {
    labourCost: labourCost(slice.total.costByCategory),
    contacts: m.contacts,
    handled: m.handled,
    handleSeconds: m.handleSeconds,
  };
}
