import type { Period } from '../calendar/period.js';
import type { Engine } from '../engine/engine.js';
import {
  type Aggregate,
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
import { VOLUMES_TABLE } from '../engine/schema.js';
import type { Dimension } from '../model/contact.js';
import type { FineRow } from './allocation.js';
import { type ContactMeasures, emptyMeasures, withinThreshold } from './contact-measures.js';
import type { Definitions } from './definitions.js';
import { localDays, occupied } from './measures-query.js';
import { periodAt, periodKey } from './period-key.js';
import type { DimensionValues } from './segments.js';

const VOLUME_DIMENSIONS: readonly Dimension[] = ['channel', 'queue'];

/**
 * Aggregated volumes (imported where a center has no contact-level data) as rows that add to the
 * contact measures. Volumes are inbound, know no team, agent or topic (those are null), no
 * callbacks and no short abandons; their service level counts only where they were measured against
 * the workspace's threshold. The import guarantees volumes and contacts never cover the same segment
 * and time, so nothing is counted twice.
 */
export async function volumeRows(
  engine: Engine,
  d: Definitions,
  periods: readonly Period[],
  dims: readonly Dimension[],
  range: { from: Date; to: Date },
): Promise<Map<string, FineRow[]>> {
  const rowsByPeriod = new Map<string, FineRow[]>();
  if (!d.countedDirections.includes('inbound')) return rowsByPeriod;
  const keys = dims.filter((dim) => VOLUME_DIMENSIONS.includes(dim));
  const start = column('interval_start');
  const rows = await aggregateRows(engine, {
    from: VOLUMES_TABLE.name,
    where: and(cmp('>=', start, instant(range.from)), cmp('<', start, instant(range.to))),
    groupBy: [
      { name: 'period', expr: periodKey('interval_start', periods, d.timezone) },
      ...keys.map((name) => ({ name, expr: column(name) })),
    ],
    aggregates: volumeAggregates(d),
  });
  for (const r of rows) {
    const values: DimensionValues = {};
    for (const dim of dims) values[dim] = keys.includes(dim) ? ((r[dim] as string | null) ?? null) : null;
    const period = periodAt(periods, r.period)?.start;
    if (!period) continue;
    const measures = toMeasures(r, d);
    measures.occupiedSeconds = occupied(d, values.channel, 0, measures.handleSeconds);
    const days = localDays(r.firstInterval, r.lastInterval, d.timezone);
    rowsByPeriod.set(period, [
      ...(rowsByPeriod.get(period) ?? []),
      { values, measures, ...(days ? { days } : {}) },
    ]);
  }
  return rowsByPeriod;
}

function volumeAggregates(d: Definitions): Aggregate[] {
  const atThreshold = withinThreshold(d, (t) => eq(column('threshold_seconds'), t));
  const sum = (name: string, col: string, filter?: Expr): Aggregate => ({
    name,
    fn: 'sum',
    expr: column(col),
    ...(filter ? { filter } : {}),
  });
  return [
    sum('offered', 'offered'),
    sum('handled', 'handled'),
    sum('abandoned', 'abandoned'),
    sum('handleSeconds', 'handle_seconds_sum'),
    sum('handledTimed', 'handled', not(isNull(column('handle_seconds_sum')))),
    sum('waitSeconds', 'wait_seconds_sum'),
    sum('answeredTimed', 'handled', not(isNull(column('wait_seconds_sum')))),
    sum('slAnswered', 'handled', atThreshold),
    sum('slAbandoned', 'abandoned', atThreshold),
    sum('answeredWithin', 'answered_within_threshold', atThreshold),
    sum('voiceHandled', 'handled', eq(column('channel'), literal('voice'))),
    sum('voiceAbandoned', 'abandoned', eq(column('channel'), literal('voice'))),
    { name: 'firstInterval', fn: 'min', expr: column('interval_start') },
    { name: 'lastInterval', fn: 'max', expr: column('interval_start') },
  ];
}

function toMeasures(r: Record<string, unknown>, d: Definitions): ContactMeasures {
  const n = (key: string) => Number(r[key] ?? 0);
  const counts = (outcome: 'handled' | 'abandoned') => d.countedOutcomes.includes(outcome);
  const m = emptyMeasures();
  m.contacts = (counts('handled') ? n('handled') : 0) + (counts('abandoned') ? n('abandoned') : 0);
  m.voiceContacts =
    (counts('handled') ? n('voiceHandled') : 0) + (counts('abandoned') ? n('voiceAbandoned') : 0);
  m.handled = n('handled');
  m.handledTimed = n('handledTimed');
  m.handleSeconds = n('handleSeconds');
  m.weightHandleSeconds = n('handleSeconds');
  m.waitAnsweredSeconds = n('waitSeconds');
  m.answeredTimed = n('answeredTimed');
  m.slAnswered = n('slAnswered');
  m.slAbandoned = n('slAbandoned');
  m.answeredWithin = n('answeredWithin');
  m.abandoned = n('abandoned');
  m.offered = n('offered');
  m.rows = n('offered');
  // Volumes know no customers: every counted contact is a resolution unless the data says otherwise.
  m.resolutions = m.contacts;
  return m;
}
