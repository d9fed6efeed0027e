import { addSums, type ChannelModel, classSums, emptySums, modelFigures } from './aggregate.js';
/** What the checks read of a side: each channel's quality over the range. */
export interface QualitySide {
  channels: readonly {
    channel: string;
    serviceLevel: number | null;
    abandonRate: number | null;
    asaSeconds: number | null;
    fcr: number | null;
  }[];
}

import type { ClassGrid } from './grid.js';
import type { ConstraintLimit, Constraints } from './schema.js';

export const CONSTRAINT_NAMES = ['service_level', 'abandon_rate_max', 'asa_max_seconds', 'fcr_min'] as const;
export type ConstraintName = (typeof CONSTRAINT_NAMES)[number];

/** One constraint for one channel over the range; `met` also needs every day and interval to pass. */
export interface ConstraintCheck {
  name: ConstraintName;
  channel: string;
  /** The limit: the scenario file's number, or the baseline's figure ("no worse than today"). */
  target: number;
  source: 'baseline' | 'limit';
  value: number | null;
  met: boolean;
  violations: number;
}

export interface Violation {
  name: ConstraintName;
  channel: string;
  level: 'channel' | 'day' | 'interval';
  /** The date (day) or the month, weekday and time (interval: the typical week of that month). */
  at: string | null;
  target: number;
  value: number;
}

interface Rule {
  figure: 'serviceLevel' | 'abandonRate' | 'asaSeconds' | 'fcr';
  /** A floor (at least) or a ceiling (at most). */
  floor: boolean;
  /** Shares move additively with the calibration; ASA by its ratio. */
  shares: boolean;
  /** Checked per day and interval too (FCR is known per channel only). */
  intervals: boolean;
}

const RULES: Record<ConstraintName, Rule> = {
  service_level: { figure: 'serviceLevel', floor: true, shares: true, intervals: true },
  abandon_rate_max: { figure: 'abandonRate', floor: false, shares: true, intervals: true },
  asa_max_seconds: { figure: 'asaSeconds', floor: false, shares: false, intervals: true },
  fcr_min: { figure: 'fcr', floor: true, shares: true, intervals: false },
};

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const findings = new WeakMap<ChannelModel, Map<string, Violation[]>>();
const EPSILON = 1e-9;

function limitFor(spec: Constraints[ConstraintName], channel: string): ConstraintLimit | undefined {
  if (spec === undefined || spec === 'baseline' || typeof spec === 'number') return spec;
  return (spec as Partial<Record<string, ConstraintLimit>>)[channel];
}

/**
 * Checks the quality constraints. Per channel over the range the scenario's figures are the report's
 * (measured, moved by the model's change). A number is also checked per day and per interval, on the
 * model's figures shifted by the channel's calibration (measured − modelled at the baseline, or their
 * ratio for ASA), so each day and interval is held to the same yardstick as the range. "baseline"
 * means no worse than today's figure for the channel over the range, within the tolerance; it is not
 * applied to single intervals, whose figures scatter around the range's by design.
 */
export function checkConstraints(
  constraints: Constraints,
  base: QualitySide,
  scenario: QualitySide,
  baseModels: ReadonlyMap<string, ChannelModel>,
  models: ReadonlyMap<string, ChannelModel>,
  grid: ClassGrid,
): { checks: ConstraintCheck[]; violations: Violation[] } {
  const checks: ConstraintCheck[] = [];
  const violations: Violation[] = [];
  for (const name of CONSTRAINT_NAMES) {
    const rule = RULES[name];
    for (const after of scenario.channels) {
      const before = base.channels.find((c) => c.channel === after.channel);
      if (!before) continue;
      const limit = limitFor(constraints[name], after.channel);
      const today = before[rule.figure];
      if (limit === undefined || (limit === 'baseline' && today === null)) continue;
      const model = models.get(after.channel);
      if (rule.intervals && !model) continue;
      const tolerance = constraints.tolerance;
      const target =
        limit === 'baseline'
          ? (today as number) +
            (rule.floor ? -1 : 1) * (rule.shares ? tolerance : (today as number) * tolerance)
          : limit;
      const passes = (v: number) => (rule.floor ? v >= target - EPSILON : v <= target + EPSILON);
      const value = after[rule.figure];
      const found: Violation[] = [];
      if (value !== null && !passes(value)) {
        found.push({ name, channel: after.channel, level: 'channel', at: null, target, value });
      }
      const baseModel = baseModels.get(after.channel);
      if (limit !== 'baseline' && rule.intervals && model && baseModel) {
        const shift = calibration(rule, today, modelFigures(baseModel.total)[rule.figure as 'serviceLevel']);
        // Scenarios that staff a channel alike share its model, and so its per-interval findings.
        const key = `${name}|${target}|${shift(0)}|${shift(1)}`;
        const memo = findings.get(model) ?? new Map<string, Violation[]>();
        findings.set(model, memo);
        let own = memo.get(key);
        if (!own) {
          own = [];
          for (const { at, sums, level } of periodsOf(model, grid)) {
            const modelled = modelFigures(sums)[rule.figure as 'serviceLevel'];
            if (modelled === undefined) continue;
            const v = shift(modelled);
            if (!passes(v)) own.push({ name, channel: after.channel, level, at, target, value: v });
          }
          memo.set(key, own);
        }
        found.push(...own);
      }
      violations.push(...found);
      checks.push({
        name,
        channel: after.channel,
        target,
        source: limit === 'baseline' ? 'baseline' : 'limit',
        value,
        met: found.length === 0,
        violations: found.length,
      });
    }
  }
  return { checks, violations };
}

/** The channel's calibration applied to a model figure: + (measured − modelled) for shares, × their ratio for ASA. */
function calibration(
  rule: Rule,
  measured: number | null,
  modelled: number | undefined,
): (v: number) => number {
  if (measured === null || modelled === undefined) return (v) => v;
  if (rule.shares) return (v) => Math.min(1, Math.max(0, v + measured - modelled));
  return modelled > 0 ? (v) => (v * measured) / modelled : (v) => v;
}

/** Each staffed interval of the typical weeks, and each date (its weekday's intervals summed). */
function* periodsOf(model: ChannelModel, grid: ClassGrid) {
  const perMonth = 7 * grid.slotsPerDay;
  for (let m = 0; m < grid.months.length; m++) {
    for (let w = 0; w < 7; w++) {
      const dates = grid.dates[m]?.[w] ?? [];
      if (dates.length === 0) continue;
      const day = emptySums();
      for (let s = 0; s < grid.slotsPerDay; s++) {
        const sums = classSums(model, m * perMonth + w * grid.slotsPerDay + s);
        if (sums.calls === 0) continue;
        addSums(day, sums);
        const minute = (s * grid.intervalSeconds) / 60;
        const time = `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
        yield {
          level: 'interval' as const,
          at: `${grid.months[m]?.slice(0, 7)} ${WEEKDAYS[w]} ${time}`,
          sums,
        };
      }
      if (day.calls === 0) continue;
      for (const date of dates) yield { level: 'day' as const, at: date, sums: day };
    }
  }
}
