import { preset } from './preset.js';

/** Freshdesk ticket export (CSV or XLSX from Tickets → Export), with its column names. */
export const freshdeskTickets = preset(
  'freshdesk-tickets',
  'contacts',
  'Freshdesk ticket export (Ticket ID, Source, Created time, Time tracked, ...)',
  `description: Freshdesk tickets
source: freshdesk
fields:
  id: { column: [Ticket ID, Ticket Id, id] }
  channel:
    column: [Source, source]
    map:
      email: email
      outbound email: email
      portal: email
      feedback widget: email
      phone: voice
      chat: chat
      whatsapp: messaging
      twitter: social
      facebook: social
      forum: social
      ecommerce: other
      "*": other
  direction:
    - when: { Source: { matches: "(?i)outbound" } }
      then: outbound
    - then: inbound
  queue: { column: [Group, group], optional: true }
  agent: { column: [Agent, agent], optional: true }
  topic: { column: [Type, type], optional: true }
  customer: { column: [Contact ID, Email, Full name], optional: true }
  priority: { column: [Priority, priority], optional: true }
  arrived_at: { column: [Created time, created_at] }
  # Hours and minutes, as Freshdesk writes them (01:30 is an hour and a half).
  handle_seconds: { column: [Time tracked], optional: true, format: "h:mm" }
  wait_seconds: { column: ["First response time (in hrs)"], optional: true, unit: hours }
  outcome:
    - when: { Status: [resolved, closed] }
      then: handled
    - then: other
  resolved:
    - when: { Status: [resolved, closed] }
      then: "true"
    - then: "false"
  csat:
    column: [Survey results, Survey Result]
    optional: true
    map: { happy: "1", extremely satisfied: "1", satisfied: "0.75", neutral: "0.5", dissatisfied: "0.25", unhappy: "0", extremely dissatisfied: "0", "*": null }
`,
);
