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
  /**
   * Contacts an agent handles at once (chat 2–3, default 1): an agent is occupied AHT ÷ concurrency
   * per contact, and the queue is staffed on that occupied time.
   */
  concurrency?: number;
  /** Loaded cost of one paid agent hour of this interval's segment (its rate cards); see PlanSettings. */
  hourlyCost?: Decimal;
  /** The service-level threshold this interval is staffed for, where it differs from the plan's. */
  answerWithinSeconds?: number;
}

export interface PlannedInterval {
  demand: IntervalDemand;
  staffing: Staffing;
}

export interface PlanSettings {
  targets: StaffingTargets;
  shrinkage: number;
  /**
   * Loaded cost of one scheduled (paid) agent hour for every interval, overriding the intervals' own
   * rates; without either, no money figures.
   */
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
  return demands.map((demand) => {
    const within = demand.answerWithinSeconds ?? settings.targets.answerWithinSeconds;
    const targets = { ...settings.targets, answerWithinSeconds: within };
    return {
      demand: { ...demand, answerWithinSeconds: within },
      staffing: staff(occupiedLoad(demand), targets, settings.shrinkage),
    };
  });
}

/** The workload the queue is staffed on: handle time per contact ÷ contacts handled at once. */
export function occupiedLoad(demand: IntervalDemand): IntervalDemand {
  const concurrency = demand.concurrency ?? 1;
  return concurrency === 1 ? demand : { ...demand, ahtSeconds: demand.ahtSeconds / concurrency };
}

/** The hourly cost an interval is priced at: the plan's override, else the interval's own rate. */
const hourlyCostOf = (interval: PlannedInterval, settings: PlanSettings): Decimal | undefined =>
  settings.hourlyCost ?? interval.demand.hourlyCost;

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
 * sum of the days, so every table adds up to the cent. Money needs a rate for every interval (the
 * plan's override or the interval's own). Forecast contacts may be fractional (means of history);
 * the totals count whole contacts: the days are rounded by largest remainder to the rounded total,
 * so days, months and total agree.
 */
export function summarise(
  dated: Iterable<DatedInterval>,
  settings: PlanSettings,
): { days: PlanTotals[]; months: PlanTotals[]; total: PlanTotals } {
  const byDay = new Map<string, Accumulator>();
  let costed = true;
  for (const { date, interval } of dated) {
    const day = byDay.get(date) ?? emptyAccumulator(true);
    const seconds = interval.demand.intervalSeconds;
    const rate = hourlyCostOf(interval, settings);
    if (!rate) costed = false;
    add(day, {
      contacts: interval.demand.calls,
      agentSeconds: interval.staffing.metrics.agents * seconds,
      scheduledSeconds: interval.staffing.scheduled * seconds,
      cost: rate ? rate.times(interval.staffing.scheduled * seconds).dividedBy(3600) : null,
    });
    byDay.set(date, day);
  }
  if (byDay.size === 0) costed = settings.hourlyCost !== undefined;
  const places = minorUnits(settings.currency);
  const entries = [...byDay.entries()].sort(([a], [b]) => a.localeCompare(b));
  const whole = wholeContacts(entries.map(([, day]) => day.contacts));
  const byMonth = new Map<string, Accumulator>();
  const total = emptyAccumulator(costed);
  const days = entries.map(([date, day], i) => {
    day.contacts = whole[i] as number;
    day.cost = costed && day.cost ? day.cost.toDecimalPlaces(places) : null;
    const month = byMonth.get(date.slice(0, 7)) ?? emptyAccumulator(costed);
    add(month, day);
    byMonth.set(date.slice(0, 7), month);
    add(total, day);
    return totals(date, day, places);
  });
  const months = [...byMonth.entries()].map(([month, acc]) => totals(month, acc, places));
  return { days, months, total: totals('total', total, places) };
}

/** Whole numbers summing to the rounded total, by largest remainder; whole inputs stay as they are. */
function wholeContacts(values: readonly number[]): number[] {
  if (values.every(Number.isInteger)) return [...values];
  const floors = values.map(Math.floor);
  let left = Math.round(values.reduce((a, b) => a + b, 0)) - floors.reduce((a, b) => a + b, 0);
  const order = values.map((v, i) => ({ i, r: v - Math.floor(v) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i] = (floors[i] as number) + 1;
    left--;
  }
  return floors;
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
