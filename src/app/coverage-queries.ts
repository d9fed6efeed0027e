import type { Period } from '../calendar/period.js';
import { localToInstant } from '../calendar/time-zone.js';
import type { Engine } from '../engine/engine.js';
import {
  type AggregateQuery,
  and,
  cmp,
  column,
  type Expr,
  eq,
  instant,
  isNull,
  literal,
  not,
} from '../engine/query.js';
import { aggregateRows } from '../engine/run-query.js';
import { AGENT_TIME_TABLE, CONTACTS_TABLE, VOLUMES_TABLE } from '../engine/schema.js';
import { periodAt, periodKey } from '../metrics/period-key.js';

/** What `status` counts per month and channel, as queries through the engine's query form. */

/** Contacts of one month and channel: all of them, the handled ones, and those with a handle time. */
export interface Counted {
  month: string;
  channel: string;
  contacts: number;
  handled: number;
  handledWithHandleTime: number;
}

/** Contacts and volume rows per month and channel. */
export async function contactCounts(
  engine: Engine,
  months: readonly Period[],
  timezone: string,
): Promise<Counted[]> {
  const handled = eq(column('outcome'), literal('handled'));
  const contacts = {
    from: CONTACTS_TABLE.name,
    at: 'arrived_at',
    aggregates: [
      { name: 'contacts', fn: 'count' },
      { name: 'handled', fn: 'count', filter: handled },
      { name: 'timed', fn: 'count', filter: and(handled, not(isNull(column('handle_seconds')))) },
    ],
  } as const;
  const volumes = {
    from: VOLUMES_TABLE.name,
    at: 'interval_start',
    aggregates: [
      { name: 'contacts', fn: 'sum', expr: column('offered') },
      { name: 'handled', fn: 'sum', expr: column('handled') },
      {
        name: 'timed',
        fn: 'sum',
        expr: column('handled'),
        filter: not(isNull(column('handle_seconds_sum'))),
      },
    ],
  } as const;
  const counted: Counted[] = [];
  for (const q of [contacts, volumes]) {
    const query: AggregateQuery = {
      from: q.from,
      where: within(q.at, months, timezone),
      groupBy: [
        { name: 'month', expr: periodKey(q.at, months, timezone) },
        { name: 'channel', expr: column('channel') },
      ],
      aggregates: q.aggregates,
    };
    for (const r of await aggregateRows(engine, query)) {
      const month = periodAt(months, r.month)?.label;
      if (!month) continue;
      counted.push({
        month,
        channel: String(r.channel),
        contacts: Number(r.contacts ?? 0),
        handled: Number(r.handled ?? 0),
        handledWithHandleTime: Number(r.timed ?? 0),
      });
    }
  }
  return counted;
}

export async function agentTime(
  engine: Engine,
  months: readonly Period[],
): Promise<{ month: string; channel: string | null; seconds: number }[]> {
  const day = column('day');
  const query: AggregateQuery = {
    from: AGENT_TIME_TABLE.name,
    where: and(
      cmp('>=', day, literal(months[0]?.start ?? '')),
      cmp('<', day, literal(months.at(-1)?.end ?? '')),
    ),
    groupBy: [
      { name: 'month', expr: periodKey('day', months, null) },
      { name: 'channel', expr: column('channel') },
    ],
    aggregates: [{ name: 'seconds', fn: 'sum', expr: column('staffed_seconds') }],
  };
  const rows = await aggregateRows(engine, query);
  return rows.flatMap((r) => {
    const month = periodAt(months, r.month)?.label;
    return month
      ? [{ month, channel: (r.channel as string | null) ?? null, seconds: Number(r.seconds) }]
      : [];
  });
}

function within(at: string, months: readonly Period[], timezone: string): Expr {
  const from = localToInstant(months[0]?.start ?? '', timezone);
  const to = localToInstant(months.at(-1)?.end ?? '', timezone);
  return and(cmp('>=', column(at), instant(from)), cmp('<', column(at), instant(to)));
}
