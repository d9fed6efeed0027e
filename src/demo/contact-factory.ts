import type { Contact } from '../model/contact.js';
import type { FollowUps } from './follow-ups.js';
import { type DigitalChannel, digitalHandleSeconds, voiceDurations } from './handling.js';
import { CHANNEL_PROFILES, type DemoChannel, SELF_SERVICE_TOPICS, TOPICS } from './profile.js';
import { isResolved, surveyScore } from './quality.js';
import { queueChat, queueVoice } from './queueing.js';
import { type LogNormal, logNormal, type Random, WeightedTable } from './random.js';
import { scheduleRepeat } from './repeats.js';
import type { Roster } from './roster.js';
import { routeTeam } from './staffing.js';

const OUTBOUND_SHARE = 0.03;
const OUTBOUND_REACHED = 0.72;
const OUTBOUND_QUEUES = WeightedTable.of([
  ['sales', 0.6],
  ['general', 0.4],
]);
const IVR_BEFORE_AGENT = logNormal(38, 0.5);
const IVR_SELF_SERVICE = logNormal(95, 0.6);
/** Time to first reply: hours for email, under an hour for social media. */
const EMAIL_RESPONSE = logNormal(5 * 3600, 1);
const SOCIAL_RESPONSE = logNormal(45 * 60, 1.2);
const EMAIL_SPAM = 0.015;
const EMAIL_HIGH_PRIORITY = 0.08;

interface Matter {
  customer: string;
  queue: string;
  topic: string;
}

/** Builds one contact at a time, drawing from one random stream in arrival order. */
export class ContactFactory {
  private sequence = 0;
  /** Customer ids made once and shared: fewer strings to build and collect. Dense, so lookups stay fast. */
  private readonly customerIds: (string | undefined)[];

  constructor(
    private readonly random: Random,
    private readonly roster: Roster,
    private readonly followUps: FollowUps,
    private readonly customerPool: number,
  ) {
    this.customerIds = new Array<string | undefined>(customerPool).fill(undefined);
  }

  /** `load` is the queue pressure at the arrival (1 = as planned), used by voice and chat. */
  create(channel: DemoChannel, arrivedMs: number, load: number): Contact {
    const contact =
      channel === 'voice' && this.random.chance(OUTBOUND_SHARE)
        ? this.outboundCall(arrivedMs)
        : this.inbound(channel, arrivedMs, load);
    scheduleRepeat(this.random, contact, this.followUps);
    return contact;
  }

  private inbound(channel: DemoChannel, arrivedMs: number, load: number): Contact {
    const followUp = this.followUps.take(channel, arrivedMs);
    const matter = followUp ?? this.newMatter(channel);
    const contact = this.blank(channel, arrivedMs, matter);
    switch (channel) {
      case 'voice':
        return this.voiceCall(contact, load);
      case 'chat':
        return this.chat(contact, load);
      case 'email':
        return this.written(contact, 'email', EMAIL_RESPONSE);
      case 'social':
        return this.written(contact, 'social', SOCIAL_RESPONSE);
      case 'self_service':
        return this.selfService(contact);
    }
  }

  private voiceCall(contact: Contact, load: number): Contact {
    contact.ivrSeconds = Math.round(this.random.logNormal(IVR_BEFORE_AGENT));
    const { outcome, waitSeconds } = queueVoice(this.random, load);
    contact.waitSeconds = waitSeconds;
    if (outcome === 'abandoned') return abandoned(contact);
    contact.outcome = outcome;
    return this.talked(contact);
  }

  private outboundCall(arrivedMs: number): Contact {
    const queue = OUTBOUND_QUEUES.pick(this.random);
    const contact = this.blank('voice', arrivedMs, this.matterIn(queue, TOPICS));
    contact.direction = 'outbound';
    if (this.random.chance(OUTBOUND_REACHED)) return this.talked(contact);
    // Nobody answered: the dialling agent is known, no conversation took place.
    contact.outcome = 'other';
    contact.agent = this.agentFor(contact);
    return contact;
  }

  private talked(contact: Contact): Contact {
    const { talk, hold, wrap } = voiceDurations(this.random, contact.queue as string);
    contact.talkSeconds = talk;
    contact.holdSeconds = hold;
    contact.wrapSeconds = wrap;
    contact.handleSeconds = talk + hold + wrap;
    return this.served(contact);
  }

  private chat(contact: Contact, load: number): Contact {
    const { outcome, waitSeconds } = queueChat(this.random, load);
    contact.waitSeconds = waitSeconds;
    if (outcome === 'abandoned') return abandoned(contact);
    contact.handleSeconds = digitalHandleSeconds(this.random, 'chat', contact.queue as string);
    return this.served(contact);
  }

  private written(contact: Contact, channel: DigitalChannel, response: LogNormal): Contact {
    if (channel === 'email') {
      contact.priority = this.random.chance(EMAIL_HIGH_PRIORITY) ? 'high' : 'normal';
      if (this.random.chance(EMAIL_SPAM)) {
        contact.outcome = 'other';
        return contact;
      }
    }
    contact.waitSeconds = Math.round(this.random.logNormal(response));
    contact.handleSeconds = digitalHandleSeconds(this.random, channel, contact.queue as string);
    return this.served(contact);
  }

  private selfService(contact: Contact): Contact {
    contact.ivrSeconds = Math.round(this.random.logNormal(IVR_SELF_SERVICE));
    contact.outcome = 'self_served';
    contact.resolved = isResolved(this.random, 'self_service', contact.queue as string);
    return contact;
  }

  /** An agent took the contact: who, whether it was solved, and the survey answer if any. */
  private served(contact: Contact): Contact {
    const channel = contact.channel as DemoChannel;
    contact.agent = this.agentFor(contact);
    if (contact.direction === 'outbound') return contact;
    contact.resolved = isResolved(this.random, channel, contact.queue as string);
    contact.csat = surveyScore(this.random, channel, contact.resolved, contact.waitSeconds ?? 0);
    return contact;
  }

  private agentFor(contact: Contact): string {
    const channel = contact.channel as DemoChannel;
    const team = routeTeam(channel, contact.queue as string);
    if (!team) throw new Error(`no team works ${channel}`);
    return this.roster.pick(this.random, team, channel);
  }

  private newMatter(channel: DemoChannel): Matter {
    const queue = CHANNEL_PROFILES[channel].queues.pick(this.random);
    return this.matterIn(queue, channel === 'self_service' ? SELF_SERVICE_TOPICS : TOPICS);
  }

  private matterIn(queue: string, topics: Record<string, WeightedTable<string>>): Matter {
    const topic = (topics[queue] as WeightedTable<string>).pick(this.random);
    return { customer: this.customer(), queue, topic };
  }

  /** Customers from a finite pool, some much more often than others, so repeats happen by chance too. */
  private customer(): string {
    const index = Math.floor(this.customerPool * this.random.next() ** 1.5);
    let id = this.customerIds[index];
    if (id === undefined) {
      id = `cust-${String(index + 1).padStart(7, '0')}`;
      this.customerIds[index] = id;
    }
    return id;
  }

  private blank(channel: DemoChannel, arrivedMs: number, matter: Matter): Contact {
    this.sequence++;
    return {
      source: 'demo',
      id: `demo-${String(this.sequence).padStart(8, '0')}`,
      channel,
      direction: 'inbound',
      queue: matter.queue,
      team: routeTeam(channel, matter.queue),
      agent: null,
      topic: matter.topic,
      customer: matter.customer,
      priority: null,
      arrivedAt: new Date(arrivedMs),
      ivrSeconds: null,
      waitSeconds: null,
      talkSeconds: null,
      holdSeconds: null,
      wrapSeconds: null,
      handleSeconds: null,
      outcome: 'handled',
      resolved: null,
      csat: null,
    };
  }
}

function abandoned(contact: Contact): Contact {
  contact.outcome = 'abandoned';
  contact.resolved = false;
  return contact;
}
