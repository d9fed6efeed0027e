import type { DemoChannel } from './profile.js';
import { type Random, WeightedTable } from './random.js';

/** First-contact resolution by channel: richer channels solve more at once. */
const RESOLVED: Record<DemoChannel, number> = {
  voice: 0.8,
  chat: 0.76,
  email: 0.72,
  social: 0.62,
  self_service: 0.8,
};
const HARD_QUEUE_PENALTY = 0.08;

/** Share of handled contacts that answer the satisfaction survey. */
const SURVEY_RESPONSE: Record<DemoChannel, number> = {
  voice: 0.15,
  chat: 0.25,
  email: 0.1,
  social: 0.08,
  self_service: 0,
};

/** Five-point survey answers, normalised to 0..1. */
const SCORES = [0, 0.25, 0.5, 0.75, 1] as const;
const SCORE_IF_RESOLVED = new WeightedTable(SCORES, [0.03, 0.04, 0.1, 0.28, 0.55]);
const SCORE_IF_UNRESOLVED = new WeightedTable(SCORES, [0.2, 0.2, 0.3, 0.2, 0.1]);
/** A long wait costs a point on the survey for some customers. */
const LONG_WAIT_SECONDS = 120;
const LONG_WAIT_PENALTY = 0.4;

export function isResolved(random: Random, channel: DemoChannel, queue: string): boolean {
  const penalty = queue === 'tech_support' ? HARD_QUEUE_PENALTY : 0;
  return random.chance(RESOLVED[channel] - penalty);
}

/** A survey score for a handled contact, or null when the customer did not answer. */
export function surveyScore(
  random: Random,
  channel: DemoChannel,
  resolved: boolean,
  waitSeconds: number,
): number | null {
  if (!random.chance(SURVEY_RESPONSE[channel])) return null;
  const score = (resolved ? SCORE_IF_RESOLVED : SCORE_IF_UNRESOLVED).pick(random);
  if (waitSeconds > LONG_WAIT_SECONDS && score > 0 && random.chance(LONG_WAIT_PENALTY)) return score - 0.25;
  return score;
}
