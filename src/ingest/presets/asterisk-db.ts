import { LEG_WAIT } from './asterisk-cdr.js';
import { asteriskTables } from './asterisk-tables.js';
import { preset } from './preset.js';

const EXTENSION = '^(?:SIP|PJSIP|IAX2)/(\\\\d+)-';
/** The call came from an extension (numbered device) or was originated by the PBX (Local/). */
const FROM_INSIDE = '^(?:(?:SIP|PJSIP|IAX2)/\\\\d+-|Local/)';

/**
 * The Asterisk `cdr` and `queue_log` tables exported with a header, given together in one import
 * (either alone works too): legs and queue events of a call become one contact. For a call the
 * queue log knows, the queue decides queue, agent, wait, talk and outcome; for the others the CDR
 * legs do, as in asterisk-cdr.
 */
export const asteriskDb = preset(
  'asterisk-db',
  'contacts',
  'Asterisk cdr and queue_log tables exported from MySQL/PostgreSQL (header); import both together, joined per call',
  `description: Asterisk cdr and queue_log tables, joined per call
source: asterisk-db
skip:
  - when: { kind: event }
    reason: queue or agent event, not a call
group:
  by: call
  prefer: [handled, self_served, abandoned, other]
  fields:
    customer: first
fields:
  channel: { value: voice }
  direction:
    - when: { queued: "yes" }
      then: inbound
    - when: { channel: { matches: "${FROM_INSIDE}" } }
      then: outbound
    - then: inbound
  # The queue; for a call the queue log does not know, the number dialled in (none when dialling out).
  queue:
    - when: { kind: queue }
      then: { column: queue }
    - when: { any: [{ queued: "yes" }, { channel: { matches: "${FROM_INSIDE}" } }] }
      then: null
    - then: { column: dst }
  # Queue: the member who answered; CDR: the extension that dialled out, else the one that answered.
  agent:
    - when: { kind: queue }
      then: { column: agent }
    - when: { queued: "yes" }
      then: null
    - when: { channel: { matches: "${EXTENSION}" } }
      then: { column: channel, extract: "${EXTENSION}" }
    - when: { disposition: ANSWERED, billsec: { gt: 0 } }
      then: { column: dstchannel, extract: "${EXTENSION}" }
  customer:
    - when: { kind: queue }
      then: { column: customer }
    - when: { channel: { matches: "${FROM_INSIDE}" } }
      then: { column: dst }
    - then: { column: src }
  arrived_at: time
  wait_seconds:
    - when: { kind: queue }
      then: { column: wait }
    - when: { queued: "yes" }
      then: null
${LEG_WAIT}
  talk_seconds:
    - when: { kind: queue }
      then: { column: talk }
    - when: { queued: "yes" }
      then: null
    - when: { disposition: ANSWERED, dstchannel: { empty: false } }
      then: { column: billsec }
    - then: 0
  ivr_seconds:
    - when: { kind: cdr, queued: "no", disposition: ANSWERED, dstchannel: { empty: true } }
      then: { column: billsec }
  outcome:
    - when: { kind: queue, event: [CONNECT, COMPLETEAGENT, COMPLETECALLER, TRANSFER, BLINDTRANSFER, ATTENDEDTRANSFER] }
      then: handled
    - when: { kind: queue, event: [ABANDON, EXITWITHTIMEOUT, EXITWITHKEY, EXITEMPTY] }
      then: abandoned
    - when: { any: [{ kind: queue }, { queued: "yes" }] }
      then: other
    - when: { disposition: ANSWERED, billsec: { gt: 0 }, dstchannel: { empty: false } }
      then: handled
    - when: { disposition: ANSWERED, billsec: { gt: 0 } }
      then: self_served
    - when: { channel: { matches: "${FROM_INSIDE}" } }
      then: other
    - then: abandoned
`,
  asteriskTables,
);
