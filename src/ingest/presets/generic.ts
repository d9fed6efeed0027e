import { preset } from './preset.js';

/** Files already in the canonical columns: every field is read from the column of its name. */
const CANONICAL = `# Columns named like the fields (case, spaces and punctuation ignored).
fields: {}
`;

export const genericContacts = preset(
  'generic',
  'contacts',
  'canonical columns: id, channel, direction, queue, team, agent, topic, customer, priority, arrived_at, ivr_seconds, wait_seconds, talk_seconds, hold_seconds, wrap_seconds, handle_seconds, outcome, resolved, csat',
  CANONICAL,
);

export const genericVolumes = preset(
  'generic',
  'volumes',
  'canonical columns: interval_start, interval (or interval_end), channel, queue, offered, handled, abandoned, handle_seconds_sum (or aht_seconds), wait_seconds_sum (or asa_seconds), answered_within_threshold (or service_level), threshold_seconds',
  CANONICAL,
);

export const genericCosts = preset(
  'generic',
  'costs',
  'canonical columns: id, category, amount, currency, period_start, period_end (or period), channel, queue, team, driver, behaviour, description',
  CANONICAL,
);

export const genericFx = preset('generic', 'fx', 'canonical columns: date, currency, rate', CANONICAL);

export const genericRateCards = preset(
  'generic',
  'agents',
  'canonical columns: id, agent, team, hourly_cost (or salary, loading_factor, paid_hours), currency, valid_from, valid_to',
  CANONICAL,
);

export const genericAgentTime = preset(
  'generic',
  'agent-time',
  'canonical columns: day, agent, team, channel, queue, staffed_seconds, paid_seconds',
  CANONICAL,
);
