import type { DemoChannel } from './profile.js';

/**
 * Staffing economics of the demo center. Paid hours follow from agent-occupied hours the way
 * workforce planners reason: FTE = occupied hours ÷ occupancy ÷ productive share of paid time ÷
 * paid hours, occupied hours being handle hours ÷ concurrency (chats run in parallel).
 */
export const OCCUPANCY = 0.8;
/** Share of paid time spent logged in and available (after breaks, meetings, training, absence). */
export const PRODUCTIVE_SHARE = 0.7;
/** 38 hours a week × 52 weeks ÷ 12 months. */
export const PAID_HOURS_PER_MONTH = 165;
/** Employer social contributions and benefits on gross wages. */
export const EMPLOYER_LOADING = 0.21;

export const TEAMS = ['frontline', 'technical', 'digital'] as const;
export type Team = (typeof TEAMS)[number];

/** Monthly gross wage per agent FTE. */
export const TEAM_SALARY: Record<Team, number> = { frontline: 2850, technical: 3350, digital: 2950 };

/** One team lead / workforce planner per ten agent FTE, at this monthly gross wage. */
export const AGENTS_PER_SUPERVISOR = 10;
export const SUPERVISOR_SALARY = 4300;

/** Which team works a queue on a channel; self-service has no team. */
export function routeTeam(channel: DemoChannel, queue: string): Team | null {
  switch (channel) {
    case 'self_service':
      return null;
    case 'voice':
      return queue === 'tech_support' ? 'technical' : 'frontline';
    case 'chat':
      return queue === 'tech_support' ? 'technical' : 'digital';
    default:
      return 'digital';
  }
}

/**
 * Contacts an agent of the demo handles at once, by channel (the demo workspace's `concurrency`):
 * two to three web chats in parallel, a few more asynchronous messaging threads. Voice, email and
 * social are one at a time. Assumptions stated in docs/definitions.md ("Concurrency").
 */
export const DEMO_CONCURRENCY = { chat: 2.5, messaging: 3 } as const;

/** Agent-occupied seconds of a contact: its handle seconds ÷ its channel's concurrency. */
export function occupiedSeconds(channel: string, handleSeconds: number): number {
  return handleSeconds / ((DEMO_CONCURRENCY as Record<string, number>)[channel] ?? 1);
}

/** FTE for agent-occupied hours (handle hours ÷ concurrency). */
export function fteForOccupiedHours(occupiedHours: number): number {
  return occupiedHours / OCCUPANCY / PRODUCTIVE_SHARE / PAID_HOURS_PER_MONTH;
}
