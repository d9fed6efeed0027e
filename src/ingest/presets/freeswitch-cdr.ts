import { preset } from './preset.js';

/** FreeSWITCH mod_cdr_csv with its default template (no header, 15 columns). */
export const freeswitchCdr = preset(
  'freeswitch-cdr',
  'contacts',
  'FreeSWITCH cdr-csv default template (15 columns, no header), also after a spreadsheet re-saved it',
  `description: FreeSWITCH cdr-csv, default template
source: freeswitch
read:
  header: false
  layouts:
    "15": [caller_id_name, caller_id_number, destination_number, context, start_stamp, answer_stamp, end_stamp, duration, billsec, hangup_cause, uuid, bleg_uuid, accountcode, read_codec, write_codec]
# A leg logged twice (same uuid) is one call; a spreadsheet may have cut the seconds off the times.
group:
  by: uuid
  prefer: [handled, abandoned, other]
  fields:
    talk_seconds: max
    wait_seconds: max
    handle_seconds: max
fields:
  channel: { value: voice }
  direction:
    - when: { context: public }
      then: inbound
    - then: outbound
  customer: caller_id_number
  queue: destination_number
  arrived_at:
    column: start_stamp
    format: ["%Y-%m-%d %H:%M:%S", "%Y/%m/%d %H:%M:%S", "%Y/%m/%d %H:%M", "%d.%m.%Y %H:%M:%S", "%d.%m.%Y %H:%M", "%m/%d/%Y %H:%M:%S", "%m/%d/%Y %H:%M"]
  talk_seconds: billsec
  wait_seconds: { subtract: [duration, billsec] }
  outcome:
    - when: { billsec: { gt: 0 } }
      then: handled
    - when: { context: { not: public } }
      then: other
    - then: abandoned
`,
);
