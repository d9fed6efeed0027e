import type { RowValues } from '../engine/schema.js';
import type { Contact } from '../model/contact.js';
import { Random } from './random.js';
import { occupiedSeconds } from './staffing.js';

/** Occupancy the demo's staffing aims at, and the share of paid time agents are staffed (shrinkage 30 %). */
const OCCUPANCY = { low: 0.74, high: 0.86 };
const STAFFED_OF_PAID = { low: 0.66, high: 0.74 };

/**
 * Agent time for the demo, as a workforce-management system would record it: each agent's staffed
 * time on a day covers the agent-occupied time of that day's contacts at an occupancy near 0.8, and paid time
 * adds about 30 % shrinkage — the same planning assumptions the demo ledger's wages are built on.
 */
export class DemoAgentTime {
  private readonly handle = new Map<
    string,
    { day: string; agent: string; team: string | null; channel: string; seconds: number }
  >();

  /** Tallies the agent time a contact occupied (handle time ÷ concurrency) under its agent and (UTC) day. */
  add(contact: Contact): void {
    if (contact.outcome !== 'handled' || !contact.agent || !contact.handleSeconds) return;
    const day = contact.arrivedAt.toISOString().slice(0, 10);
    const key = `${day}|${contact.agent}`;
    const entry = this.handle.get(key) ?? {
      day,
      agent: contact.agent,
      team: contact.team,
      channel: contact.channel,
      seconds: 0,
    };
    entry.seconds += occupiedSeconds(contact.channel, contact.handleSeconds);
    this.handle.set(key, entry);
  }

  /** Rows in AGENT_TIME_TABLE column order. */
  rows(seed: number): RowValues[] {
    const random = new Random(seed, 7);
    return [...this.handle.values()].map((e) => {
      const staffed = Math.round(e.seconds / random.between(OCCUPANCY.low, OCCUPANCY.high));
      const paid = Math.round(staffed / random.between(STAFFED_OF_PAID.low, STAFFED_OF_PAID.high));
      return [e.day, e.agent, e.team, e.channel, null, staffed, paid];
    });
  }
}
