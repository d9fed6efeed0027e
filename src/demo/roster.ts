import { expectedHandleSeconds } from './handling.js';
import { CHANNEL_PROFILES, type DemoChannel } from './profile.js';
import { Random, WeightedTable } from './random.js';
import {
  EMPLOYER_LOADING,
  fteForOccupiedHours,
  occupiedSeconds,
  PAID_HOURS_PER_MONTH,
  routeTeam,
  TEAM_SALARY,
  type Team,
} from './staffing.js';

export interface DemoAgent {
  agent: string;
  team: string;
  channel: string;
  /** Loaded cost of one paid hour: gross wage plus employer contributions. */
  hourlyCost: string;
}

const FIRST_NAMES = [
  'Anna',
  'Ben',
  'Clara',
  'David',
  'Elif',
  'Felix',
  'Greta',
  'Hannah',
  'Ismail',
  'Jana',
  'Jonas',
  'Katharina',
  'Lars',
  'Lea',
  'Lukas',
  'Maja',
  'Marco',
  'Mehmet',
  'Mia',
  'Nadine',
  'Niklas',
  'Olga',
  'Paul',
  'Petra',
  'Rafael',
  'Sara',
  'Sebastian',
  'Sofia',
  'Tim',
  'Tobias',
  'Ursula',
  'Valentina',
  'Wei',
  'Yasmin',
  'Zoe',
  'Aylin',
  'Dominik',
  'Emma',
  'Farid',
  'Ines',
];
const LAST_NAMES = [
  'Bauer',
  'Becker',
  'Braun',
  'Demir',
  'Fischer',
  'Hartmann',
  'Hoffmann',
  'Jovanović',
  'Kaiser',
  'Keller',
  'Klein',
  'Koch',
  'Kowalski',
  'Krüger',
  'Lange',
  'Lehmann',
  'Meyer',
  'Müller',
  'Neumann',
  'Nowak',
  'Öztürk',
  'Peters',
  'Richter',
  'Rossi',
  'Schäfer',
  'Schmidt',
  'Schneider',
  'Schulz',
  'Schwarz',
  'Wagner',
  'Weber',
  'Werner',
  'Wolf',
  'Yilmaz',
  'Zimmermann',
  'Nguyen',
];

/** Roster groups: each agent works one channel for one team. */
const GROUPS: readonly { team: Team; channel: DemoChannel }[] = [
  { team: 'frontline', channel: 'voice' },
  { team: 'technical', channel: 'voice' },
  { team: 'technical', channel: 'chat' },
  { team: 'digital', channel: 'email' },
  { team: 'digital', channel: 'chat' },
  { team: 'digital', channel: 'social' },
];

/** Share of offered contacts that reach an agent (the rest abandon), for planning only. */
const PLANNED_HANDLED_SHARE: Partial<Record<DemoChannel, number>> = { voice: 0.93, chat: 0.95 };
/** Part-timers: more people than FTE. */
const HEADS_PER_FTE = 1.15;
const MIN_AGENTS_PER_GROUP = 2;

/** The named agents of the center and who of them takes a contact. */
export class Roster {
  readonly agents: DemoAgent[] = [];
  /** Team → channel → its agents weighted by workload; nested so that a pick builds no key string. */
  private readonly byGroup = new Map<Team, Map<DemoChannel, WeightedTable<string>>>();

  constructor(seed: number, scale: number) {
    const random = new Random(seed, 2);
    const used = new Set<string>();
    for (const group of GROUPS) {
      const heads = Math.max(
        MIN_AGENTS_PER_GROUP,
        Math.round(plannedFte(group.team, group.channel, scale) * HEADS_PER_FTE),
      );
      const names: string[] = [];
      const workload: number[] = [];
      for (let i = 0; i < heads; i++) {
        const agent = uniqueName(random, used);
        names.push(agent);
        workload.push(random.between(0.7, 1.3));
        const hourly =
          (TEAM_SALARY[group.team] * random.between(0.9, 1.1) * (1 + EMPLOYER_LOADING)) /
          PAID_HOURS_PER_MONTH;
        this.agents.push({ agent, team: group.team, channel: group.channel, hourlyCost: hourly.toFixed(2) });
      }
      const teamGroups = this.byGroup.get(group.team) ?? new Map<DemoChannel, WeightedTable<string>>();
      teamGroups.set(group.channel, new WeightedTable(names, workload));
      this.byGroup.set(group.team, teamGroups);
    }
  }

  /** An agent of the team working the channel; busier agents take more contacts. */
  pick(random: Random, team: Team, channel: DemoChannel): string {
    const group = this.byGroup.get(team)?.get(channel);
    if (!group) throw new Error(`no agents for team ${team} on ${channel}`);
    return group.pick(random);
  }
}

function uniqueName(random: Random, used: Set<string>): string {
  for (let attempt = 0; attempt < 50; attempt++) {
    const name = `${FIRST_NAMES[random.int(FIRST_NAMES.length)]} ${LAST_NAMES[random.int(LAST_NAMES.length)]}`;
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
  const numbered = `Agent ${used.size + 1}`;
  used.add(numbered);
  return numbered;
}

/** FTE a group needs in an average month, from expected volumes and handle times. */
function plannedFte(team: Team, channel: DemoChannel, scale: number): number {
  const profile = CHANNEL_PROFILES[channel];
  const handledShare = PLANNED_HANDLED_SHARE[channel] ?? 1;
  let occupied = 0;
  profile.queues.values.forEach((queue, index) => {
    if (routeTeam(channel, queue) !== team) return;
    const contacts = (profile.annualVolume / 12) * scale * profile.queues.share(index) * handledShare;
    occupied += contacts * occupiedSeconds(channel, expectedHandleSeconds(channel, queue));
  });
  return fteForOccupiedHours(occupied / 3600);
}
