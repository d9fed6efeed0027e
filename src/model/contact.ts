export const CHANNELS = [
  'voice',
  'email',
  'chat',
  'messaging',
  'social',
  'sms',
  'video',
  'self_service',
  'other',
] as const;
export type Channel = (typeof CHANNELS)[number];

export const DIRECTIONS = ['inbound', 'outbound'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const OUTCOMES = ['handled', 'abandoned', 'self_served', 'callback', 'other'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Dimensions a report can break down by. */
export const DIMENSIONS = ['channel', 'queue', 'team', 'agent', 'topic'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** One customer interaction on one channel (DESIGN section 2). Times in seconds. */
export interface Contact {
  source: string;
  id: string;
  channel: Channel;
  direction: Direction;
  queue: string | null;
  team: string | null;
  agent: string | null;
  topic: string | null;
  customer: string | null;
  priority: string | null;
  arrivedAt: Date;
  ivrSeconds: number | null;
  waitSeconds: number | null;
  talkSeconds: number | null;
  holdSeconds: number | null;
  wrapSeconds: number | null;
  /** talk + hold + wrap where those are known, otherwise a tracked or estimated handle time. */
  handleSeconds: number | null;
  outcome: Outcome;
  resolved: boolean | null;
  /** Normalised to 0..1. */
  csat: number | null;
}

export function isChannel(text: string): text is Channel {
  return (CHANNELS as readonly string[]).includes(text);
}

export function isOutcome(text: string): text is Outcome {
  return (OUTCOMES as readonly string[]).includes(text);
}

export function isDimension(text: string): text is Dimension {
  return (DIMENSIONS as readonly string[]).includes(text);
}
