import { preset } from './preset.js';

const BASE =
  'accountcode, src, dst, dcontext, clid, channel, dstchannel, lastapp, lastdata, start, answer, end, duration, billsec, disposition, amaflags';

/** A CDR leg's wait: ringing until answered, or the whole leg unanswered; none without a device. */
export const LEG_WAIT = `    - when: { dstchannel: { empty: true } }
      then: null
    - when: { disposition: ANSWERED }
      then: { subtract: [duration, billsec] }
    - then: { column: duration }`;

/**
 * Asterisk cdr-csv Master.csv: no header; 16 columns, 18 with uniqueid and userfield, 21 with
 * peeraccount, linkedid and sequence (newcdrcolumns), or the 19 of the cdr_custom sample template.
 * The legs of one call share a linkedid and become one contact.
 */
export const asteriskCdr = preset(
  'asterisk-cdr',
  'contacts',
  'Asterisk cdr-csv Master.csv (16/18/19/21 columns, no header); legs sharing linkedid become one contact',
  `description: Asterisk cdr-csv Master.csv; the legs of a call (same linkedid) become one contact
source: asterisk
read:
  header: false
  layouts:
    "16": [${BASE}]
    "18": [${BASE}, uniqueid, userfield]
    "19": [clid, src, dst, dcontext, channel, dstchannel, lastapp, lastdata, start, answer, end, duration, billsec, disposition, amaflags, accountcode, uniqueid, userfield, sequence]
    "21": [${BASE}, uniqueid, userfield, peeraccount, linkedid, sequence]
group:
  # Without linkedid (older layouts) each record is its own call.
  by:
    first_of:
      - { column: linkedid, optional: true }
      - { column: uniqueid, optional: true }
      - { hash: [[start, calldate], src, dst, channel] }
  # The leg that talked to an agent speaks for the call; else the one answered by the PBX itself.
  prefer: [handled, self_served, abandoned, other]
fields:
  channel: { value: voice }
  direction:
    - when: { dcontext: { matches: "(?i)internal|outbound|from-users" } }
      then: outbound
    - then: inbound
  queue: dst
  customer: src
  # The agent's device of an answered leg: SIP/301-0000001a is agent 301.
  agent:
    - when: { disposition: ANSWERED, billsec: { gt: 0 } }
      then: { column: dstchannel, extract: "^(?:SIP|PJSIP|IAX2|DAHDI)/([^-]+)" }
  # start in Master.csv, calldate in the cdr table (cdr_pgsql, cdr_adaptive_odbc).
  arrived_at: { column: [start, calldate] }
  # A leg to an agent: ringing until answered (or until it gave up) is waiting, billsec is talk.
  wait_seconds:
${LEG_WAIT}
  talk_seconds:
    - when: { disposition: ANSWERED, dstchannel: { empty: false } }
      then: { column: billsec }
    - then: 0
  # Answered without a destination channel: the PBX itself (announcement, IVR, voicemail) served it.
  ivr_seconds:
    - when: { disposition: ANSWERED, dstchannel: { empty: true } }
      then: { column: billsec }
  outcome:
    - when: { disposition: ANSWERED, billsec: { gt: 0 }, dstchannel: { empty: false } }
      then: handled
    - when: { disposition: ANSWERED, billsec: { gt: 0 }, dstchannel: { empty: true } }
      then: self_served
    - when: { dcontext: { matches: "(?i)internal|outbound|from-users" } }
      then: other
    - then: abandoned
`,
);
