import { describe, expect, it } from 'vitest';
import { byIntervalStart, intervalLabel, type PlanInterval, planPeriod, weekdaysIn } from './staffing.js';

const interval = (
  start: string,
  segment: string,
  calls: number,
  agents: number,
  scheduled: number,
  sl: number,
) => ({ intervalStart: start, segment, calls, agents, scheduled, serviceLevel: sl }) as PlanInterval;

describe('staffing plans in the dashboard', () => {
  it('adds up the agents of an interval over its segments and weights the service level by calls', () => {
    const sums = byIntervalStart([
      interval('2026-10-05 08:30', 'voice/billing', 30, 5, 7, 0.9),
      interval('2026-10-05 08:00', 'voice/billing', 10, 2, 3, 0.8),
      interval('2026-10-05 08:00', 'voice/support', 30, 4, 6, 0.6),
    ]);
    // 08:00: agents 2 + 4 = 6, scheduled 3 + 6 = 9, SL (10·0.8 + 30·0.6) ÷ 40 = 26 ÷ 40 = 0.65
    expect(sums).toEqual([
      { start: '2026-10-05 08:00', calls: 40, agents: 6, scheduled: 9, serviceLevel: 0.65 },
      { start: '2026-10-05 08:30', calls: 30, agents: 5, scheduled: 7, serviceLevel: 0.9 },
    ]);
  });

  it('has no service level for an interval without calls', () => {
    expect(byIntervalStart([interval('2026-10-05 03:00', 'voice', 0, 0, 0, 1)])[0]?.serviceLevel).toBeNull();
  });

  it('plans a day or an ISO week, nothing longer', () => {
    expect(planPeriod('2026-10-05')).toBe('2026-10-05');
    expect(planPeriod('2026-w41')).toBe('2026-W41');
    expect(planPeriod('2026-10')).toBeUndefined();
    expect(planPeriod(undefined)).toBeUndefined();
  });
});

describe('interval starts', () => {
  it("sorts a typical week's weekdays in ISO order, not alphabetically", () => {
    const sums = byIntervalStart([
      interval('Fri 08:00', 'voice', 1, 1, 1, 1),
      interval('Mon 08:30', 'voice', 1, 1, 1, 1),
      interval('Sun 23:30', 'voice', 1, 1, 1, 1),
      interval('Mon 08:00', 'voice', 1, 1, 1, 1),
    ]);
    expect(sums.map((s) => s.start)).toEqual(['Mon 08:00', 'Mon 08:30', 'Fri 08:00', 'Sun 23:30']);
  });

  it("writes weekdays and dates in the reader's language", () => {
    const german = (iso: string) => iso.split('-').reverse().join('.');
    expect(intervalLabel('Wed 08:30', 'de', german)).toBe('Mi 08:30');
    expect(intervalLabel('Wed 08:30', 'en', german)).toBe('Wed 08:30');
    expect(intervalLabel('2026-10-05 08:30', 'de', german)).toBe('05.10.2026 08:30');
    expect(weekdaysIn('2026-08 Mon 14:30', 'de')).toBe('2026-08 Mo 14:30');
    expect(weekdaysIn('Monday', 'de')).toBe('Monday');
  });
});
