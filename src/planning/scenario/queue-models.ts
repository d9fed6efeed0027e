import { staffByErlang } from './erlang-unit.js';
import type { ClassGrid } from './grid.js';
import { type SimulationSettings, staffBySimulation } from './simulated-unit.js';
import type { SegmentResult } from './staffing-results.js';
import type { UnitPlan } from './units.js';

/**
 * Staffs the units of scenarios, remembering each unit's result by the inputs that decide it: a
 * bridge or an optimiser evaluates many lever combinations, and most leave most queues as they were.
 */
export class QueueModels {
  private readonly erlang = new Map<string, SegmentResult>();
  private readonly simulated = new Map<string, SegmentResult[]>();
  /** Units staffed by simulation so far (for the report: how much was simulated). */
  simulations = 0;

  constructor(
    readonly grid: ClassGrid,
    readonly settings: SimulationSettings,
  ) {}

  staff(units: readonly UnitPlan[]): SegmentResult[] {
    return units.flatMap((unit) => {
      const erlang = unit.segments.map((s) => {
        let result = this.erlang.get(s.key);
        if (!result) {
          result = staffByErlang(s, this.grid.intervalSeconds);
          this.erlang.set(s.key, result);
        }
        return result;
      });
      if (unit.kind === 'erlang') return erlang;
      let result = this.simulated.get(unit.key);
      if (!result) {
        result = staffBySimulation(unit, this.grid, erlang, this.settings);
        this.simulated.set(unit.key, result);
        this.simulations++;
      }
      return result;
    });
  }
}
