import { describe, expect, it } from 'vitest';
import { Decimal } from '../money/decimal.js';
import { type DatedInterval, type PlanSettings, planIntervals, summarise } from './plan.js';

const TARGETS = { answerWithinSeconds: 20, serviceLevel: 0.8 };

/** A planned interval with a given staffing; summarise reads only calls, length, agents and scheduled. */
function dated(
  date: string,
  intervalSeconds: number,
  calls: number,
  agents: number,
  scheduled: number,
): DatedInterval {
  return {
    date,
    interval: {
      demand: { start: `${date} 08:00`, calls, intervalSeconds, ahtSeconds: 180 },
      staffing: {
        metrics: {
          model: 'erlang-c',
          trafficErlangs: 0,
          agents,
          stable: true,
          pWait: 0,
          serviceLevel: 1,
          asaSeconds: 0,
          occupancy: 0,
        },
        scheduled,
      },
    },
  };
}

const settings = (hourlyCost?: string, currency = 'EUR'): PlanSettings => ({
  targets: TARGETS,
  shrinkage: 0.3,
  hourlyCost: hourlyCost === undefined ? undefined : new Decimal(hourlyCost),
  currency,
});

describe('plan totals', () => {
  const intervals = [
    dated('2026-04-01', 3600, 0, 1, 2),
    dated('2026-03-02', 1800, 10, 2, 3),
    dated('2026-03-03', 900, 3, 1, 1),
    dated('2026-03-02', 1800, 20, 3, 5),
  ];

  it('adds hours per day, month and total, and costs scheduled hours rounded once a day', () => {
    const { days, months, total } = summarise(intervals, settings('32.505'));
    // 2026-03-02: 2.5 h on the phones, 4 h paid × 32.505 = 130.02; 30 contacts → 4.334 → 4.33.
    // 2026-03-03: 0.25 h × 32.505 = 8.12625 → 8.13; 3 contacts → 2.71.
    // 2026-04-01: 2 h × 32.505 = 65.01; no contacts, so no cost per contact.
    expect(days).toEqual([
      {
        period: '2026-03-02',
        contacts: 30,
        staffedHours: 2.5,
        scheduledHours: 4,
        labourCost: '130.02',
        labourCostPerContact: '4.33',
      },
      {
        period: '2026-03-03',
        contacts: 3,
        staffedHours: 0.25,
        scheduledHours: 0.25,
        labourCost: '8.13',
        labourCostPerContact: '2.71',
      },
      {
        period: '2026-04-01',
        contacts: 0,
        staffedHours: 1,
        scheduledHours: 2,
        labourCost: '65.01',
        labourCostPerContact: null,
      },
    ]);
    // March = the rounded days 130.02 + 8.13 = 138.15 (the exact 138.14625 would round to 138.15 too);
    // 138.15 / 33 = 4.186… → 4.19. Total 203.16 / 33 = 6.156… → 6.16.
    expect(months).toEqual([
      {
        period: '2026-03',
        contacts: 33,
        staffedHours: 2.75,
        scheduledHours: 4.25,
        labourCost: '138.15',
        labourCostPerContact: '4.19',
      },
      {
        period: '2026-04',
        contacts: 0,
        staffedHours: 1,
        scheduledHours: 2,
        labourCost: '65.01',
        labourCostPerContact: null,
      },
    ]);
    expect(total).toEqual({
      period: 'total',
      contacts: 33,
      staffedHours: 3.75,
      scheduledHours: 6.25,
      labourCost: '203.16',
      labourCostPerContact: '6.16',
    });
  });

  it('months are sums of the rounded days, so the tables add up to the cent', () => {
    // 0.5 h × 0.01 = 0.005 a day: each day rounds half-even to 0.00, so the month is 0.00, not 0.01.
    const { days, months } = summarise(
      [dated('2026-03-02', 1800, 1, 1, 1), dated('2026-03-03', 1800, 1, 1, 1)],
      settings('0.01'),
    );
    expect(days.map((d) => d.labourCost)).toEqual(['0.00', '0.00']);
    expect(months[0]?.labourCost).toBe('0.00');
  });

  it('uses the currency minor unit and leaves money out without an hourly cost', () => {
    expect(summarise(intervals, settings('1000', 'JPY')).total.labourCost).toBe('6250');
    const plain = summarise(intervals, settings());
    expect(plain.total).toMatchObject({ labourCost: null, labourCostPerContact: null, scheduledHours: 6.25 });
    expect(summarise([], settings('10')).total).toMatchObject({ contacts: 0, labourCost: '0.00' });
  });

  it('staffs each demand with the search', () => {
    // Reference case (../shared/reference/erlang.json): 100 calls / 30 min, AHT 180 s, 80/20 → 14 agents.
    const [planned] = planIntervals(
      [{ start: '2026-03-02 08:00', calls: 100, intervalSeconds: 1800, ahtSeconds: 180 }],
      { ...settings(), targets: { ...TARGETS, maxOccupancy: 0.85 } },
    );
    expect(planned?.staffing.metrics.agents).toBe(14);
    expect(planned?.staffing.scheduled).toBe(20);
  });
});
