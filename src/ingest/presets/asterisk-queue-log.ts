import { preset } from './preset.js';

/**
 * Asterisk queue_log (time|callid|queue|agent|event|data…): queue, wait, agent and abandons per
 * call, joined onto the contacts the asterisk-cdr preset stored (same source, id = the call's
 * uniqueid = its linkedid). A call the CDR import has not seen becomes a contact of its own.
 */
export const asteriskQueueLog = preset(
  'asterisk-queue-log',
  'contacts',
  'Asterisk queue_log: queue waits, agents and abandons, joined onto the asterisk-cdr contacts (import the CDR first)',
  `description: Asterisk queue_log; enriches the contacts of the asterisk-cdr preset
source: asterisk
merge: enrich
# Only what the queue knows better than the CDR; the call's start stays the CDR's.
enrich: [queue, agent, wait_seconds, talk_seconds, handle_seconds, outcome]
read:
  delimiter: "|"
  header: false
  ragged: true
  columns: [time, callid, queue, agent, event, data1, data2, data3, data4, data5]
skip:
  - when: { any: [{ callid: NONE }, { callid: { empty: true } }] }
    reason: queue or agent event, not a call
  - when: { event: [ADDMEMBER, REMOVEMEMBER, PAUSE, UNPAUSE, PAUSEALL, UNPAUSEALL, AGENTLOGIN, AGENTLOGOFF, AGENTCALLBACKLOGIN, AGENTCALLBACKLOGOFF, QUEUESTART, CONFIGRELOAD] }
    reason: queue or agent event, not a call
group:
  by: callid
  prefer: [handled, abandoned, other]
  fields:
    queue: first
    agent: first
fields:
  channel: { value: voice }
  arrived_at: { column: time, format: epoch }
  queue: { column: queue, map: { NONE: null } }
  agent:
    - when: { event: [CONNECT, COMPLETEAGENT, COMPLETECALLER, TRANSFER, BLINDTRANSFER, ATTENDEDTRANSFER] }
      then: { column: agent, map: { NONE: null } }
  # CONNECT: data1 = seconds waited; ABANDON / EXITWITHTIMEOUT / EXITWITHKEY: data3 = seconds waited.
  wait_seconds:
    - when: { event: CONNECT }
      then: { column: data1 }
    - when: { event: [ABANDON, EXITWITHTIMEOUT, EXITWITHKEY, EXITEMPTY] }
      then: { column: data3 }
  # COMPLETEAGENT / COMPLETECALLER: data2 = seconds talked.
  talk_seconds:
    - when: { event: [COMPLETEAGENT, COMPLETECALLER] }
      then: { column: data2 }
  outcome:
    - when: { event: [CONNECT, COMPLETEAGENT, COMPLETECALLER] }
      then: handled
    - when: { event: [ABANDON, EXITWITHTIMEOUT, EXITWITHKEY, EXITEMPTY] }
      then: abandoned
    - then: other
`,
);
