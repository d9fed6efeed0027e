import { describe, expect, it } from 'vitest';
import { staffByErlang } from './erlang-unit.js';
import { classGrid } from './grid.js';
import { staffBySimulation } from './simulated-unit.js';
import type { SegmentPlan, UnitPlan } from './units.js';

// One week in hourly classes (7 × 24 = 168); calls arrive on Monday 10:00–12:00 only.
const grid = classGrid({ range: { from: '2026-08-03', to: '2026-08-10' }, intervalSeconds: 3600 });
const calls = new Float64Array(grid.size);
calls[10] = 60;
calls[11] = 60;

const segment: SegmentPlan = {
  id: 'voice/',
  channel: 'voice',
  queue: null,
  calls,
  ahtSeconds: 180,
  concurrency: 1,
  patienceSeconds: 300,
  targets: { answerWithinSeconds: 20, serviceLevel: 0.8, maxOccupancy: 0.9, shortAbandonSeconds: 5 },
  key: 'test',
};
const unit: UnitPlan = {
  kind: 'simulated',
  channel: 'voice',
  segments: [segment],
  callback: {
    offerAfterSeconds: 30,
    takeRate: 0.5,
    withinSeconds: 3600,
    extraHandleSeconds: 0,
    withinShare: 0.95,
  },
  key: 'test',
};

describe('staffing by simulation (callback offer)', () => {
  it('staffs no agent in an interval where no caller comes', () => {
    const erlang = [staffByErlang(segment, grid.intervalSeconds)];
    const [result] = staffBySimulation(unit, grid, erlang, { replications: 4, seed: 1 });
    const agents = Array.from(result?.agents ?? []);
    // 60 calls of 180 s in an hour are 3 Erlangs: some agents at 10:00 and 11:00, none in the other 166 hours.
    expect(agents[10]).toBeGreaterThanOrEqual(3);
    expect(agents[11]).toBeGreaterThanOrEqual(3);
    expect(agents.filter((n, k) => k !== 10 && k !== 11 && n !== 0)).toEqual([]);
  });
});
