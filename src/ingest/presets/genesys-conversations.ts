import type { Reshape, SourceRecord } from '../pipeline/reshape.js';

/**
 * Genesys Cloud analytics conversation details (participants → sessions → segments) flattened to
 * one record per conversation, in the terms of a contact: what the `acd` participant's segments
 * took is the wait, the agents' `interact` / `hold` / `wrapup` segments are talk, hold and wrap,
 * the `ivr` participants' `ivr` segments the IVR time. Durations are in seconds (to the ms).
 */
export const GENESYS_COLUMNS = [
  'conversationId',
  'conversationStart',
  'mediaType',
  'direction',
  'queueId',
  'userId',
  'customer',
  'wrapUpCode',
  'ivrSeconds',
  'waitSeconds',
  'talkSeconds',
  'holdSeconds',
  'wrapSeconds',
  'queued',
  'answered',
  'ivr',
] as const;

interface Segment {
  segmentType?: string;
  segmentStart?: string;
  segmentEnd?: string;
  queueId?: string;
  wrapUpCode?: string;
}
interface Session {
  mediaType?: string;
  direction?: string;
  ani?: string;
  callbackNumbers?: string[];
  segments?: Segment[];
}
interface Participant {
  purpose?: string;
  userId?: string;
  sessions?: Session[];
}

export const genesysConversations: Reshape = {
  columns: GENESYS_COLUMNS,
  *records(input: readonly SourceRecord[]) {
    for (const record of input) {
      if (record.problem) {
        yield record;
        continue;
      }
      const participants = parseParticipants(record.values.participants ?? null);
      if (!participants) {
        yield { ...record, problem: 'participants is not a JSON list of participants' };
        continue;
      }
      yield { ...record, values: { ...record.values, ...conversation(record.values, participants) } };
    }
  },
};

function parseParticipants(text: string | null): Participant[] | undefined {
  if (text === null) return [];
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? (parsed as Participant[]) : undefined;
  } catch {
    return undefined;
  }
}

function conversation(
  values: SourceRecord['values'],
  participants: readonly Participant[],
): Record<string, string | null> {
  const sessions = (purposes: readonly string[]) =>
    participants
      .filter((p) => purposes.includes(p.purpose ?? ''))
      .flatMap((p) => (p.sessions ?? []).map((s) => ({ participant: p, session: s })));
  const segments = (purposes: readonly string[], type?: string) =>
    sessions(purposes)
      .flatMap(({ session }) => session.segments ?? [])
      .filter((s) => type === undefined || s.segmentType === type);
  const agents = sessions(['agent']);
  const acd = segments(['acd']);
  const talk = segments(['agent'], 'interact');
  const served = agents.find(({ session }) =>
    (session.segments ?? []).some((s) => s.segmentType === 'interact'),
  );
  const first = sessions(['acd', 'agent', 'ivr', 'customer', 'external'])[0]?.session;
  const customerSide = sessions(['customer', 'external']).map((s) => s.session);
  return {
    mediaType: first?.mediaType ?? null,
    direction: conversationDirection(values, customerSide, sessions(['acd', 'agent', 'ivr'])),
    queueId: [...acd, ...segments(['agent'])].find((s) => s.queueId)?.queueId ?? null,
    userId: (served ?? agents[0])?.participant.userId ?? null,
    customer: customerOf([...customerSide, ...sessions(['ivr', 'acd', 'agent']).map((s) => s.session)]),
    wrapUpCode: segments(['agent'], 'wrapup').find((s) => s.wrapUpCode)?.wrapUpCode ?? null,
    ivrSeconds: total(segments(['ivr'], 'ivr')),
    waitSeconds: total(acd),
    talkSeconds: total(talk),
    holdSeconds: total(segments(['agent'], 'hold')),
    wrapSeconds: total(segments(['agent'], 'wrapup')),
    queued: acd.length > 0 ? 'yes' : 'no',
    answered: talk.length > 0 ? 'yes' : 'no',
    ivr: sessions(['ivr']).length > 0 ? 'yes' : 'no',
  };
}

/**
 * The conversation's own `originatingDirection` where the API gives it; else the customer side's
 * direction (outbound: the center called out); else the routing side's; else inbound.
 */
function conversationDirection(
  values: SourceRecord['values'],
  customerSide: readonly Session[],
  routing: readonly { session: Session }[],
): string {
  const stated = values.originatingDirection;
  if (stated) return stated;
  return (
    customerSide.find((s) => s.direction)?.direction ??
    routing.find(({ session }) => session.direction)?.session.direction ??
    'inbound'
  );
}

/** The caller's number: `tel:+49…` as +49…, or the number a callback was scheduled for. */
function customerOf(sessions: readonly Session[]): string | null {
  for (const s of sessions) {
    if (s.ani) return s.ani.replace(/^tel:/, '');
    const callback = s.callbackNumbers?.[0];
    if (callback) return callback;
  }
  return null;
}

/** Seconds the segments took, to the millisecond; segments still open (no end) are left out. */
function total(segments: readonly Segment[]): string | null {
  if (segments.length === 0) return null;
  let ms = 0;
  for (const s of segments) {
    if (!s.segmentStart || !s.segmentEnd) continue;
    ms += Date.parse(s.segmentEnd) - Date.parse(s.segmentStart);
  }
  return Number.isNaN(ms) ? 'not a time' : String(ms / 1000);
}
