import { CONTACTS_TABLE } from '../../engine/schema.js';
import { CHANNELS, DIRECTIONS, OUTCOMES } from '../../model/contact.js';
import type { FieldDef } from '../mapping/fields.js';
import { lit } from '../mapping/sql.js';
import { m, type Target, type TargetContext, v } from './target.js';

/** A duration of one contact; above the workspace's ceiling it is not plausible. */
const seconds = (name: string, ceiling: FieldDef['ceiling'] = 'maxDurationSeconds'): FieldDef => ({
  name,
  kind: 'seconds',
  min: 0,
  ceiling,
});
const text = (name: string): FieldDef => ({ name, kind: 'text' });

/** The canonical contact columns: DESIGN field names in snake_case. */
export const CONTACT_FIELDS: readonly FieldDef[] = [
  { name: 'id', kind: 'text', required: true },
  { name: 'channel', kind: 'enum', values: CHANNELS, required: true },
  { name: 'direction', kind: 'enum', values: DIRECTIONS, required: true, fallback: 'inbound' },
  text('queue'),
  text('team'),
  text('agent'),
  text('topic'),
  text('customer'),
  text('priority'),
  { name: 'arrived_at', kind: 'instant', required: true },
  seconds('ivr_seconds'),
  seconds('wait_seconds', 'maxWaitSeconds'),
  seconds('talk_seconds'),
  seconds('hold_seconds'),
  seconds('wrap_seconds'),
  seconds('handle_seconds'),
  { name: 'outcome', kind: 'enum', values: OUTCOMES, required: true },
  { name: 'resolved', kind: 'boolean' },
  { name: 'csat', kind: 'score', min: 0, max: 1 },
  /** Contacts the agent handled at once (chats); empty: the channel's configured concurrency. */
  { name: 'concurrency', kind: 'number', positive: true },
];

/** handle = talk + hold + wrap whenever any of them is known; the file's handle time otherwise. */
function handleSeconds(): string {
  const parts = ['talk_seconds', 'hold_seconds', 'wrap_seconds'].map(v);
  return `(CASE WHEN ${parts.map((p) => `${p} IS NULL`).join(' AND ')} THEN ${v('handle_seconds')} ELSE ${parts
    .map((p) => `coalesce(${p}, 0)`)
    .join(' + ')} END)`;
}

/** A contact in the time and segment of stored volume rows would be counted twice. */
function coveredByVolumes(): string {
  return `EXISTS (SELECT 1 FROM volumes vo WHERE vo.channel = ${m('channel')}
    AND (vo.queue IS NULL OR ${m('queue')} IS NULL OR vo.queue = ${m('queue')})
    AND ${m('arrived_at')} >= vo.interval_start AND ${m('arrived_at')} < vo.interval_end)`;
}

export const contactsTarget: Target = {
  kind: 'contacts',
  table: CONTACTS_TABLE,
  sourced: true,
  fields: CONTACT_FIELDS,
  columns: (ctx: TargetContext) => {
    const columns: Record<string, string> = { source: lit(ctx.source) };
    for (const field of CONTACT_FIELDS) columns[field.name] = v(field.name);
    columns.handle_seconds = handleSeconds();
    return columns;
  },
  checks: (ctx) =>
    ctx.stored.volumes
      ? [
          {
            test: coveredByVolumes(),
            label: 'arrived_at',
            raw: `CAST(${m('arrived_at')} AS VARCHAR)`,
            reason:
              'lies in an interval already imported as volumes for this channel and queue (a period is counted from volumes or from contacts, never both)',
          },
        ]
      : [],
  grouping: {
    order: 'arrived_at',
    outcome: 'outcome',
    aggregates: {
      arrived_at: 'min',
      ivr_seconds: 'max',
      wait_seconds: 'max',
      talk_seconds: 'sum',
      hold_seconds: 'sum',
      wrap_seconds: 'sum',
      handle_seconds: 'sum',
      direction: 'first',
    },
  },
};
