import { AGENT_TIME_TABLE } from '../../engine/schema.js';
import { CHANNELS } from '../../model/contact.js';
import type { FieldDef } from '../mapping/fields.js';
import { m, type Target, v } from './target.js';

/**
 * Canonical agent-time columns (a workforce-management export): per local day and agent, the staffed
 * time (logged in, available or busy) and the paid time, with the agent's team, channel and queue
 * where the export knows them.
 */
export const AGENT_TIME_FIELDS: readonly FieldDef[] = [
  { name: 'day', kind: 'date', required: true },
  { name: 'agent', kind: 'text', required: true },
  { name: 'team', kind: 'text' },
  { name: 'channel', kind: 'enum', values: CHANNELS },
  { name: 'queue', kind: 'text' },
  { name: 'staffed_seconds', kind: 'seconds', min: 0, required: true },
  { name: 'paid_seconds', kind: 'seconds', min: 0 },
];

export const agentTimeTarget: Target = {
  kind: 'agent-time',
  table: AGENT_TIME_TABLE,
  sourced: false,
  fields: AGENT_TIME_FIELDS,
  columns: () => Object.fromEntries(AGENT_TIME_FIELDS.map((f) => [f.name, v(f.name)])),
  checks: () => [
    {
      test: `coalesce(${m('staffed_seconds')} > 86400 OR ${m('paid_seconds')} > 86400, FALSE)`,
      label: 'staffed_seconds',
      raw: `CAST(${m('staffed_seconds')} AS VARCHAR)`,
      reason: 'is more than a day (agent time is per day)',
    },
  ],
};
