import { AGENTS_PER_SUPERVISOR, fteForOccupiedHours, TEAMS, type Team } from './staffing.js';
import type { MonthTally } from './tally.js';

/** The people and desks the ledger pays for, derived from the agent time the contacts occupied. */
export interface Headcount {
  /** Paid agent FTE per team, one record per month of the range. */
  agentFte: Record<Team, number>[];
  averageAgentFte: number;
  supervisorFte: number;
  /** Workstations: part-timers share desks, plus a few spare, plus the supervisors'. */
  seats: number;
  /** Average FTE answering chats, for the per-seat chat software. */
  chatFte: number;
  /** Average FTE of the digital team, for the help-desk seats. */
  digitalFte: number;
}

/**
 * Share of a month's FTE that follows that month's own workload; the rest follows the average,
 * because hiring and rostering lag the season (so quiet months cost more per contact).
 */
const FOLLOWS_MONTH = 0.6;
const SEATS_PER_AGENT_FTE = 1.05;

export function planHeadcount(tallies: readonly MonthTally[]): Headcount {
  const needed = tallies.map((tally) =>
    teamRecord((team) => fteForOccupiedHours(tally.occupiedSecondsByTeam[team] / 3600)),
  );
  const average = teamRecord((team) => mean(needed.map((month) => month[team])));
  const agentFte = needed.map((month) =>
    teamRecord((team) => FOLLOWS_MONTH * month[team] + (1 - FOLLOWS_MONTH) * average[team]),
  );
  const averageAgentFte = TEAMS.reduce((total, team) => total + average[team], 0);
  const supervisorFte = averageAgentFte / AGENTS_PER_SUPERVISOR;
  return {
    agentFte,
    averageAgentFte,
    supervisorFte,
    seats: averageAgentFte * SEATS_PER_AGENT_FTE + supervisorFte,
    chatFte: mean(tallies.map((tally) => fteForOccupiedHours(tally.occupiedSecondsByChannel.chat / 3600))),
    digitalFte: average.digital,
  };
}

function teamRecord(value: (team: Team) => number): Record<Team, number> {
  return Object.fromEntries(TEAMS.map((team) => [team, value(team)])) as Record<Team, number>;
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}
