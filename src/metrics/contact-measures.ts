import type { Granularity } from '../calendar/period.js';
import type { Aggregate, AggregateQuery, Expr } from '../engine/query.js';
import { and, cmp, column, eq, inList, instant, isNull, literal, not } from '../engine/query.js';
import type { Dimension } from '../model/contact.js';
import type { Definitions } from './definitions.js';

/** Additive contact measures: every report figure is a ratio of these, so they sum across rows. */
export interface ContactMeasures {
  /** Contacts counted by the contact definition. */
  contacts: number;
  handled: number;
  handleSeconds: number;
  /** Σ handle seconds of handled contacts in any direction: the handle_time allocation weight. */
  weightHandleSeconds: number;
  waitAnsweredSeconds: number;
  /** Handled contacts whose wait is known: ASA and service level leave the others out. */
  answeredTimed: number;
  answeredWithin: number;
  abandoned: number;
  abandonedShort: number;
  abandonedWithin: number;
  offered: number;
  /** Every contact of any kind: a segment with any row is present for the `equal` driver. */
  rows: number;
}

export const MEASURE_NAMES: readonly (keyof ContactMeasures)[] = [
  'contacts',
  'handled',
  'handleSeconds',
  'weightHandleSeconds',
  'waitAnsweredSeconds',
  'answeredTimed',
  'answeredWithin',
  'abandoned',
  'abandonedShort',
  'abandonedWithin',
  'offered',
  'rows',
];

export function emptyMeasures(): ContactMeasures {
  return {
    contacts: 0,
    handled: 0,
    handleSeconds: 0,
    weightHandleSeconds: 0,
    waitAnsweredSeconds: 0,
    answeredTimed: 0,
    answeredWithin: 0,
    abandoned: 0,
    abandonedShort: 0,
    abandonedWithin: 0,
    offered: 0,
    rows: 0,
  };
}

export function addMeasures(into: ContactMeasures, from: ContactMeasures): void {
  for (const name of MEASURE_NAMES) into[name] += from[name];
}

function measureAggregates(d: Definitions): Aggregate[] {
  const outcome = column('outcome');
  const wait = column('wait_seconds');
  const handle = column('handle_seconds');
  const direction = inList(column('direction'), d.countedDirections);
  const handled = and(direction, eq(outcome, literal('handled')));
  const abandoned = and(direction, eq(outcome, literal('abandoned')));
  const waitAtMost = (seconds: number): Expr => cmp('<=', wait, literal(seconds));
  return [
    { name: 'contacts', fn: 'count', filter: and(direction, inList(outcome, d.countedOutcomes)) },
    { name: 'handled', fn: 'count', filter: handled },
    { name: 'handleSeconds', fn: 'sum', expr: handle, filter: handled },
    { name: 'weightHandleSeconds', fn: 'sum', expr: handle, filter: eq(outcome, literal('handled')) },
    { name: 'waitAnsweredSeconds', fn: 'sum', expr: wait, filter: handled },
    { name: 'answeredTimed', fn: 'count', filter: and(handled, not(isNull(wait))) },
    { name: 'answeredWithin', fn: 'count', filter: and(handled, waitAtMost(d.serviceLevelSeconds)) },
    { name: 'abandoned', fn: 'count', filter: abandoned },
    { name: 'abandonedShort', fn: 'count', filter: and(abandoned, waitAtMost(d.shortAbandonSeconds)) },
    { name: 'abandonedWithin', fn: 'count', filter: and(abandoned, waitAtMost(d.serviceLevelSeconds)) },
    { name: 'offered', fn: 'count', filter: and(direction, inList(outcome, ['handled', 'abandoned', 'callback'])) },
    { name: 'rows', fn: 'count' },
  ];
}

/** Contact measures per local period and per combination of `dimensions`, for [from, to). */
export function contactMeasuresQuery(
  d: Definitions,
  granularity: Granularity,
  dimensions: readonly Dimension[],
  from: Date,
  to: Date,
): AggregateQuery {
  const arrived = column('arrived_at');
  return {
    from: 'contacts',
    where: and(cmp('>=', arrived, instant(from)), cmp('<', arrived, instant(to))),
    groupBy: [
      { name: 'period', expr: { kind: 'bucket', unit: granularity, column: 'arrived_at', timeZone: d.timezone } },
      ...dimensions.map((name) => ({ name, expr: column(name) })),
    ],
    aggregates: measureAggregates(d),
  };
}
