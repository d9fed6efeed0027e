import { UserError } from '../../errors.js';
import { normalizeName } from '../mapping/columns.js';
import type { Reshape, SourceFile, SourceRecord } from '../pipeline/reshape.js';

/**
 * Asterisk's `cdr` and `queue_log` tables as exported from MySQL or PostgreSQL (a header, `NULL`
 * or `\N` for empty), in one import: every record becomes a row of one shape, tagged with the call
 * it belongs to (`call`: the CDR's linkedid, the queue log's callid) and whether the queue log knows
 * that call (`queued`). The mapping then lets the queue speak for queued calls and the CDR legs for
 * the rest. Queue events are normalised here: the standard realtime columns (data1…data5, or one
 * `data` field split at `|`) and PBXware's (param1…param3, htime, ttime, epoch `date_time`).
 */
export const ASTERISK_TABLE_COLUMNS = [
  'kind',
  'call',
  'queued',
  'time',
  'src',
  'dst',
  'dcontext',
  'channel',
  'dstchannel',
  'lastapp',
  'duration',
  'billsec',
  'disposition',
  'event',
  'queue',
  'agent',
  'customer',
  'wait',
  'talk',
] as const;

/** Events of a call in a queue; the others (members, pauses, reloads, agents' own dialling) are not calls. */
const CALL_EVENTS = new Set([
  'ENTERQUEUE',
  'CONNECT',
  'COMPLETEAGENT',
  'COMPLETECALLER',
  'ABANDON',
  'EXITWITHTIMEOUT',
  'EXITWITHKEY',
  'EXITEMPTY',
  'RINGNOANSWER',
  'RINGCANCELED',
  'TRANSFER',
  'BLINDTRANSFER',
  'ATTENDEDTRANSFER',
]);
/** Events that show the call was in the queue (not only rung at a member). */
const QUEUED = new Set(['ENTERQUEUE', 'CONNECT', 'ABANDON', 'EXITWITHTIMEOUT', 'EXITWITHKEY', 'EXITEMPTY']);
const ANSWERED = new Set([
  'CONNECT',
  'COMPLETEAGENT',
  'COMPLETECALLER',
  'TRANSFER',
  'BLINDTRANSFER',
  'ATTENDEDTRANSFER',
]);

/** Which data field holds the wait and the talk, by event (Asterisk's queue_log documentation). */
const WAIT_FIELD: Record<string, number> = {
  CONNECT: 1,
  ABANDON: 3,
  EXITWITHTIMEOUT: 3,
  EXITWITHKEY: 4,
  EXITEMPTY: 3,
};
const TALK_FIELD: Record<string, number> = {
  COMPLETEAGENT: 2,
  COMPLETECALLER: 2,
  TRANSFER: 4,
  BLINDTRANSFER: 4,
  ATTENDEDTRANSFER: 4,
};

type Values = Record<string, string | null>;

export const asteriskTables: Reshape = {
  columns: ASTERISK_TABLE_COLUMNS,
  *records(input: readonly SourceRecord[], files: readonly SourceFile[]) {
    const kinds = files.map(tableKind);
    const rows = input.map((r) => ({
      record: r,
      values: kinds[r.file] === 'cdr' ? cdrRow(plain(r.values)) : queueRow(plain(r.values)),
    }));
    const queued = new Set(
      rows
        .filter((r) => r.values.kind === 'queue' && QUEUED.has(r.values.event ?? ''))
        .map((r) => r.values.call),
    );
    for (const { record, values } of rows)
      yield { ...record, values: { ...values, queued: queued.has(values.call ?? null) ? 'yes' : 'no' } };
  },
};

function tableKind(file: SourceFile): 'cdr' | 'queue' {
  const has = (name: string) => file.columns.some((c) => normalizeName(c) === name);
  if (has('disposition') && (has('calldate') || has('start'))) return 'cdr';
  if (has('event') && has('callid')) return 'queue';
  throw new UserError(
    'INVALID_INPUT',
    `${file.path}: neither an Asterisk cdr table (calldate, disposition, …) nor a queue_log table (callid, event, …); its columns: ${file.columns.slice(0, 12).join(', ')}`,
    { file: file.path },
  );
}

/** Values by normalised column name, with the exports' NULL markers read as empty. */
function plain(values: SourceRecord['values']): Values {
  const out: Values = {};
  for (const [name, value] of Object.entries(values))
    out[normalizeName(name)] = value === null || value === 'NULL' || value === '\\N' ? null : value;
  return out;
}

function cdrRow(v: Values): Values {
  return {
    kind: 'cdr',
    call: v.linkedid ?? v.uniqueid ?? null,
    time: v.calldate ?? v.start ?? null,
    src: v.src ?? null,
    dst: v.dst ?? null,
    dcontext: v.dcontext ?? null,
    channel: v.channel ?? null,
    dstchannel: v.dstchannel ?? null,
    lastapp: v.lastapp ?? null,
    duration: v.duration ?? null,
    billsec: v.billsec ?? null,
    disposition: v.disposition ?? null,
  };
}

function queueRow(v: Values): Values {
  const event = (v.event ?? '').toUpperCase();
  const call = v.callid && v.callid !== 'NONE' ? v.callid : null;
  const data = dataFields(v);
  const isCall = call !== null && CALL_EVENTS.has(event);
  const waitAt = WAIT_FIELD[event];
  const talkAt = TALK_FIELD[event];
  return {
    kind: isCall ? 'queue' : 'event',
    call,
    time: instantText(v.datetime ?? v.time ?? null),
    event,
    queue: noneToNull(v.queuename ?? v.queue ?? null),
    agent: ANSWERED.has(event) ? extension(noneToNull(v.agent ?? v.type ?? null)) : null,
    customer:
      event === 'ENTERQUEUE' ? (v.param1 !== undefined ? (v.param1 ?? null) : (data[2] ?? null)) : null,
    // PBXware writes the hold (wait) and talk times in columns of their own.
    wait: waitAt ? (v.htime !== undefined ? (v.htime ?? null) : (data[waitAt] ?? null)) : null,
    talk: talkAt ? (v.ttime !== undefined ? (v.ttime ?? null) : (data[talkAt] ?? null)) : null,
  };
}

/** data1…data5 (or param1…param3), or one `data` field holding them separated by `|`; 1-based. */
function dataFields(v: Values): (string | null)[] {
  const split = v.data?.split('|') ?? [];
  return [null, 1, 2, 3, 4, 5].map((n) =>
    n === null ? null : (v[`data${n}`] ?? v[`param${n}`] ?? split[(n as number) - 1] ?? null),
  );
}

function noneToNull(value: string | null): string | null {
  return value === 'NONE' || value === '' ? null : value;
}

/** `Agent/1127`, `SIP/202`, `Local/1127@from-queue/n` → the extension or name after the technology. */
function extension(agent: string | null): string | null {
  return agent?.replace(/^[A-Za-z0-9]+\//, '').replace(/[@-].*$/, '') || null;
}

/** Unix seconds as an absolute ISO instant; other text (a local date and time) is left as it is. */
function instantText(value: string | null): string | null {
  if (value === null || !/^\d+(\.\d+)?$/.test(value)) return value;
  return new Date(Number(value) * 1000).toISOString();
}
