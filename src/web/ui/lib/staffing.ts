/** One interval of a staffing plan as GET/POST /staff answers it (planJson). */
export interface PlanInterval {
  intervalStart: string;
  segment?: string;
  calls: number;
  ahtSeconds: number;
  trafficErlangs: number;
  agents: number;
  scheduled: number;
  serviceLevel: number;
  asaSeconds: number | null;
  occupancy: number;
}

export interface PlanTotal {
  period: string;
  contacts: number;
  staffedHours: number;
  scheduledHours: number;
  labourCost: string | null;
  labourCostPerContact: string | null;
}

export interface StaffPlan {
  currency: string;
  settings: Record<string, unknown>;
  intervals: PlanInterval[];
  days: PlanTotal[];
  total: PlanTotal;
}

export interface IntervalSum {
  start: string;
  calls: number;
  agents: number;
  scheduled: number;
  /** Calls-weighted over the segments of the interval; null where it has no calls. */
  serviceLevel: number | null;
}

/**
 * The plan per interval start, summed over its segments (channels and queues from history): agents
 * and scheduled agents add up; the service level is the segments' mean weighted by their calls.
 */
export function byIntervalStart(intervals: readonly PlanInterval[]): IntervalSum[] {
  const sums = new Map<string, IntervalSum & { weighted: number }>();
  for (const i of intervals) {
    const s = sums.get(i.intervalStart) ?? {
      start: i.intervalStart,
      calls: 0,
      agents: 0,
      scheduled: 0,
      serviceLevel: null,
      weighted: 0,
    };
    s.calls += i.calls;
    s.agents += i.agents;
    s.scheduled += i.scheduled;
    s.weighted += i.calls * i.serviceLevel;
    sums.set(i.intervalStart, s);
  }
  return [...sums.values()]
    .sort((a, b) => startKey(a.start).localeCompare(startKey(b.start)))
    .map(({ weighted, ...s }) => ({ ...s, serviceLevel: s.calls > 0 ? weighted / s.calls : null }));
}

/** The day or week a plan from history covers: given as such, else none. */
export function planPeriod(text: string | undefined): string | undefined {
  return text && /^\d{4}-(W\d{2}|\d{2}-\d{2})$/i.test(text) ? text.toUpperCase() : undefined;
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const WEEKDAYS_DE = ['Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa', 'So'];

/**
 * Interval starts sort in time: a plan from history has a typical week ("Mon 08:00"), a CSV dates
 * ("2026-10-05 08:00"); weekdays by their place in the ISO week, not alphabetically.
 */
function startKey(start: string): string {
  const m = /^(\w{3}) (\d{2}:\d{2})$/.exec(start);
  return m ? `${WEEKDAYS.indexOf(m[1] as string)} ${m[2]}` : start;
}

/** English weekday abbreviations in a text ("2026-08 Mon 14:30") in the reader's language. */
export function weekdaysIn(text: string, lang: 'en' | 'de'): string {
  if (lang === 'en') return text;
  return text.replace(/\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun)\b/g, (d) => WEEKDAYS_DE[WEEKDAYS.indexOf(d)] ?? d);
}

/** An interval start as the reader writes it: German weekdays or dates, times as given. */
export function intervalLabel(start: string, lang: 'en' | 'de', date: (iso: string) => string): string {
  const m = /^(\w{3}) (\d{2}:\d{2})$/.exec(start);
  if (m) return weekdaysIn(start, lang);
  const [day = '', time = ''] = start.split(/[ T]/);
  return /^\d{4}-\d{2}-\d{2}$/.test(day) ? `${date(day)} ${time}`.trim() : start;
}
