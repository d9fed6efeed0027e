import { addDays, dayNumber } from '../calendar/dates.js';
import {
  type Granularity,
  nextPeriodStart,
  type Period,
  parsePeriodText,
  periodStart,
  periodsBetween,
} from '../calendar/period.js';
import { localToInstant, wallClock } from '../calendar/time-zone.js';
import type { Engine } from '../engine/engine.js';
import { column } from '../engine/query.js';
import { aggregateRows } from '../engine/run-query.js';
import { UserError } from '../errors.js';
import { costLineSpan } from './cost-ledger.js';
import { type DaySpan, earlier, intersect, later } from './line-parts.js';
import { type Note, note } from './notes.js';

/** A report's range: local dates, `to` exclusive. Its first and last periods may be cut by it. */
export interface ReportRange {
  from: string;
  to: string;
}

/**
 * Days at a period's edges that may lack contacts without the period counting as partial: a center
 * closed at a weekend or on a holiday still covers its month.
 */
export const EDGE_TOLERANCE_DAYS: Record<Granularity, number> = {
  day: 0,
  week: 2,
  month: 3,
  quarter: 3,
  year: 3,
};

/**
 * The report's range: --from/--to as given (dates or periods, both inclusive), never widened, so
 * that the totals over the same days are the same whatever the granularity. What is not given comes
 * from the data: whole periods in which both contacts and costs exist (see defaultRange).
 */
export async function resolveRange(
  engine: Engine,
  timezone: string,
  granularity: Granularity,
  fromText?: string,
  toText?: string,
  lastPeriods?: number,
): Promise<ReportRange & { notes: Note[] }> {
  const given = {
    from: fromText ? parsePeriodText(fromText).start : undefined,
    to: toText ? parsePeriodText(toText).end : undefined,
  };
  const chosen =
    given.from && given.to
      ? { range: undefined, notes: [] }
      : defaultRange(
          { contacts: await contactSpan(engine, timezone), costs: await costLineSpan(engine) },
          granularity,
        );
  const to = given.to ?? chosen.range?.to;
  const from =
    lastPeriods && to
      ? lastPeriodsFrom(to, granularity, lastPeriods, given.from)
      : (given.from ?? chosen.range?.from);
  if (!from || !to) {
    throw new UserError(
      'EMPTY_PERIOD',
      'the workspace holds no contacts and no costs yet: import some first',
    );
  }
  if (from >= to) {
    throw new UserError('USAGE', `from ${fromText ?? from} is after to ${toText ?? addDays(to, -1)}`, {
      parameter: fromText ? 'from' : 'to',
      value: fromText ?? toText ?? from,
    });
  }
  return { from, to, notes: fromText || toText ? [] : chosen.notes };
}

/**
 * Whole periods in which both contacts and costs exist (edges within EDGE_TOLERANCE_DAYS count as
 * covered); where no whole period fits (sparse data, a short span), the periods touching the days
 * both exist, flagged partial; where they do not overlap, or one is missing, the periods touching
 * whatever data there is.
 */
export function defaultRange(
  spans: { contacts: DaySpan | undefined; costs: DaySpan | undefined },
  granularity: Granularity,
): { range: DaySpan | undefined; notes: Note[] } {
  const { contacts, costs } = spans;
  const both = contacts && costs ? intersect(contacts, costs) : undefined;
  if (!contacts || !costs || !both) {
    const known = [contacts, costs].filter((s): s is DaySpan => s !== undefined);
    if (known.length === 0) return { range: undefined, notes: [] };
    const from = known.map((s) => s.from).sort()[0] as string;
    const to = known.map((s) => s.to).sort()[known.length - 1] as string;
    return { range: widen({ from, to }, granularity), notes: [] };
  }
  const whole = wholePeriodsWithin(both, granularity) ?? widen(both, granularity);
  const leftOut =
    dayNumber(whole.from) - dayNumber(contacts.from) > EDGE_TOLERANCE_DAYS[granularity] ||
    dayNumber(contacts.to) - dayNumber(whole.to) > EDGE_TOLERANCE_DAYS[granularity];
  const notes = leftOut
    ? [
        note('defaultRange', {
          granularity: { granularity },
          from: { date: whole.from },
          to: { date: whole.to },
          contactsFrom: { date: contacts.from },
          contactsTo: { date: contacts.to },
          costsFrom: { date: costs.from },
          costsTo: { date: costs.to },
        }),
      ]
    : [];
  return { range: whole, notes };
}

/** The periods of the granularity inside a span, its edges within the tolerance counting as inside. */
export function wholePeriodsWithin(span: DaySpan, granularity: Granularity): DaySpan | undefined {
  const tolerance = EDGE_TOLERANCE_DAYS[granularity];
  let from = periodStart(span.from, granularity);
  if (dayNumber(span.from) - dayNumber(from) > tolerance) from = nextPeriodStart(from, granularity);
  const lastStart = periodStart(addDays(span.to, -1), granularity);
  let to = nextPeriodStart(lastStart, granularity);
  if (dayNumber(to) - dayNumber(span.to) > tolerance) to = lastStart;
  return from < to ? { from, to } : undefined;
}

function widen(span: DaySpan, granularity: Granularity): DaySpan {
  const from = periodStart(span.from, granularity);
  return { from, to: nextPeriodStart(periodStart(addDays(span.to, -1), granularity), granularity) };
}

/** The start of the last `count` periods before `to` (never before `from`, where given). */
function lastPeriodsFrom(to: string, granularity: Granularity, count: number, from?: string): string {
  let start = periodStart(addDays(to, -1), granularity);
  for (let i = 1; i < count; i++) start = periodStart(addDays(start, -1), granularity);
  return from ? later(start, from) : start;
}

/** The report's periods: every period of the granularity the range touches, the first and last cut to it. */
export function rangePeriods(range: ReportRange, granularity: Granularity): Period[] {
  return periodsBetween(range.from, range.to, granularity).map((p) => ({
    ...p,
    start: later(p.start, range.from),
    end: earlier(p.end, range.to),
  }));
}

/** The local days that hold contacts or volumes. */
async function contactSpan(engine: Engine, timezone: string): Promise<DaySpan | undefined> {
  const spans: DaySpan[] = [];
  for (const [table, col] of [
    ['contacts', 'arrived_at'],
    ['volumes', 'interval_start'],
  ] as const) {
    const [row] = await aggregateRows(engine, {
      from: table,
      groupBy: [],
      aggregates: [
        { name: 'f', fn: 'min', expr: column(col) },
        { name: 't', fn: 'max', expr: column(col) },
      ],
    });
    if (row?.f instanceof Date && row.t instanceof Date) {
      spans.push({ from: wallClock(row.f, timezone).date, to: addDays(wallClock(row.t, timezone).date, 1) });
    }
  }
  if (spans.length === 0) return undefined;
  return {
    from: spans.map((s) => s.from).sort()[0] as string,
    to: spans
      .map((s) => s.to)
      .sort()
      .at(-1) as string,
  };
}

export function rangeInstants(range: ReportRange, timezone: string): { from: Date; to: Date } {
  return { from: localToInstant(range.from, timezone), to: localToInstant(range.to, timezone) };
}
