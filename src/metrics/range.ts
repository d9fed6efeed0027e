import { addDays } from '../calendar/dates.js';
import { type Granularity, nextPeriodStart, parsePeriodText, periodStart } from '../calendar/period.js';
import { localToInstant, wallClock } from '../calendar/time-zone.js';
import type { Engine } from '../engine/engine.js';
import { column } from '../engine/query.js';
import { aggregateRows } from '../engine/run-query.js';
import { UserError } from '../errors.js';
import { costLineSpan } from './cost-ledger.js';

/** A report's range: whole periods of its granularity, local dates, `to` exclusive. */
export interface ReportRange {
  from: string;
  to: string;
}

/**
 * Widens the user's --from/--to (dates or periods, both inclusive) to whole periods, so that contacts
 * and prorated costs always cover the same days. Without them, the range is the data's own span.
 */
export async function resolveRange(
  engine: Engine,
  timezone: string,
  granularity: Granularity,
  fromText?: string,
  toText?: string,
): Promise<ReportRange> {
  const span = fromText && toText ? undefined : await dataSpan(engine, timezone);
  const first = fromText ? parsePeriodText(fromText).start : span?.from;
  const lastExclusive = toText ? parsePeriodText(toText).end : span?.to;
  if (!first || !lastExclusive) {
    throw new UserError(
      'EMPTY_PERIOD',
      'the workspace holds no contacts and no costs yet (import some, or try: percontact demo)',
    );
  }
  if (first >= lastExclusive) {
    throw new UserError('USAGE', `--from ${fromText ?? first} is after --to ${toText ?? lastExclusive}`);
  }
  const from = periodStart(first, granularity);
  const to = nextPeriodStart(periodStart(addDays(lastExclusive, -1), granularity), granularity);
  return { from, to };
}

/** The local days that hold contacts or volumes; else the days costs accrue. */
async function dataSpan(engine: Engine, timezone: string): Promise<ReportRange | undefined> {
  const spans: ReportRange[] = [];
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
  if (spans.length === 0) return costLineSpan(engine);
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
