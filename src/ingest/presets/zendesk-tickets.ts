import { preset } from './preset.js';

/**
 * Zendesk tickets: the CSV export ("Id", "Via", "Created at", …) or the API's field names (id,
 * created_at, …), whichever the file has. Zendesk tracks no handle time, so handle_seconds stays
 * empty unless a mapping adds a time-tracking column.
 */
export const zendeskTickets = preset(
  'zendesk-tickets',
  'contacts',
  'Zendesk ticket export (CSV export columns or API field names)',
  `description: Zendesk tickets
source: zendesk
fields:
  id: { column: [Id, Ticket ID, id] }
  channel:
    column: [Via, via_channel, channel]
    map:
      web form: email
      web: email
      email: email
      mail: email
      chat: chat
      native messaging: messaging
      whatsapp: messaging
      voice: voice
      phone call (inbound): voice
      phone call (outbound): voice
      phone: voice
      twitter: social
      facebook: social
      instagram: social
      text: sms
      sms: sms
      "*": other
  direction:
    - when: { "Via|via_channel|channel": { matches: "(?i)outbound" } }
      then: outbound
    - then: inbound
  queue: { column: [Group, group_name, group_id], optional: true }
  agent: { column: [Assignee, assignee_name, assignee_id], optional: true }
  topic: { column: [Ticket type, type], optional: true }
  customer: { column: [Requester id, requester_id, Requester], optional: true }
  priority: { column: [Priority, priority], optional: true }
  arrived_at: { column: [Created at, created_at] }
  wait_seconds: { column: [First reply time in minutes, reply_time_in_minutes], optional: true, unit: minutes }
  outcome:
    - when: { Status: [solved, closed] }
      then: handled
    - then: other
  resolved:
    - when: { Status: [solved, closed] }
      then: "true"
    - then: "false"
  csat: { column: [Satisfaction Score, satisfaction_rating, satisfaction_score], optional: true, map: { good: "1", bad: "0", "*": null } }
`,
);
