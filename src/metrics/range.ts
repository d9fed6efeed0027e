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
import { type AggregateQuery, column } from '../engine/query.js';
import { aggregateRows } from '../engine/run-query.js';
import { UserError } from '../errors.js';
import { costLineSpans } from './cost-ledger.js';
import { type DaySpan, earlier, intersect, later } from './line-parts.js';
import { type Note, note } from './notes.js';
import { periodKey } from './period-key.js';

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
          { contacts: await contactMonths(engine, timezone), costs: await costLineSpans(engine) },
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
  if (from >= to) throw reversedRange({ from: fromText, to: toText }, { from, to });
  return { from, to, notes: fromText || toText ? [] : chosen.notes };
}

/**
 * A range whose start is not before its end, in the words of its parameters: each given one with
 * the value as given (a front end names it its own way), a default one as the date it came to.
 */
export function reversedRange(given: { from?: string; to?: string }, range: DaySpan): UserError {
  const last = addDays(range.to, -1);
  const message =
    given.from !== undefined && given.to !== undefined
      ? `to "${given.to}" is before from "${given.from}"`
      : given.from !== undefined
        ? `from "${given.from}" is after the default end (${last})`
        : `to "${given.to ?? last}" is before the default start (${range.from})`;
  const parameter = given.to === undefined ? 'from' : 'to';
  return new UserError('USAGE', message, { parameter, value: given[parameter] ?? range[parameter] });
}

/**
 * Where data exists, as day spans: contacts per month (from a month's first to the day after its
 * last contact), so that a gap of months or years between contacts is seen; costs per distinct line
 * span.
 */
export interface DataDays {
  contacts: readonly DaySpan[];
  costs: readonly DaySpan[];
}

/**
 * Whole periods in which both contacts and costs exist: the days where a month's contacts meet a
 * cost line, from the first to the last such day (edges within EDGE_TOLERANCE_DAYS count as
 * covered). Where no whole period fits (sparse data, a short span), the periods touching those days,
 * flagged partial; where contacts and costs never meet, or one is missing, the periods touching the
 * contacts (else the costs), and the report says the ledger does not overlap the contacts.
 */
export function defaultRange(
  data: DataDays,
  granularity: Granularity,
): { range: DaySpan | undefined; notes: Note[] } {
  const contacts = hull(data.contacts);
  const costs = hull(data.costs);
  const both = hull(data.contacts.flatMap((c) => data.costs.flatMap((l) => intersect(c, l) ?? [])));
  if (!contacts || !costs || !both) {
    const known = contacts ?? costs;
    const notes = contacts && costs ? [noOverlapNote(contacts, costs)] : [];
    return { range: known && widen(known, granularity), notes };
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

/** The ledger and the contacts never meet: the report names both. */
export function noOverlapNote(contacts: DaySpan, costs: DaySpan): Note {
  return note('noOverlap', {
    costsFrom: { date: costs.from },
    costsTo: { date: costs.to },
    contactsFrom: { date: contacts.from },
    contactsTo: { date: contacts.to },
  });
}

/** From the first day of any span to the last; undefined for none. */
function hull(spans: readonly DaySpan[]): DaySpan | undefined {
  if (spans.length === 0) return undefined;
  return {
    from: spans.map((s) => s.from).reduce(earlier),
    to: spans.map((s) => s.to).reduce(later),
  };
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

/** Per month, the local days from its first to the day after its last contact or volume row. */
async function contactMonths(engine: Engine, timezone: string): Promise<DaySpan[]> {
  const spans: DaySpan[] = [];
  for (const [table, col] of [
    ['contacts', 'arrived_at'],
    ['volumes', 'interval_start'],
  ] as const) {
    const extent = await firstAndLast(engine, table, col, []);
    const [first, last] = (extent[0] ?? []).map((d) => wallClock(d, timezone).date);
    if (!first || !last) continue;
    const months = periodsBetween(first, addDays(last, 1), 'month');
    for (const [f, t] of await firstAndLast(engine, table, col, [
      { name: 'month', expr: periodKey(col, months, timezone) },
    ])) {
      spans.push({ from: wallClock(f, timezone).date, to: addDays(wallClock(t, timezone).date, 1) });
    }
  }
  return spans;
}

/** The first and last value of a timestamp column, per group. */
async function firstAndLast(
  engine: Engine,
  table: string,
  col: string,
  groupBy: AggregateQuery['groupBy'],
): Promise<[Date, Date][]> {
  const rows = await aggregateRows(engine, {
    from: table,
    groupBy,
    aggregates: [
      { name: 'f', fn: 'min', expr: column(col) },
      { name: 't', fn: 'max', expr: column(col) },
    ],
  });
  return rows.flatMap((r) =>
    r.f instanceof Date && r.t instanceof Date ? [[r.f, r.t] as [Date, Date]] : [],
  );
}

export function rangeInstants(range: ReportRange, timezone: string): { from: Date; to: Date } {
  return { from: localToInstant(range.from, timezone), to: localToInstant(range.to, timezone) };
}
