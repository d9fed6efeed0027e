import { preset } from './preset.js';

/**
 * Cisco Unified CM CDR flat files: a header line, then the type line real files carry
 * (INTEGER,VARCHAR(50),…), then records with Unix times. The legs of one call (transfers,
 * redirects) share globalCallID_callManagerId + globalCallID_callId; the hunt pilot is the queue.
 */
export const ciscoCucm = preset(
  'cisco-cucm',
  'contacts',
  'Cisco Unified CM CDR files (header and type line, epoch times); legs of a global call id become one contact',
  `description: Cisco Unified CM CDR; the legs of a call (same global call id) become one contact
source: cisco-cucm
skip:
  - when: { cdrRecordType: INTEGER }
    reason: the type line under the header
  - when: { cdrRecordType: { not: "1" } }
    reason: not a call record (CMR or start record)
  # A recording call from a phone's built-in bridge (calling number b0…) to the recorder.
  - when: { callingPartyNumber: { matches: "^b[0-9A-Fa-f]{8,}$" } }
    reason: recording leg of the phone's built-in bridge, not a call
  - when: { origDeviceName: { matches: "^SEP" }, destDeviceName: { matches: "^SEP" }, huntPilotDN: { empty: true } }
    reason: internal call (phone to phone), not a customer contact
group:
  by: { join: [globalCallID_callManagerId, globalCallID_callId] }
  prefer: [handled, abandoned, other]
fields:
  channel: { value: voice }
  # From a phone to elsewhere without a hunt pilot: dialled out.
  direction:
    - when: { origDeviceName: { matches: "^SEP" }, huntPilotDN: { empty: true } }
      then: outbound
    - then: inbound
  # The hunt pilot, else the number dialled in; none when dialling out.
  queue:
    - when: { origDeviceName: { matches: "^SEP" }, huntPilotDN: { empty: true } }
      then: null
    - then: { first_of: [huntPilotDN, originalCalledPartyNumber] }
  # The line that answered; dialling out, the phone's own number.
  agent:
    - when: { origDeviceName: { matches: "^SEP" }, huntPilotDN: { empty: true } }
      then: { column: callingPartyNumber }
    - when: { dateTimeConnect: { gt: 0 } }
      then: { column: finalCalledPartyNumber }
  customer:
    - when: { origDeviceName: { matches: "^SEP" }, huntPilotDN: { empty: true } }
      then: { column: originalCalledPartyNumber }
    - then: { column: callingPartyNumber }
  arrived_at: { column: dateTimeOrigination, format: epoch }
  # Connected: waited until the connect; never connected: until the caller gave up.
  wait_seconds:
    - when: { dateTimeConnect: { gt: 0 } }
      then: { between: [dateTimeOrigination, dateTimeConnect], format: epoch }
    - then: { between: [dateTimeOrigination, dateTimeDisconnect], format: epoch }
  talk_seconds:
    - when: { dateTimeConnect: { gt: 0 } }
      then: { column: duration }
    - then: 0
  # Never connected: the caller clearing (cause 16, or 0 when the phone went on hook) is an abandon;
  # any other cause (17 busy, 1 unallocated, 34 no circuit…) is a failed call.
  outcome:
    - when: { dateTimeConnect: { gt: 0 } }
      then: handled
    - when: { origCause_value: ["0", "16"] }
      then: abandoned
    - then: other
`,
);
