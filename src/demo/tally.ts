import type { Contact } from '../model/contact.js';
import type { DayContacts } from './days.js';
import { DEMO_CHANNELS, type DemoChannel } from './profile.js';
import { occupiedSeconds, TEAMS, type Team } from './staffing.js';

/** What one month of contacts consumed: the quantities the cost ledger is priced on. */
export interface MonthTally {
  /** Agent-occupied seconds (handle seconds ÷ concurrency), by team and by channel. */
  occupiedSecondsByTeam: Record<Team, number>;
  occupiedSecondsByChannel: Record<DemoChannel, number>;
  /** Seconds voice calls occupied a line: IVR, queue, talk and hold. */
  voiceLineSeconds: number;
  selfServiceContacts: number;
}

export function tallyMonths(days: Iterable<DayContacts>, monthCount: number): MonthTally[] {
  const tallies = emptyTallies(monthCount);
  for (const day of days) addDay(tallies, day);
  return tallies;
}

export function emptyTallies(monthCount: number): MonthTally[] {
  return Array.from({ length: monthCount }, emptyTally);
}

export function addDay(tallies: MonthTally[], { day, contacts }: DayContacts): void {
  const tally = tallies[day.monthIndex] as MonthTally;
  for (const contact of contacts) addContact(tally, contact);
}

function addContact(tally: MonthTally, contact: Contact): void {
  const channel = contact.channel as DemoChannel;
  if (contact.handleSeconds !== null) {
    const occupied = occupiedSeconds(channel, contact.handleSeconds);
    tally.occupiedSecondsByChannel[channel] += occupied;
    if (contact.team) tally.occupiedSecondsByTeam[contact.team as Team] += occupied;
  }
  if (channel === 'voice') {
    tally.voiceLineSeconds +=
      (contact.ivrSeconds ?? 0) +
      (contact.waitSeconds ?? 0) +
      (contact.talkSeconds ?? 0) +
      (contact.holdSeconds ?? 0);
  }
  if (contact.outcome === 'self_served') tally.selfServiceContacts++;
}

function emptyTally(): MonthTally {
  return {
    occupiedSecondsByTeam: Object.fromEntries(TEAMS.map((t) => [t, 0])) as Record<Team, number>,
    occupiedSecondsByChannel: Object.fromEntries(DEMO_CHANNELS.map((c) => [c, 0])) as Record<
      DemoChannel,
      number
    >,
    voiceLineSeconds: 0,
    selfServiceContacts: 0,
  };
}
