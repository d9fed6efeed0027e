import { parsePeriodText } from '../calendar/period.js';
import type { Engine } from '../engine/engine.js';
import { and, cmp, column, eq, instant, isNull, literal } from '../engine/query.js';
import { aggregateRows } from '../engine/run-query.js';
import { UserError } from '../errors.js';
import type { Dimension } from '../model/contact.js';
import { formatDriver } from '../model/driver.js';
import { Decimal } from '../money/decimal.js';
import type { ReportDetail } from './contact-measures.js';
import {
  type AllocationRecord,
  type CostPerContactReport,
  costPerContactReport,
  type ReportRow,
} from './cost-per-contact.js';
import type { Definitions } from './definitions.js';
import { type Figures, rowFigures } from './figures.js';
import { driverOf } from './ledger-allocation.js';
import { rangeInstants } from './range.js';
import type { DimensionValues } from './segments.js';

export interface ExplainOptions {
  /** One period as the user types it: 2026-03, 2026-Q1, 2026-W10, 2026-03-05, 2026. */
  period: string;
  /** The segment: dimension values that must all match. Empty: the whole contact center. */
  segment: DimensionValues;
  /** `full` to explain figures that need repeat contacts (cost per resolution). */
  detail?: ReportDetail;
}

export interface CostLineShare {
  id: string;
  category: string;
  description: string | null;
  amount: Decimal;
  currency: string;
  periodStart: string;
  periodEnd: string;
  /** The line's prorated part in the period. */
  periodAmount: Decimal;
  driver: string;
  /** The segment's weight and all segments' weight under the driver (1/1 for direct costs). */
  weight: number;
  weightTotal: number;
  allocated: Decimal;
  /** For a line in another currency: the rate used (one unit in the workspace currency) and its date. */
  fxRate?: string;
  fxDate?: string;
}

export interface OutcomeCount {
  direction: string;
  outcome: string;
  contacts: number;
  counted: boolean;
}

export interface Explanation {
  report: CostPerContactReport;
  row: ReportRow;
  figures: Figures;
  lines: CostLineShare[];
  outcomes: OutcomeCount[];
}

/**
 * Everything behind one figure: the cost lines with their prorated and allocated parts (which sum
 * to the row's cost exactly), the contacts by direction and outcome with the ones counted marked,
 * and the row's measures for the formula.
 */
export async function explain(engine: Engine, d: Definitions, options: ExplainOptions): Promise<Explanation> {
  const period = parsePeriodText(options.period);
  const by = Object.keys(options.segment) as Dimension[];
  const report = await costPerContactReport(engine, d, {
    granularity: period.granularity,
    from: options.period,
    to: options.period,
    by,
    detail: options.detail ?? 'headline',
  });
  const row =
    by.length === 0
      ? report.totals
      : report.rows.find((r) => !r.unallocated && sameSegment(r.segment, options.segment));
  if (!row) {
    const wanted = by.map((dim) => `${dim} ${options.segment[dim]}`).join(', ');
    throw new UserError('NOT_FOUND', `no contacts and no costs for ${wanted} in ${options.period}`);
  }
  const allocations = report.allocations.filter((a) =>
    by.length === 0 ? true : a.segment !== undefined && sameSegment(a.segment, options.segment),
  );
  return {
    report,
    row,
    figures: rowFigures(row, d, report.detail === 'full'),
    lines: allocations.map((a) => lineShare(a, d)),
    outcomes: await outcomeCounts(engine, d, report, options.segment),
  };
}

function sameSegment(a: DimensionValues, b: DimensionValues): boolean {
  return Object.keys(b).every((k) => (a[k as Dimension] ?? null) === (b[k as Dimension] ?? null));
}

/**
 * How a line reached the segment: `direct (channel voice)` for a line of that segment, its driver
 * for a shared one (also in a whole-center explanation, where every line reaches the one segment),
 * `contacts (fallback for handle_time)` where the fallback driver allocated it.
 */
function driverText(a: AllocationRecord, d: Definitions): string {
  if (a.driver === 'rate_card') return 'rate_card';
  const own = [...DIRECT_DIMENSIONS].flatMap((dim) => (a.line[dim] ? [`${dim} ${a.line[dim]}`] : []));
  if (a.driver === 'direct')
    return own.length > 0 ? `direct (${own.join(', ')})` : formatDriver(driverOf(a.line, d));
  const driver = formatDriver(a.driver);
  return a.fallback ? `${driver} (fallback for ${formatDriver(a.fallback.from)})` : driver;
}

const DIRECT_DIMENSIONS = ['channel', 'queue', 'team'] as const;

function lineShare(a: AllocationRecord, d: Definitions): CostLineShare {
  return {
    id: a.line.id,
    category: a.line.category,
    description: a.line.description,
    amount: new Decimal(a.line.amount),
    currency: a.line.currency,
    periodStart: a.line.periodStart,
    periodEnd: a.line.periodEnd,
    periodAmount: a.periodAmount,
    driver: driverText(a, d),
    weight: a.weight,
    weightTotal: a.weightTotal,
    allocated: a.amount,
    ...(a.fx ? { fxRate: a.fx.rate.toFixed(), fxDate: a.fx.date } : {}),
  };
}

async function outcomeCounts(
  engine: Engine,
  d: Definitions,
  report: CostPerContactReport,
  segment: DimensionValues,
): Promise<OutcomeCount[]> {
  const { from, to } = rangeInstants(report, d.timezone);
  const arrived = column('arrived_at');
  const filters = Object.entries(segment).map(([dim, value]) =>
    value === null || value === undefined ? isNull(column(dim)) : eq(column(dim), literal(value)),
  );
  const rows = await aggregateRows(engine, {
    from: 'contacts',
    where: and(cmp('>=', arrived, instant(from)), cmp('<', arrived, instant(to)), ...filters),
    groupBy: [
      { name: 'direction', expr: column('direction') },
      { name: 'outcome', expr: column('outcome') },
    ],
    aggregates: [{ name: 'contacts', fn: 'count' }],
  });
  const counts = rows.map((r) => ({
    direction: String(r.direction),
    outcome: String(r.outcome),
    contacts: Number(r.contacts),
    counted:
      d.countedDirections.includes(String(r.direction)) && d.countedOutcomes.includes(String(r.outcome)),
  }));
  return counts.sort((a, b) => a.direction.localeCompare(b.direction) || a.outcome.localeCompare(b.outcome));
}
