import { preset } from './preset.js';

/**
 * LiveAgent calls as API v3 `GET /calls` returns them (JSON, JSON Lines, or CSV with the same
 * names). Column names match ignoring case and punctuation, so `dateCreated` reads `date_created`.
 */
export const liveagentCalls = preset(
  'liveagent-calls',
  'contacts',
  'LiveAgent calls (API v3 /calls: id, type I/O/T, from/to/via_number, date_created/answered/finished, call_duration)',
  `description: LiveAgent calls (API v3 GET /calls)
source: liveagent-calls
skip:
  - when: { type: T }
    reason: internal call (agent to agent), not a customer contact
fields:
  id: id
  channel: { value: voice }
  direction: { column: type, map: { I: inbound, O: outbound } }
  # The number the call came in on (or went out by).
  queue: { column: via_number, optional: true }
  customer:
    - when: { type: O }
      then: { column: to_number, optional: true }
    - then: { column: from_number, optional: true }
  arrived_at: date_created
  wait_seconds:
    - when: { date_answered: { empty: false } }
      then: { between: [date_created, date_answered] }
    - when: { type: I }
      then: { between: [date_created, date_finished] }
  talk_seconds:
    - when: { date_answered: { empty: false } }
      then: { first_of: [{ column: call_duration, optional: true }, { between: [date_answered, date_finished] }] }
    - then: 0
  outcome:
    - when: { date_answered: { empty: false } }
      then: handled
    - when: { type: I }
      then: abandoned
    - then: other
`,
);

/**
 * LiveAgent tickets as API v3 `GET /tickets` returns them, or a ticket CSV export (same codes).
 * Deleted (X) and spam (B) tickets are not contacts.
 */
export const liveagentTickets = preset(
  'liveagent-tickets',
  'contacts',
  'LiveAgent tickets (API v3 /tickets or CSV: status and channel_type codes); deleted and spam skipped',
  `description: LiveAgent tickets (API v3 GET /tickets)
source: liveagent-tickets
skip:
  - when: { status: X }
    reason: deleted ticket
  - when: { status: B }
    reason: spam
fields:
  id: id
  # E email, M contact form, B contact button (chat), I invitation (chat), C call, W call button,
  # F Facebook, A Facebook message, T Twitter, Q forum, S suggestion.
  channel:
    column: channel_type
    map: { E: email, M: email, B: chat, I: chat, C: voice, W: voice, F: social, A: social, T: social, Q: other, S: other }
  direction: { value: inbound }
  queue: { column: departmentid, optional: true }
  agent: { column: agentid, optional: true }
  customer: { column: owner_contactid, optional: true }
  # The first tag (tags come as a JSON list from the API, comma-separated in a CSV).
  topic: { column: tags, optional: true, extract: '^[\\[\\s"]*([^",\\[\\]]+)' }
  arrived_at: date_created
  # R resolved, L closed, A answered: an agent dealt with it. I, N, T, P, C, W: not (yet).
  outcome:
    - when: { status: [R, L, A] }
      then: handled
    - then: other
  resolved:
    - when: { status: [R, L] }
      then: "true"
    - then: "false"
`,
);
