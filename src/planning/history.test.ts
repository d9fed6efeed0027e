import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localToInstant } from '../calendar/time-zone.js';
import type { Engine } from '../engine/engine.js';
import { resolveDefinitions } from '../metrics/definitions.js';
import { defaultConfig } from '../model/config.js';
import type { Contact } from '../model/contact.js';
import { contact, engineWith } from '../test-support/fixtures.js';
import { countWeekdays, readWeeklyPattern } from './history.js';
import { planFromHistory } from './history-plan.js';

const TZ = 'Europe/Berlin';
let sequence = 0;

/** A contact arriving at a Berlin wall-clock time. */
function at(date: string, hour: number, minute: number, fields: Partial<Contact> = {}): Contact {
  sequence++;
  return contact({
    id: `c${sequence}`,
    arrivedAt: localToInstant(date, TZ, hour, minute),
    queue: 'billing',
    ...fields,
  });
}

// History 2026-03-23 (Mon) … 2026-04-05 (Sun): two of each weekday, across the switch to summer
// time on Sunday 2026-03-29.
const CONTACTS: Contact[] = [
  at('2026-03-23', 8, 10, { handleSeconds: 300, waitSeconds: 10 }),
  at('2026-03-23', 8, 5, { outcome: 'callback', waitSeconds: 70 }),
  at('2026-03-30', 8, 20, { handleSeconds: 200, waitSeconds: 40 }),
  at('2026-03-30', 8, 40, { outcome: 'abandoned', waitSeconds: 50 }),
  // 03:15 summer time, the first hour after the jump: 01:15 UTC.
  at('2026-03-29', 3, 15, { handleSeconds: 100, waitSeconds: 0 }),
  // 00:20 on Tuesday in Berlin is still Monday in UTC.
  at('2026-03-24', 0, 20, { queue: null, handleSeconds: 120, waitSeconds: 5 }),
  at('2026-03-25', 10, 0, { channel: 'email', queue: null, handleSeconds: 600 }),
  // Not offered to a queue, or outside the range: ignored.
  at('2026-03-25', 10, 0, { direction: 'outbound', handleSeconds: 999 }),
  at('2026-03-25', 10, 0, { outcome: 'self_served' }),
  at('2026-03-22', 23, 59, { handleSeconds: 999 }),
  at('2026-04-06', 0, 0, { handleSeconds: 999 }),
];

let engine: Engine;
beforeAll(async () => {
  engine = await engineWith(CONTACTS, []);
});
afterAll(async () => {
  await engine.close();
});

const request = { from: '2026-03-23', to: '2026-04-06', intervalSeconds: 1800 };
/** Chat is handled two at a time; voice one at a time (the default). */
const DEFINITIONS = resolveDefinitions({ ...defaultConfig('EUR', TZ), concurrency: { chat: 2 } });

describe('weekly pattern from history', () => {
  it('counts weekdays in a range', () => {
    expect(countWeekdays('2026-03-23', '2026-04-06')).toEqual([0, 2, 2, 2, 2, 2, 2, 2]);
    expect(countWeekdays('2026-03-01', '2026-04-01')).toEqual([0, 5, 5, 4, 4, 4, 4, 5]);
  });

  it('buckets arrivals by local weekday and slot, with AHT and patience per channel/queue', async () => {
    const pattern = await readWeeklyPattern(engine, DEFINITIONS, { ...request, channels: ['voice'] });
    expect(pattern.segments).toEqual([
      {
        channel: 'voice',
        queue: null,
        offered: 1,
        handled: 1,
        abandoned: 0,
        ahtSeconds: 120,
        concurrency: 1,
        // Tuesday 00:00, once in two Tuesdays.
        slots: [{ weekday: 2, minute: 0, calls: 0.5 }],
      },
      {
        channel: 'voice',
        queue: 'billing',
        // Three handled, one callback, one abandoned.
        offered: 5,
        handled: 3,
        abandoned: 1,
        // (300 + 200 + 100) / 3
        ahtSeconds: 200,
        concurrency: 1,
        // Waits of handled and abandoned callers (10 + 40 + 0 + 50) over one abandon; the callback's wait is not queue time.
        patienceSeconds: 100,
        slots: [
          { weekday: 1, minute: 480, calls: 1.5 },
          { weekday: 1, minute: 510, calls: 0.5 },
          { weekday: 7, minute: 180, calls: 0.5 },
        ],
      },
    ]);
  });

  it('takes every channel without a filter, and wider slots', async () => {
    const pattern = await readWeeklyPattern(engine, DEFINITIONS, { ...request, intervalSeconds: 3600 });
    expect(pattern.segments.map((s) => `${s.channel}/${s.queue}`)).toEqual([
      'email/null',
      'voice/null',
      'voice/billing',
    ]);
    expect(pattern.segments[2]?.slots[0]).toEqual({ weekday: 1, minute: 480, calls: 2 });
  });

  it('lays the staffed week over every date of the range', async () => {
    const pattern = await readWeeklyPattern(engine, DEFINITIONS, { ...request, channels: ['voice'] });
    const settings = {
      targets: { answerWithinSeconds: 20, serviceLevel: 0.8 },
      shrinkage: 0,
      currency: 'EUR',
    };
    const plan = planFromHistory(pattern, { range: request, intervalSeconds: 1800, settings });
    expect(
      plan.intervals.map((i) => `${i.demand.segment} ${i.demand.start} ${i.staffing.metrics.model}`),
    ).toEqual([
      'voice / (no queue) Tue 00:00 erlang-c',
      'voice / billing Mon 08:00 erlang-a',
      'voice / billing Mon 08:30 erlang-a',
      'voice / billing Sun 03:00 erlang-a',
    ]);
    // Means per day are 2, 0.5, 0.5, 2, 0.5, 0.5 (sum 6): the days count whole contacts, rounded by
    // largest remainder to the total, ties to the earlier day.
    expect(plan.days.map((d) => [d.period, d.contacts])).toEqual([
      ['2026-03-23', 2],
      ['2026-03-24', 1],
      ['2026-03-29', 1],
      ['2026-03-30', 2],
      ['2026-03-31', 0],
      ['2026-04-05', 0],
    ]);
    // The plan staffs exactly the offered history: 6 calls.
    expect(plan.total.contacts).toBe(6);
    expect(plan.skipped).toEqual([]);
    // A patience override turns every segment into Erlang A with that patience.
    const patient = planFromHistory(pattern, {
      range: request,
      intervalSeconds: 1800,
      settings,
      patienceSeconds: 240,
    });
    expect(patient.intervals.every((i) => i.demand.patienceSeconds === 240)).toBe(true);
  });

  it('staffs each channel against its own service-level threshold', async () => {
    const pattern = await readWeeklyPattern(engine, DEFINITIONS, request);
    const settings = {
      targets: { answerWithinSeconds: 20, serviceLevel: 0.8 },
      shrinkage: 0,
      currency: 'EUR',
    };
    const answerWithinFor = (channel: string) => (channel === 'email' ? 86_400 : 20);
    const plan = planFromHistory(pattern, {
      range: request,
      intervalSeconds: 1800,
      settings,
      answerWithinFor,
    });
    expect(plan.segments.map((s) => [s.channel, s.answerWithinSeconds])).toEqual([
      ['email', 86_400],
      ['voice', 20],
      ['voice', 20],
    ]);
    // The email: 0.5 calls × 600 s / 1800 s = 1/6 Erlang on 1 agent, C = 1/6. Within 20 s the SL would be
    // 1 − (1/6)·e^{−(5/6)·20/600} = 0.838; within a day it is 1 − (1/6)·e^{−120} = 1.
    const email = plan.intervals.find((i) => i.demand.segment === 'email / (no queue)');
    expect(email?.staffing.metrics).toMatchObject({ agents: 1, serviceLevel: 1 });
  });

  it('staffs a channel handled several at a time on the occupied time, AHT ÷ concurrency', async () => {
    const chats = await engineWith(
      Array.from({ length: 20 }, (_, i) =>
        at('2026-03-23', 9, i, { channel: 'chat', queue: null, handleSeconds: 600, waitSeconds: 5 }),
      ),
      [],
    );
    try {
      const pattern = await readWeeklyPattern(chats, DEFINITIONS, request);
      expect(pattern.segments[0]).toMatchObject({ channel: 'chat', ahtSeconds: 600, concurrency: 2 });
      const settings = {
        targets: { answerWithinSeconds: 20, serviceLevel: 0.8 },
        shrinkage: 0,
        currency: 'EUR',
      };
      const plan = planFromHistory(pattern, { range: request, intervalSeconds: 1800, settings });
      // 20 chats on one of two Mondays: 10 per Monday 09:00; 10 × 600 s ÷ 2 at once ÷ 1800 s = 1.667 Erlangs
      // of occupied time, not 3.333.
      expect(plan.intervals[0]?.staffing.metrics.trafficErlangs).toBeCloseTo((10 * 300) / 1800, 12);
    } finally {
      await chats.close();
    }
  });

  it('skips a segment without handle times', async () => {
    const noHandle = await engineWith(
      [at('2026-03-23', 9, 0, { queue: 'x', outcome: 'abandoned', waitSeconds: 30 })],
      [],
    );
    try {
      const pattern = await readWeeklyPattern(noHandle, DEFINITIONS, request);
      const settings = { targets: { answerWithinSeconds: 20 }, shrinkage: 0, currency: 'EUR' };
      const plan = planFromHistory(pattern, { range: request, intervalSeconds: 1800, settings });
      expect(plan.skipped).toEqual(['voice / x']);
      expect(plan.intervals).toEqual([]);
    } finally {
      await noHandle.close();
    }
  });
});
