import { preset } from './preset.js';

const CDR_V16 =
  'historyid, callid, duration, time-start, time-answered, time-end, reason-terminated, from-no, to-no, from-dn, to-dn, dial-no, reason-changed, final-number, final-dn, bill-code, bill-rate, bill-cost, bill-name, chain, from-type, to-type, final-type, from-dispname, to-dispname, final-dispname, missed-queue-calls';
const CALL_LOG =
  'Call Time, Caller ID, Destination, Trunk, Trunk number, Did, Status, Ringing, Talking, Total Duration, Call Type, Sentiment, Summary, Transcription';

/** Reading both layouts: by the number of fields, so the call log's header is a record (skipped by rule). */
const READ = `read:
  header: false
  ragged: true
  layouts:
    "27": [${CDR_V16}]
    "14": [${CALL_LOG}]`;

/**
 * 3CX: the v16 server CDR (27 columns, no header) and the management console's call log export
 * (a header, h:mm:ss durations, a closing Totals row). In the CDR a customer's call comes from an
 * External number (not 3CX's own MakeCall / PlayFile); the extension it was handed to
 * (final-number, after ReplacedDst or a queue forward) is the agent who took it.
 */
export const threecxCalls = preset(
  '3cx',
  'contacts',
  '3CX v16 CDR (27 columns, no header) or the console call log export (Call Time, Caller ID, Destination, …)',
  `description: 3CX calls, the v16 CDR or the call log export
source: 3cx
${READ}
skip:
  - when: { "Call Time?": "Call Time" }
    reason: the call log's header row
  - when: { "Call Time?": { matches: "(?i)^totals?$" } }
    reason: the call log's totals row, not a call
  - when: { "Call Type?": { matches: "(?i)internal" } }
    reason: internal call (extension to extension), not a customer contact
  - when: { "to-type?": Internal, "final-type?": Internal, any: [{ "from-type?": Internal }, { "from-no?": [MakeCall, PlayFile] }] }
    reason: internal call (extension to extension), not a customer contact
fields:
  # The call log has no call id: its time, parties and talk time name a call.
  id:
    first_of:
      - { column: callid, optional: true }
      - join: [{ column: Call Time, optional: true }, { column: Caller ID, optional: true }, { column: Destination, optional: true }, { column: Talking, optional: true }]
        with: "|"
  channel: { value: voice }
  direction:
    - when: { "from-type?": External, "from-no?": { not: [MakeCall, PlayFile] } }
      then: inbound
    - when: { "Call Type?": { matches: "(?i)^in" } }
      then: inbound
    - then: outbound
  arrived_at:
    first_of: [{ column: time-start, optional: true }, { column: Call Time, optional: true }]
    format: ["%Y/%m/%d %H:%M:%S", "%Y-%m-%d %H:%M:%S", "%d/%m/%Y %H:%M:%S", "%m/%d/%Y %I:%M:%S %p", "%d.%m.%Y %H:%M:%S"]
  # The queue, ring group or IVR the customer called (CDR: to-dn; call log: Destination).
  queue:
    - when: { "from-type?": External, "from-no?": { not: [MakeCall, PlayFile] } }
      then: { column: to-dn, optional: true }
    - when: { "Call Type?": { matches: "(?i)^in" } }
      then: { column: Destination, optional: true }
  agent:
    - when: { "from-type?": External, "from-no?": { not: [MakeCall, PlayFile] } }
      then: { column: final-dn, optional: true }
    - then: { column: from-dn, optional: true }
  customer:
    - when: { "from-type?": External, "from-no?": { not: [MakeCall, PlayFile] } }
      then: { column: from-no, optional: true }
    - when: { "Call Type?": { matches: "(?i)^in" } }
      then: { column: Caller ID, optional: true }
    - when: { "Call Type?": { empty: false } }
      then: { column: Destination, optional: true }
    - then: { column: dial-no, optional: true }
  # The CDR records no time in a queue; a call no agent took waited until it ended.
  wait_seconds:
    - when: { "Ringing?": { empty: false } }
      then: { column: Ringing, optional: true }
    - when: { "from-type?": External, "from-no?": { not: [MakeCall, PlayFile] }, "final-number?": { empty: true }, "to-dn?": { not: EndCall } }
      then: { between: [time-start, time-end], optional: true, format: "%Y/%m/%d %H:%M:%S" }
  talk_seconds:
    - when: { "Talking?": { empty: false } }
      then: { column: Talking, optional: true }
    - when: { "from-type?": External, "from-no?": { not: [MakeCall, PlayFile] }, "final-number?": { empty: true } }
      then: 0
    - then: { column: duration, optional: true }
  outcome:
    - when: { "Status?": Answered }
      then: handled
    - when: { "Status?": Unanswered, "Call Type?": { matches: "(?i)^in" } }
      then: abandoned
    - when: { "Status?": { empty: false } }
      then: other
    - when: { "from-type?": External, "from-no?": { not: [MakeCall, PlayFile] }, "final-number?": { empty: false }, "duration?": { gt: 0 } }
      then: handled
    # Routed to 3CX's End Call destination (closed hours, a message): neither served nor abandoned.
    - when: { "from-type?": External, "from-no?": { not: [MakeCall, PlayFile] }, "to-dn?": EndCall }
      then: other
    - when: { "from-type?": External, "from-no?": { not: [MakeCall, PlayFile] } }
      then: abandoned
    - when: { "time-answered?": { empty: false }, "duration?": { gt: 0 } }
      then: handled
    - then: other
`,
);

/**
 * The bill cost the v16 CDR carries per call, as telephony cost lines on the call's day (the file
 * names no currency: the workspace's is taken). Calls without a bill cost are skipped by rule.
 */
export const threecxCosts = preset(
  '3cx',
  'costs',
  "3CX v16 CDR: each call's bill cost as a telephony cost line for voice on the call's day",
  `description: 3CX v16 CDR bill cost per call, as telephony cost lines
read:
  header: false
  layouts:
    "27": [${CDR_V16}]
skip:
  - when: { bill-cost: { empty: true } }
    reason: no bill cost (a call the rate table did not charge)
fields:
  id: { join: [{ value: 3cx }, callid] }
  category: { value: telephony }
  amount: bill-cost
  channel: { value: voice }
  behaviour: { value: variable }
  # One day: the call's local date written as YYYY-MM-DD.
  period:
    join:
      - { column: time-start, extract: "^(\\\\d{4})" }
      - { column: time-start, extract: "^\\\\d{4}/(\\\\d{2})" }
      - { column: time-start, extract: "^\\\\d{4}/\\\\d{2}/(\\\\d{2})" }
    with: "-"
  description:
    join: [{ value: "3CX call" }, historyid, { column: dial-no }, { column: bill-name }]
    with: " "
only_mapped: true
`,
);
