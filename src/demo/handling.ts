import type { DemoChannel } from './profile.js';
import { QUEUE_EFFORT } from './profile.js';
import { type LogNormal, logNormal, type Random } from './random.js';

/**
 * Agent time per contact, lognormal like real handle times (a long right tail). Means are for a
 * queue of effort 1; the queue's effort multiplies them.
 */
const VOICE_TALK_MEAN = 255;
const VOICE_TALK = logNormal(VOICE_TALK_MEAN, 0.75);
const HOLD_SHARE = 0.3;
const HOLD_MEAN = 55;
const HOLD = logNormal(HOLD_MEAN, 0.8);
const WRAP_MEAN = 40;
const WRAP = logNormal(WRAP_MEAN, 0.6);

const DIGITAL_MEAN: Record<Exclude<DemoChannel, 'voice' | 'self_service'>, number> = {
  email: 480,
  chat: 500,
  social: 170,
};
const DIGITAL: Record<keyof typeof DIGITAL_MEAN, LogNormal> = {
  email: logNormal(DIGITAL_MEAN.email, 0.9),
  chat: logNormal(DIGITAL_MEAN.chat, 0.6),
  social: logNormal(DIGITAL_MEAN.social, 0.8),
};

export type DigitalChannel = keyof typeof DIGITAL_MEAN;

export interface VoiceDurations {
  talk: number;
  hold: number;
  wrap: number;
}

export function effort(queue: string): number {
  return QUEUE_EFFORT[queue] ?? 1;
}

/** Whole seconds of talk (at least 10), hold (often none) and wrap-up. */
export function voiceDurations(random: Random, queue: string): VoiceDurations {
  const factor = effort(queue);
  const talk = Math.max(10, Math.round(factor * random.logNormal(VOICE_TALK)));
  const hold = random.chance(HOLD_SHARE) ? Math.round(factor * random.logNormal(HOLD)) : 0;
  const wrap = Math.round(random.logNormal(WRAP));
  return { talk, hold, wrap };
}

export function digitalHandleSeconds(random: Random, channel: DigitalChannel, queue: string): number {
  return Math.max(15, Math.round(effort(queue) * random.logNormal(DIGITAL[channel])));
}

/** Mean handle seconds of a handled contact, for planning the roster before any contact exists. */
export function expectedHandleSeconds(channel: DemoChannel, queue: string): number {
  if (channel === 'self_service') return 0;
  if (channel === 'voice') return effort(queue) * (VOICE_TALK_MEAN + HOLD_SHARE * HOLD_MEAN) + WRAP_MEAN;
  return effort(queue) * DIGITAL_MEAN[channel];
}
