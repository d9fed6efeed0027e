import type { Period } from '../calendar/period.js';
import type { Aggregate, AggregateQuery, Expr } from '../engine/query.js';
import { and, cmp, column, divide, eq, inList, instant, isNull, literal, not, or } from '../engine/query.js';
import type { Dimension } from '../model/contact.js';
import type { Definitions } from './definitions.js';
import { periodKey } from './period-key.js';

/** Additive contact measures: every report figure is a ratio of these, so they sum across rows. */
export interface ContactMeasures {
  /** Contacts counted by the contact definition. */
  contacts: number;
  voiceContacts: number;
  handled: number;
  /** Handled contacts whose handle time is known: AHT divides by these, never by the others. */
  handledTimed: number;
  handleSeconds: number;
  /** Σ handle seconds of handled contacts in any direction (cost per handle minute). */
  weightHandleSeconds: number;
  /**
   * Agent-occupied seconds of handled contacts in any direction: handle seconds ÷ concurrency (the
   * contact's own, else its channel's, else 1). The handle_time allocation weight and occupancy's
   * numerator: two chats at once occupy an agent once.
   */
  occupiedSeconds: number;
  waitAnsweredSeconds: number;
  /** Handled contacts whose wait is known: ASA leaves the others out. */
  answeredTimed: number;
  /** Handled and abandoned contacts measured against the service-level threshold (SL denominators). */
  slAnswered: number;
  slAbandoned: number;
  answeredWithin: number;
  abandoned: number;
  abandonedShort: number;
  abandonedWithin: number;
  offered: number;
  selfServed: number;
  contactsWithCustomer: number;
  repeats: number;
  resolutions: number;
  csatCount: number;
  csatSum: number;
  csatTopBox: number;
  /** Every contact of any kind: a segment with any row is present for the `equal` driver. */
  rows: number;
  /** From agent time, where the workspace has it: staffed and paid seconds (the `fte` weight). */
  staffedSeconds: number;
  paidSeconds: number;
}

export const MEASURE_NAMES = [
  'contacts',
  'voiceContacts',
  'handled',
  'handledTimed',
  'handleSeconds',
  'weightHandleSeconds',
  'occupiedSeconds',
  'waitAnsweredSeconds',
  'answeredTimed',
  'slAnswered',
  'slAbandoned',
  'answeredWithin',
  'abandoned',
  'abandonedShort',
  'abandonedWithin',
  'offered',
  'selfServed',
  'contactsWithCustomer',
  'repeats',
  'resolutions',
  'csatCount',
  'csatSum',
  'csatTopBox',
  'rows',
  'staffedSeconds',
  'paidSeconds',
] as const satisfies readonly (keyof ContactMeasures)[];

/** Handle-time quantiles: not additive, so computed by the engine for each row of the report. */
export interface HandleQuantiles {
  ahtMedianSeconds: number | null;
  ahtP90Seconds: number | null;
}

export function emptyMeasures(): ContactMeasures {
  const m = {} as ContactMeasures;
  for (const name of MEASURE_NAMES) m[name] = 0;
  return m;
}

export function addMeasures(into: ContactMeasures, from: ContactMeasures): void {
  for (const name of MEASURE_NAMES) into[name] += from[name];
}

const NEXT_COUNTED = 'next_counted_at';

/**
 * Rows within their channel's service-level threshold: `atMost(t)` is the condition for the row's
 * threshold `t`, an expression; channels with a threshold of their own use it, every other channel
 * the default. One condition over the threshold the channel picks (channels sharing a threshold in
 * one list), not one per channel: fewer comparisons on every row.
 */
export function withinThreshold(d: Definitions, atMost: (threshold: Expr) => Expr): Expr {
  const channels = new Map<number, string[]>();
  for (const [c, t] of Object.entries(d.serviceLevelByChannel))
    channels.set(t, [...(channels.get(t) ?? []), c]);
  const threshold: Expr = {
    kind: 'case',
    cases: [...channels].map(([t, cs]) => ({ when: inList(column('channel'), cs), value: literal(t) })),
    otherwise: literal(d.serviceLevelSeconds),
  };
  return atMost(threshold);
}

function countedFilter(d: Definitions): Expr {
  return and(inList(column('direction'), d.countedDirections), inList(column('outcome'), d.countedOutcomes));
}

function measureAggregates(d: Definitions): Aggregate[] {
  const outcome = column('outcome');
  const wait = column('wait_seconds');
  const handle = column('handle_seconds');
  const csat = column('csat');
  const concurrency = column('concurrency');
  const anyHandled = eq(outcome, literal('handled'));
  const direction = inList(column('direction'), d.countedDirections);
  const counted = countedFilter(d);
  const handled = and(direction, eq(outcome, literal('handled')));
  const abandoned = and(direction, eq(outcome, literal('abandoned')));
  const waitAtMost = (seconds: Expr): Expr => cmp('<=', wait, seconds);
  const withCustomer = and(counted, not(isNull(column('customer'))));
  const repeat = and(
    withCustomer,
    cmp(
      '<=',
      { kind: 'secondsBetween', from: column('arrived_at'), to: column(NEXT_COUNTED) },
      literal(d.repeatWindowDays * 86_400),
    ),
  );
  return [
    { name: 'contacts', fn: 'count', filter: counted },
    { name: 'voiceContacts', fn: 'count', filter: and(counted, eq(column('channel'), literal('voice'))) },
    { name: 'handled', fn: 'count', filter: handled },
    { name: 'handledTimed', fn: 'count', filter: and(handled, not(isNull(handle))) },
    { name: 'handleSeconds', fn: 'sum', expr: handle, filter: handled },
    { name: 'weightHandleSeconds', fn: 'sum', expr: handle, filter: anyHandled },
    // Occupied time in two parts: the contacts that carry their own concurrency are divided here;
    // the others' handle seconds are divided by their channel's concurrency per fine row (channel is
    // always a fine dimension), so no per-channel expression reaches the engine.
    {
      name: OWN_OCCUPIED,
      fn: 'sum',
      expr: divide(handle, concurrency),
      filter: and(anyHandled, not(isNull(concurrency))),
    },
    { name: CHANNEL_HANDLE, fn: 'sum', expr: handle, filter: and(anyHandled, isNull(concurrency)) },
    { name: 'waitAnsweredSeconds', fn: 'sum', expr: wait, filter: handled },
    { name: 'answeredTimed', fn: 'count', filter: and(handled, not(isNull(wait))) },
    { name: 'slAnswered', fn: 'count', filter: and(handled, not(isNull(wait))) },
    { name: 'slAbandoned', fn: 'count', filter: abandoned },
    { name: 'answeredWithin', fn: 'count', filter: and(handled, withinThreshold(d, waitAtMost)) },
    { name: 'abandoned', fn: 'count', filter: abandoned },
    {
      name: 'abandonedShort',
      fn: 'count',
      filter: and(abandoned, waitAtMost(literal(d.shortAbandonSeconds))),
    },
    { name: 'abandonedWithin', fn: 'count', filter: and(abandoned, withinThreshold(d, waitAtMost)) },
    {
      name: 'offered',
      fn: 'count',
      filter: and(direction, inList(outcome, ['handled', 'abandoned', 'callback'])),
    },
    { name: 'selfServed', fn: 'count', filter: and(direction, eq(outcome, literal('self_served'))) },
    { name: 'contactsWithCustomer', fn: 'count', filter: withCustomer },
    { name: 'repeats', fn: 'count', filter: repeat },
    { name: 'resolutions', fn: 'count', filter: resolutionFilter(counted, repeat) },
    { name: 'csatCount', fn: 'count', filter: not(isNull(csat)) },
    { name: 'csatSum', fn: 'sum', expr: csat },
    { name: 'csatTopBox', fn: 'count', filter: cmp('>=', csat, literal(d.csatTopBoxMin)) },
    { name: 'rows', fn: 'count' },
    { name: FIRST_ARRIVED, fn: 'min', expr: column('arrived_at') },
    { name: LAST_ARRIVED, fn: 'max', expr: column('arrived_at') },
  ];
}

/** Query columns that are not measures themselves: occupied time's parts and the contacts' first and last instants. */
export const OWN_OCCUPIED = 'ownOccupiedSeconds';
export const CHANNEL_HANDLE = 'channelConcurrencyHandleSeconds';
export const FIRST_ARRIVED = 'firstArrived';
export const LAST_ARRIVED = 'lastArrived';

/** Contacts an agent handles at once on a channel (1 unless configured). */
export function channelConcurrency(d: Definitions, channel: string | null | undefined): number {
  return (channel ? d.concurrencyByChannel[channel] : undefined) ?? 1;
}

/** Flagged resolved, or without a flag and not a repeat. */
function resolutionFilter(counted: Expr, repeat: Expr): Expr {
  const flag = column('resolved');
  return and(counted, or(eq(flag, literal(true)), and(isNull(flag), not(coalesceFalse(repeat)))));
}

/** A condition that is NULL where a column is NULL counts as false. */
function coalesceFalse(condition: Expr): Expr {
  return { kind: 'coalesce', items: [condition, literal(false)] };
}

function quantileAggregates(d: Definitions): Aggregate[] {
  const handled = and(
    inList(column('direction'), d.countedDirections),
    eq(column('outcome'), literal('handled')),
  );
  return [
    { name: 'ahtMedianSeconds', fn: 'quantile', q: 0.5, expr: column('handle_seconds'), filter: handled },
    { name: 'ahtP90Seconds', fn: 'quantile', q: 0.9, expr: column('handle_seconds'), filter: handled },
  ];
}

export type GroupingRole = 'fine' | 'breakdown' | 'period' | 'total';

/** Grouping sets without duplicates (the fine and breakdown sets coincide when no cost needs more). */
export function groupingSets(
  breakdown: readonly Dimension[],
  fine: readonly Dimension[],
): { sets: string[][]; roles: Record<GroupingRole, number> } {
  const wanted: [GroupingRole, string[]][] = [
    ['fine', ['period', ...fine]],
    ['breakdown', ['period', ...breakdown]],
    ['period', ['period']],
    ['total', []],
  ];
  const sets: string[][] = [];
  const roles = {} as Record<GroupingRole, number>;
  for (const [role, set] of wanted) {
    const index = sets.findIndex((s) => s.join() === set.join());
    roles[role] = index >= 0 ? index : sets.push(set) - 1;
  }
  return { sets, roles };
}

/**
 * How much a report computes. `headline`: every additive figure, in one plain scan. `full` adds what
 * needs more than one pass over the data: repeat contacts (FCR, resolutions, cost per resolution, by a
 * window over each customer's contacts) and handle-time quantiles (per row, per period and overall).
 */
export type ReportDetail = 'headline' | 'full';

/**
 * One scan for a report: additive measures per local period and combination of the fine dimensions
 * (set `fine`), and handle-time quantiles per period × breakdown, per period and overall. Repeat
 * contacts look up to the repeat window past the range's end, so the last days are judged fairly.
 */
export function contactMeasuresQuery(
  d: Definitions,
  periods: readonly Period[],
  breakdown: readonly Dimension[],
  fine: readonly Dimension[],
  range: { from: Date; to: Date },
  detail: ReportDetail,
): AggregateQuery {
  const arrived = column('arrived_at');
  const groupBy = [
    { name: 'period', expr: periodKey('arrived_at', periods, d.timezone) },
    ...fine.map((name) => ({ name, expr: column(name) })),
  ];
  const inRange = and(cmp('>=', arrived, instant(range.from)), cmp('<', arrived, instant(range.to)));
  if (detail === 'headline') {
    const repeatFree = new Set<string>(['repeats', 'resolutions']);
    return {
      from: 'contacts',
      where: inRange,
      groupBy,
      aggregates: measureAggregates(d).filter((a) => !repeatFree.has(a.name)),
    };
  }
  const lookAhead = new Date(range.to.getTime() + d.repeatWindowDays * 86_400_000);
  return {
    from: {
      kind: 'nextRow',
      table: 'contacts',
      where: and(cmp('>=', arrived, instant(range.from)), cmp('<', arrived, instant(lookAhead))),
      partitionBy: [column('customer'), countedFilter(d)],
      orderBy: 'arrived_at',
      key: ['source', 'id'],
      column: 'arrived_at',
      as: NEXT_COUNTED,
    },
    where: cmp('<', arrived, instant(range.to)),
    groupBy,
    groupingSets: groupingSets(breakdown, fine).sets,
    aggregates: [...measureAggregates(d), ...quantileAggregates(d)],
  };
}
