import type { Contact } from '../model/contact.js';
import type { FollowUps } from './follow-ups.js';
import type { DemoChannel } from './profile.js';
import { type Random, WeightedTable } from './random.js';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

interface RepeatRule {
  probability: number;
  channels: WeightedTable<DemoChannel>;
  minDelayMs: number;
  maxDelayMs: number;
}

/** Callers who gave up in the queue try again soon, mostly by phone. */
const AFTER_ABANDON: RepeatRule = {
  probability: 0.55,
  channels: WeightedTable.of<DemoChannel>([
    ['voice', 0.8],
    ['chat', 0.2],
  ]),
  minDelayMs: 5 * MINUTE_MS,
  maxDelayMs: 3 * 60 * MINUTE_MS,
};
/** The IVR or bot could not finish the request: the customer asks for a person right away. */
const AFTER_SELF_SERVICE: RepeatRule = {
  probability: 0.75,
  channels: WeightedTable.of<DemoChannel>([
    ['voice', 0.85],
    ['chat', 0.15],
  ]),
  minDelayMs: 1 * MINUTE_MS,
  maxDelayMs: 30 * MINUTE_MS,
};
/** An agent did not solve it: the customer comes back within days, on any channel. */
const AFTER_UNRESOLVED: RepeatRule = {
  probability: 0.6,
  channels: WeightedTable.of<DemoChannel>([
    ['voice', 0.6],
    ['email', 0.15],
    ['chat', 0.2],
    ['social', 0.05],
  ]),
  minDelayMs: DAY_MS / 2,
  maxDelayMs: 6 * DAY_MS,
};

/** Schedules the customer's next contact about the same matter when this one left it open. */
export function scheduleRepeat(random: Random, contact: Contact, followUps: FollowUps): void {
  const rule = repeatRule(contact);
  if (!rule || !contact.customer || !random.chance(rule.probability)) return;
  followUps.add(rule.channels.pick(random), {
    dueMs: contact.arrivedAt.getTime() + random.between(rule.minDelayMs, rule.maxDelayMs),
    customer: contact.customer,
    queue: contact.queue ?? 'general',
    topic: contact.topic ?? 'other',
  });
}

function repeatRule(contact: Contact): RepeatRule | undefined {
  if (contact.direction !== 'inbound' || contact.resolved !== false) return undefined;
  if (contact.outcome === 'abandoned') return AFTER_ABANDON;
  if (contact.outcome === 'self_served') return AFTER_SELF_SERVICE;
  if (contact.outcome === 'handled' || contact.outcome === 'callback') return AFTER_UNRESOLVED;
  return undefined;
}
