import { minorUnits } from '../money/currency.js';
import { Decimal } from '../money/decimal.js';
import { type Staffing, type StaffingTargets, staff } from './erlang/staffing.js';

/** The demand of one interval of a plan. */
export interface IntervalDemand {
  /** Local wall-clock start, 'YYYY-MM-DD HH:MM' (CSV plans) or 'Mon 08:00' (weekly patterns). */
  start: string;
  /** Channel / queue the interval belongs to, for plans from history. */
  segment?: string;
  calls: number;
  intervalSeconds: number;
  ahtSeconds: number;
  /** Absent: nobody abandons, Erlang C. */
  patienceSeconds?: number;
}

export interface PlannedInterval {
  demand: IntervalDemand;
  staffing: Staffing;
}

export interface PlanSettings {
  targets: StaffingTargets;
  shrinkage: number;
  /** Loaded cost of one scheduled (paid) agent hour; without it no money figures. */
  hourlyCost?: Decimal;
  currency: string;
}

/** Totals of a day, a month or the whole plan. Money is decimal text in the currency's minor unit. */
export interface PlanTotals {
  period: string;
  /** Calls offered: the volume the plan staffs for. */
  contacts: number;
  /** Agent hours on the phones (the agents figure). */
  staffedHours: number;
  /** Paid agent hours, after shrinkage (the scheduled figure): what labour cost is paid on. */
  scheduledHours: number;
  labourCost: string | null;
  labourCostPerContact: string | null;
}

export function planIntervals(demands: readonly IntervalDemand[], settings: PlanSettings): PlannedInterval[] {
  return demands.map((demand) => ({ demand, staffing: staff(demand, settings.targets, settings.shrinkage) }));
}

/** One planned interval falling on a calendar date (a weekly pattern's interval falls on many). */
export interface DatedInterval {
  date: string;
  interval: PlannedInterval;
}

interface Accumulator {
  contacts: number;
  agentSeconds: number;
  scheduledSeconds: number;
  /** Labour cost in the currency's minor unit; null without an hourly cost. */
  cost: Decimal | null;
}

const emptyAccumulator = (costed: boolean): Accumulator => ({
  contacts: 0,
  agentSeconds: 0,
  scheduledSeconds: 0,
  cost: costed ? new Decimal(0) : null,
});

function add(into: Accumulator, part: Accumulator): void {
  into.contacts += part.contacts;
  into.agentSeconds += part.agentSeconds;
  into.scheduledSeconds += part.scheduledSeconds;
  if (into.cost && part.cost) into.cost = into.cost.plus(part.cost);
}

/**
 * Per day, per month and in total. Labour cost is hourly cost × scheduled hours, exact, rounded once
 * per day to the currency's minor unit; a month is the sum of its rounded days and the total the
 * sum of the days, so every table adds up to the cent.
 */
export function summarise(
  dated: Iterable<DatedInterval>,
  settings: PlanSettings,
): { days: PlanTotals[]; months: PlanTotals[]; total: PlanTotals } {
  const costed = settings.hourlyCost !== undefined;
  const byDay = new Map<string, Accumulator>();
  for (const { date, interval } of dated) {
    const day = byDay.get(date) ?? emptyAccumulator(false);
    const seconds = interval.demand.intervalSeconds;
    add(day, {
      contacts: interval.demand.calls,
      agentSeconds: interval.staffing.metrics.agents * seconds,
      scheduledSeconds: interval.staffing.scheduled * seconds,
      cost: null,
    });
    byDay.set(date, day);
  }
  const places = minorUnits(settings.currency);
  const byMonth = new Map<string, Accumulator>();
  const total = emptyAccumulator(costed);
  const days = [...byDay.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, day]) => {
      day.cost =
        settings.hourlyCost?.times(day.scheduledSeconds).dividedBy(3600).toDecimalPlaces(places) ?? null;
      const month = byMonth.get(date.slice(0, 7)) ?? emptyAccumulator(costed);
      add(month, day);
      byMonth.set(date.slice(0, 7), month);
      add(total, day);
      return totals(date, day, places);
    });
  const months = [...byMonth.entries()].map(([month, acc]) => totals(month, acc, places));
  return { days, months, total: totals('total', total, places) };
}

function totals(period: string, a: Accumulator, places: number): PlanTotals {
  return {
    period,
    contacts: a.contacts,
    staffedHours: a.agentSeconds / 3600,
    scheduledHours: a.scheduledSeconds / 3600,
    labourCost: a.cost ? a.cost.toFixed(places) : null,
    labourCostPerContact: a.cost && a.contacts > 0 ? a.cost.dividedBy(a.contacts).toFixed(places) : null,
  };
}
