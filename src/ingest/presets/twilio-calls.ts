import { preset } from './preset.js';

/**
 * Twilio call logs (Console export or the API's fields): a call and its child legs (parent call
 * sid) become one contact; the child leg that reached an agent decides the outcome.
 */
export const twilioCalls = preset(
  'twilio-calls',
  'contacts',
  'Twilio call logs (Console CSV or API fields); child legs join their parent call',
  `description: Twilio calls
source: twilio
group:
  by:
    first_of:
      - { column: [Parent Call Sid, ParentCallSid, parent_call_sid], optional: true }
      - { column: [Call Sid, CallSid, Sid, sid] }
  prefer: [handled, abandoned, self_served, other]
  fields:
    queue: first
    customer: first
fields:
  channel: { value: voice }
  direction:
    - when: { Direction: inbound }
      then: inbound
    - then: outbound
  queue: { column: [To, to] }
  customer: { column: [From, from] }
  agent:
    - when: { "Parent Call Sid|ParentCallSid": { empty: false } }
      then: { column: [To, to] }
  arrived_at: { column: [Start Time, StartTime, start_time, Date Created, date_created] }
  wait_seconds: { column: [Queue Time, QueueTime, queue_time], optional: true, unit: milliseconds }
  talk_seconds:
    - when: { Status: completed, any: [{ "Parent Call Sid|ParentCallSid": { empty: false } }, { Direction: { matches: "(?i)^outbound-api" } }] }
      then: { column: [Duration, duration] }
    - then: 0
  outcome:
    - when: { Status: completed, any: [{ "Parent Call Sid|ParentCallSid": { empty: false } }, { Direction: { matches: "(?i)^outbound-api" } }] }
      then: handled
    - when: { Direction: { matches: "(?i)^outbound-api" } }
      then: other
    - when: { Status: [busy, no-answer, failed, canceled] }
      then: abandoned
    - when: { Status: completed }
      then: self_served
    - then: other
`,
);
