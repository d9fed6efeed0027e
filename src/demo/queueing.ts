import { SEASON, WEEKDAY_PRESSURE } from './profile.js';
import type { Random } from './random.js';

export type QueueOutcome = 'handled' | 'abandoned' | 'callback';

export interface QueueResult {
  outcome: QueueOutcome;
  waitSeconds: number;
}

interface QueueShape {
  /** Mean wait over all contacts at pressure 1, seconds. */
  baseWait: number;
  /** Share of contacts that find no agent free at pressure 1 (Erlang C's probability of waiting). */
  waitShare: number;
  /** Mean patience, seconds: a waiting contact abandons when its patience runs out before its wait. */
  patience: number;
  /** Share of callers who hang up on the greeting (short abandons under 5 s). */
  shortAbandon: number;
  /** Offer a callback after this wait (seconds); undefined: no callback option. */
  callbackAfter?: number;
  callbackTakeUp?: number;
}

const VOICE: QueueShape = {
  baseWait: 12,
  waitShare: 0.45,
  patience: 450,
  shortAbandon: 0.012,
  callbackAfter: 60,
  callbackTakeUp: 0.25,
};
const CHAT: QueueShape = { baseWait: 12, waitShare: 0.45, patience: 400, shortAbandon: 0.008 };
/** Seconds to pick up when an agent is free (ringing, chat greeting). */
const PICK_UP_SECONDS = 4;

/**
 * How stretched the agents are at a moment, 1 = as planned: the hour's share of the day's peak,
 * the weekday and the season (staffing follows the forecast only partly, so peaks queue longer).
 */
export function pressure(hourShareOfPeak: number, weekday: number, month: number): number {
  const weekdayPressure = WEEKDAY_PRESSURE[weekday - 1] ?? 1;
  const season = SEASON[month - 1] ?? 1;
  return 1 + 0.5 * (hourShareOfPeak - 0.7) + (weekdayPressure - 1) + 0.8 * (season - 1);
}

export function queueVoice(random: Random, load: number): QueueResult {
  return queue(random, VOICE, load);
}

export function queueChat(random: Random, load: number): QueueResult {
  return queue(random, CHAT, load);
}

/**
 * As in a queue with Erlang C behaviour: most contacts find an agent free, the others wait an
 * exponential time that grows steeply with pressure; patience is exponential too, so a waiting
 * contact abandons with probability (mean wait) ÷ (mean wait + mean patience).
 */
function queue(random: Random, shape: QueueShape, load: number): QueueResult {
  if (random.chance(shape.shortAbandon)) return { outcome: 'abandoned', waitSeconds: random.int(5) };
  const waitShare = Math.min(0.9, shape.waitShare * Math.exp(1.5 * (load - 1)));
  if (!random.chance(waitShare)) return { outcome: 'handled', waitSeconds: random.int(PICK_UP_SECONDS) };
  const wait = random.exponential((shape.baseWait * Math.exp(3 * (load - 1))) / waitShare);
  const patience = random.exponential(shape.patience);
  const offer = shape.callbackAfter;
  if (offer !== undefined && wait > offer && patience > offer && random.chance(shape.callbackTakeUp ?? 0)) {
    return { outcome: 'callback', waitSeconds: offer + random.int(15) };
  }
  if (patience < wait) return { outcome: 'abandoned', waitSeconds: Math.max(5, Math.round(patience)) };
  return { outcome: 'handled', waitSeconds: Math.round(wait) };
}
