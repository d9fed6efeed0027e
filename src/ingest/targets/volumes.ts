import { VOLUMES_TABLE } from '../../engine/schema.js';
import { CHANNELS } from '../../model/contact.js';
import type { FieldDef, ProblemTest } from '../mapping/fields.js';
import { intervalLength as intervalLengthText } from '../mapping/parsers.js';
import { lit } from '../mapping/sql.js';
import { checkedAt, m, type Target, type TargetContext, text, v } from './target.js';

const count = (name: string): FieldDef => ({ name, kind: 'count', min: 0 });
const seconds = (name: string, ceiling?: FieldDef['ceiling']): FieldDef => ({
  name,
  kind: 'seconds',
  min: 0,
  ...(ceiling ? { ceiling } : {}),
});

/**
 * Canonical volume columns. Besides the stored sums a file may give averages (aht_seconds,
 * asa_seconds: × handled) and a service level as a fraction or percentage of handled contacts.
 */
export const VOLUME_FIELDS: readonly FieldDef[] = [
  { name: 'interval_start', kind: 'instant', required: true },
  { name: 'interval', kind: 'interval' },
  { name: 'interval_end', kind: 'instant' },
  { name: 'channel', kind: 'enum', values: CHANNELS, required: true },
  { name: 'queue', kind: 'text' },
  count('offered'),
  { ...count('handled'), required: true },
  count('abandoned'),
  seconds('handle_seconds_sum'),
  seconds('wait_seconds_sum'),
  seconds('aht_seconds', 'maxDurationSeconds'),
  seconds('asa_seconds', 'maxWaitSeconds'),
  count('answered_within_threshold'),
  { name: 'service_level', kind: 'score', min: 0, max: 1 },
  seconds('threshold_seconds'),
];

/** The end of an interval: minutes on the clock, days, weeks and months on the local calendar. */
function intervalEnd(ctx: TargetContext): string {
  const tz = lit(ctx.timeZone);
  const local = `(${v('interval_start')} AT TIME ZONE ${tz})`;
  const length = intervalLength(ctx);
  const calendar = (step: string) => `timezone(${tz}, ${local} + INTERVAL ${step})`;
  const minutes = `TRY_CAST(regexp_extract(${length}, '^PT(\\d+)M$', 1) AS INTEGER)`;
  const hours = `TRY_CAST(regexp_extract(${length}, '^PT(\\d+)H$', 1) AS INTEGER)`;
  return `coalesce(${v('interval_end')}, CASE ${length}
    WHEN 'P1D' THEN ${calendar('1 DAY')} WHEN 'P1W' THEN ${calendar('7 DAY')} WHEN 'P1M' THEN ${calendar('1 MONTH')}
    ELSE ${v('interval_start')} + to_minutes(coalesce(${minutes}, ${hours} * 60)) END)`;
}

/** The length from the file, else --interval, else what interval_end spells out in minutes. */
function intervalLength(ctx: TargetContext): string {
  const fromEnd = `CASE WHEN ${v('interval_end')} > ${v('interval_start')} AND epoch(${v('interval_end')}) - epoch(${v('interval_start')}) < 86400
    THEN 'PT' || CAST((epoch(${v('interval_end')}) - epoch(${v('interval_start')})) / 60 AS BIGINT) || 'M' END`;
  return `coalesce(${v('interval')}, ${ctx.interval ? intervalLengthText(lit(ctx.interval)) : 'NULL'}, ${fromEnd})`;
}

const times = (average: string, count: string) => `(${v(average)} * ${count})`;

function columns(ctx: TargetContext): Record<string, string> {
  const handled = v('handled');
  const offered = `coalesce(${v('offered')}, ${handled} + coalesce(${v('abandoned')}, 0))`;
  return {
    source: lit(ctx.source),
    channel: v('channel'),
    queue: v('queue'),
    interval_start: v('interval_start'),
    interval_end: intervalEnd(ctx),
    interval_length: intervalLength(ctx),
    offered,
    handled,
    abandoned: `coalesce(${v('abandoned')}, ${offered} - ${handled})`,
    handle_seconds_sum: `coalesce(${v('handle_seconds_sum')}, ${times('aht_seconds', handled)})`,
    wait_seconds_sum: `coalesce(${v('wait_seconds_sum')}, ${times('asa_seconds', handled)})`,
    answered_within_threshold: `coalesce(${v('answered_within_threshold')}, CAST(round(${times('service_level', handled)}) AS BIGINT))`,
    threshold_seconds: v('threshold_seconds'),
  };
}

const overlap = (a: string, b: string) =>
  `${a}.channel = ${b}.channel AND (${a}.queue IS NULL OR ${b}.queue IS NULL OR ${a}.queue = ${b}.queue)
   AND ${a}.interval_start < ${b}.interval_end AND ${b}.interval_start < ${a}.interval_end`;

function checks(ctx: TargetContext): ProblemTest[] {
  const problems: ProblemTest[] = [
    {
      // Only for a start that is a time (else that is the problem), shown as the file writes it.
      test: `${m('interval_length')} IS NULL AND ${m('interval_start')} IS NOT NULL`,
      label: 'interval_start',
      raw: text('interval_start'),
      reason:
        "has no interval length (give an interval column, interval_end, or the import's interval: 15m, 30m, 1h, day, week or month)",
    },
    {
      test: `coalesce(${m('handled')} + ${m('abandoned')} > ${m('offered')}, FALSE)`,
      ...checkedAt('offered'),
      reason: 'is less than handled + abandoned',
    },
    {
      test: `coalesce(${m('answered_within_threshold')} > ${m('handled')}, FALSE)`,
      ...checkedAt('answered_within_threshold'),
      reason: 'is more than handled',
    },
    {
      test: `${m('answered_within_threshold')} IS NOT NULL AND ${m('threshold_seconds')} IS NULL`,
      ...checkedAt('answered_within_threshold'),
      reason: 'needs threshold_seconds (the service-level threshold it was measured with)',
    },
    ...(['handle_seconds_sum', 'wait_seconds_sum'] as const).map((sum) => {
      const ceiling = sum === 'handle_seconds_sum' ? 'maxDurationSeconds' : 'maxWaitSeconds';
      return {
        // The sum as given (one computed from an average has had that average checked).
        test: `coalesce(${v(sum)} > ${m('handled')} * ${ctx.limits[ceiling]}, FALSE)`,
        label: sum,
        raw: `__m."t_${sum}"`,
        reason: `is more than handled × plausibility.${ceiling} (not plausible)`,
      };
    }),
    {
      test: `coalesce(${m('interval_end')} <= ${m('interval_start')}, FALSE)`,
      ...checkedAt('interval_end'),
      reason: 'is not after interval_start',
    },
  ];
  if (ctx.stored.volumes) {
    problems.push({
      test: `EXISTS (SELECT 1 FROM volumes vo WHERE ${overlap('vo', '__m')}
        AND NOT (vo.source = __m.source AND vo.queue IS NOT DISTINCT FROM __m.queue AND vo.interval_start = __m.interval_start))`,
      ...checkedAt('interval_start'),
      reason: 'overlaps volume rows already imported for this channel and queue',
    });
  }
  if (ctx.stored.contacts) {
    problems.push({
      test: `EXISTS (SELECT 1 FROM contacts co WHERE co.channel = __m.channel
        AND (co.queue IS NULL OR __m.queue IS NULL OR co.queue = __m.queue)
        AND co.arrived_at >= __m.interval_start AND co.arrived_at < __m.interval_end)`,
      ...checkedAt('interval_start'),
      reason:
        'overlaps contacts already imported for this channel and queue (a period is counted from volumes or from contacts, never both)',
    });
  }
  return problems;
}

export const volumesTarget: Target = {
  kind: 'volumes',
  table: VOLUMES_TABLE,
  sourced: true,
  fields: VOLUME_FIELDS,
  columns,
  checks,
  clash: overlap,
};
