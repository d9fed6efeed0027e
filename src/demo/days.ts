import type { Contact } from '../model/contact.js';
import { ContactFactory } from './contact-factory.js';
import { FollowUps } from './follow-ups.js';
import { CHANNEL_PROFILES, type DayType, DEMO_CHANNELS, type DemoChannel, SEASON } from './profile.js';
import { pressure } from './queueing.js';
import { Random, WeightedTable } from './random.js';
import type { DemoDay, DemoRange } from './range.js';
import type { Roster } from './roster.js';

export interface DayPlan {
  seed: number;
  scale: number;
  range: DemoRange;
  roster: Roster;
  customerPool: number;
}

export interface DayContacts {
  day: DemoDay;
  contacts: Contact[];
}

interface HourTables {
  /** Local hour of an arrival, by day type; undefined when the channel is closed that day. */
  pick: Partial<Record<DayType, WeightedTable<number>>>;
  /** Each hour's arrival weight relative to the day's busiest hour. */
  shareOfPeak: Record<DayType, number[]>;
}

const HOURS = Array.from({ length: 24 }, (_, h) => h);
const SECONDS_PER_HOUR = 3600;
/** Arrival keys pack the second of the day and the channel index: second × 8 + channel. */
const CHANNEL_SLOTS = 8;

/**
 * The contacts of every day of the range, day after day in arrival order. Everything is drawn from
 * one random stream in a fixed order, so the same plan always yields the same contacts; repeat
 * contacts carry over from one day to the next.
 */
export function* generateDays(plan: DayPlan): Generator<DayContacts> {
  const random = new Random(plan.seed, 1);
  const factory = new ContactFactory(random, plan.roster, new FollowUps(), plan.customerPool);
  const tables = DEMO_CHANNELS.map((channel) => hourTables(CHANNEL_PROFILES[channel].hours));
  for (const day of plan.range.days) {
    const keys = arrivalKeys(random, day, plan.scale, tables);
    const contacts: Contact[] = new Array(keys.length);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as number;
      const channelIndex = key % CHANNEL_SLOTS;
      const second = (key - channelIndex) / CHANNEL_SLOTS;
      const hour = Math.floor(second / SECONDS_PER_HOUR);
      const arrivedMs = (day.hourStartMs[hour] as number) + (second - hour * SECONDS_PER_HOUR) * 1000;
      const peakShare = (tables[channelIndex] as HourTables).shareOfPeak[day.dayType][hour] as number;
      const load = pressure(peakShare, day.weekday, day.month);
      contacts[i] = factory.create(DEMO_CHANNELS[channelIndex] as DemoChannel, arrivedMs, load);
    }
    yield { day, contacts };
  }
}

/** The day's arrivals of all channels, sorted by local second. */
function arrivalKeys(random: Random, day: DemoDay, scale: number, tables: HourTables[]): Float64Array {
  const keys: number[] = [];
  DEMO_CHANNELS.forEach((channel, channelIndex) => {
    const table = (tables[channelIndex] as HourTables).pick[day.dayType];
    if (!table) return;
    const count = random.poisson(expectedVolume(channel, day, scale));
    for (let i = 0; i < count; i++) {
      const second = table.pick(random) * SECONDS_PER_HOUR + random.int(SECONDS_PER_HOUR);
      keys.push(second * CHANNEL_SLOTS + channelIndex);
    }
  });
  return Float64Array.from(keys).sort();
}

/** Expected contacts of a channel on a day: annual volume shaped by weekday, season and trend. */
export function expectedVolume(channel: DemoChannel, day: DemoDay, scale: number): number {
  const profile = CHANNEL_PROFILES[channel];
  const meanWeekday = profile.weekday.reduce((a, b) => a + b, 0) / 7;
  const weekday = (profile.weekday[day.weekday - 1] as number) / meanWeekday;
  const season = SEASON[day.month - 1] as number;
  const [first, last] = profile.trend;
  const trend = first + (last - first) * day.progress;
  return ((profile.annualVolume * scale) / 365) * weekday * season * trend;
}

function hourTables(hours: Record<DayType, readonly number[]>): HourTables {
  const pick: HourTables['pick'] = {};
  const shareOfPeak = {} as Record<DayType, number[]>;
  for (const dayType of ['weekday', 'saturday', 'sunday'] as const) {
    const weights = hours[dayType];
    const peak = Math.max(...weights);
    if (peak > 0) pick[dayType] = new WeightedTable(HOURS, weights);
    shareOfPeak[dayType] = weights.map((w) => (peak > 0 ? w / peak : 0));
  }
  return { pick, shareOfPeak };
}
