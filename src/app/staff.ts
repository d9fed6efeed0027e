import type { z } from 'zod';
import { isUserError, UserError } from '../errors.js';
import { resolveDefinitions } from '../metrics/definitions.js';
import { resolveRange } from '../metrics/range.js';
import { assertCurrencyCode, minorUnits } from '../money/currency.js';
import { type Decimal, parseDecimal } from '../money/decimal.js';
import {
  evaluateStaffing,
  type StaffingTargets,
  scheduledAgents,
  staff as staffInterval,
} from '../planning/erlang/staffing.js';
import { DEFAULT_SHORT_ABANDON_SECONDS, type ServiceLevelFormula } from '../planning/erlang/types.js';
import { readWeeklyPattern } from '../planning/history.js';
import { planFromHistory } from '../planning/history-plan.js';
import { parseIntervalsCsv } from '../planning/intervals-csv.js';
import { type PlannedInterval, type PlanSettings, planIntervals, summarise } from '../planning/plan.js';
import { cardRates } from '../planning/rates.js';
import type { Term } from '../report/labels.js';
import {
  type PlanView,
  planJson,
  renderPlan,
  renderSingle,
  type SingleMoney,
  type SingleStaffing,
  singleFigures,
} from '../report/staff-render.js';
import { headingPercent, inEveryLanguage, modelText, staffWord, targetText } from '../report/staff-words.js';
import type { Workspace } from '../workspace/workspace.js';
import { operation, type Rendered } from './operation.js';
import { badParameter, parseRequest } from './request.js';
import { demandFields, type StaffRequest, staffRequest } from './requests/staff.js';

export { demandFields, type StaffRequest, staffRequest };

/** A validated staffing request: its demand, targets and money (`simulate` has the same). */
export type Demand = z.output<z.ZodObject<typeof demandFields>>;

export type StaffView = Record<string, number | string | null> | ReturnType<typeof planJson>;

/** Where the calls come from: one interval (calls), a CSV of intervals, or the workspace's history. */
export type StaffMode = 'single' | 'csv' | 'workspace';

/**
 * Agents needed for a service target (Erlang C, or Erlang A with patience) and what they cost, for one
 * interval (`calls`), an interval CSV (`intervals`) or the workspace's history (neither): the JSON of
 * `staff --format json`.
 */
export async function staff(workspace: Workspace | undefined, request: StaffRequest): Promise<StaffView> {
  const r = parseRequest(staffRequest, request);
  if (staffMode(r, workspace) === 'single') return singleFigures(staffOne(r));
  return planJson((await staffPlan(r, workspace)).view);
}

/** The staffing as a table or CSV (intervals, days or months). */
async function staffOutput(
  workspace: Workspace | undefined,
  request: StaffRequest,
  format: string,
): Promise<Rendered> {
  const r = parseRequest(staffRequest, request);
  const as = format as 'table' | 'csv';
  if (staffMode(r, workspace) === 'single') return renderSingle(staffOne(r), as, r.locale);
  return renderPlan((await staffPlan(r, workspace)).view, as, r.rows, r.locale);
}

/** An unstable one-interval staffing, said where the output (JSON, CSV) has no room for it. */
export function staffWarnings(view: StaffView): string[] {
  const single = view as Record<string, number | null>;
  if (!('trafficErlangs' in single) || single.asaSeconds !== null || single.pAbandon !== undefined) return [];
  if ((single.agents ?? 0) > (single.trafficErlangs ?? 0)) return [];
  return ['unstable: agents <= traffic, the queue grows without bound (asaSeconds is null)'];
}

/** Without a workspace: 80/20's 20 s and the default service-level definition (DESIGN appendix A). */
const DEFAULT_THRESHOLDS: ThresholdDefaults = {
  within: 20,
  shortAbandon: DEFAULT_SHORT_ABANDON_SECONDS,
  formula: 'short_abandons_excluded',
};
const HISTORY_SLOTS = [900, 1800, 3600];

interface ThresholdDefaults {
  within: number;
  shortAbandon: number;
  formula: ServiceLevelFormula;
}

/** Exactly one source of demand, and only the parameters that go with it. */
export function staffMode(r: Demand, workspace: Workspace | undefined): StaffMode {
  if (r.calls !== undefined && r.intervals !== undefined)
    throw badParameter('intervals', 'give calls (one interval) or intervals (a CSV), not both');
  const mode: StaffMode = r.calls !== undefined ? 'single' : r.intervals !== undefined ? 'csv' : 'workspace';
  if (mode === 'workspace' && !workspace)
    throw badParameter('calls', 'give calls (one interval), intervals (a CSV) or a workspace (its history)');
  const source = { single: 'calls', csv: 'intervals', workspace: "the workspace's history" }[mode];
  const allow = (parameter: keyof Demand, ok: boolean) => {
    if (!ok) throw badParameter(parameter, `does not go with ${source}`);
  };
  allow('agents', r.agents === undefined || mode === 'single');
  allow('aht', r.aht === undefined || mode === 'single');
  for (const p of ['from', 'to', 'channel'] as const) allow(p, r[p] === undefined || mode === 'workspace');
  allow('timezone', r.timezone === undefined || mode === 'csv');
  allow('concurrency', r.concurrency === undefined || mode !== 'workspace');
  if (mode === 'single' && r.aht === undefined) throw badParameter('aht', 'calls needs aht (seconds)');
  if (mode === 'workspace' && !HISTORY_SLOTS.includes(r.interval)) {
    throw badParameter(
      'interval',
      `${r.interval}: from the workspace's history use 900, 1800 or 3600 (15, 30 or 60 minutes)`,
      String(r.interval),
    );
  }
  return mode;
}

/** Targets from the request; 80 % is the default when no target is named. */
export function targetsFrom(r: Demand, defaults: ThresholdDefaults = DEFAULT_THRESHOLDS): StaffingTargets {
  const named = r.sl !== undefined || r.asa !== undefined || r.maxAbandon !== undefined;
  return {
    answerWithinSeconds: r.within ?? defaults.within,
    shortAbandonSeconds: r.shortAbandon ?? defaults.shortAbandon,
    formula: r.slFormula ?? defaults.formula,
    serviceLevel: r.sl ?? (named ? undefined : 0.8),
    maxAsaSeconds: r.asa,
    maxAbandon: r.maxAbandon,
    maxOccupancy: r.maxOccupancy,
  };
}

function staffOne(r: Demand): SingleStaffing {
  const targets = targetsFrom(r);
  const concurrency = r.concurrency ?? 1;
  const load = {
    calls: r.calls as number,
    intervalSeconds: r.interval,
    ahtSeconds: (r.aht as number) / concurrency,
    patienceSeconds: r.patience,
  };
  const staffing =
    r.agents === undefined
      ? staffInterval(load, targets, r.shrinkage)
      : {
          metrics: evaluateStaffing(load, r.agents, targets),
          scheduled: scheduledAgents(r.agents, r.shrinkage),
        };
  const heading = inEveryLanguage((lang) =>
    staffWord(lang, 'single', {
      model: modelText(r.patience, lang),
      calls: String(r.calls),
      interval: String(r.interval),
      aht: String(r.aht),
      atOnce: concurrency === 1 ? '' : staffWord(lang, 'atOnce', { n: String(concurrency) }),
      goal:
        r.agents === undefined
          ? staffWord(lang, 'target', { targets: targetText(targets, r.shrinkage, lang) })
          : staffWord(lang, 'evaluated', {
              agents: String(r.agents),
              within: String(targets.answerWithinSeconds),
              shrinkage: headingPercent(r.shrinkage, lang),
            }),
    }),
  );
  return {
    heading,
    staffing,
    withPatience: r.patience !== undefined,
    money: singleMoney(r, staffing.scheduled),
  };
}

/** One interval's labour: scheduled agents × the interval's hours × the hourly cost, rounded once. */
function singleMoney(r: Demand, scheduled: number): SingleMoney | undefined {
  const hourlyCost = parseHourlyCost(r);
  if (!hourlyCost) return undefined;
  const currency = currencyOf(r.currency ?? 'EUR');
  const places = minorUnits(currency);
  const cost = hourlyCost
    .times(scheduled * r.interval)
    .dividedBy(3600)
    .toDecimalPlaces(places);
  const calls = r.calls as number;
  return {
    currency,
    labourCost: cost.toFixed(places),
    labourCostPerContact: calls > 0 ? cost.dividedBy(calls).toFixed(places) : null,
  };
}

/** A batch plan (CSV or history) as data: what `staff` prints, and what `simulate` simulates. */
export interface StaffPlan {
  view: PlanView;
  intervals: PlannedInterval[];
  formula: ServiceLevelFormula;
}

export function staffPlan(r: Demand, workspace: Workspace | undefined): Promise<StaffPlan> {
  return staffMode(r, workspace) === 'csv' ? staffCsv(r) : staffWorkspace(r, workspace as Workspace);
}

async function staffCsv(r: Demand): Promise<StaffPlan> {
  const demands = withParameter('intervals', () =>
    parseIntervalsCsv(r.intervals as string, 'intervals', r.interval, r.timezone ?? 'UTC'),
  ).map((d) => ({
    ...d,
    ...(d.patienceSeconds === undefined && r.patience !== undefined ? { patienceSeconds: r.patience } : {}),
    ...(r.concurrency === undefined ? {} : { concurrency: r.concurrency }),
  }));
  const settings = planSettings(r, DEFAULT_THRESHOLDS, r.currency ?? 'EUR');
  const intervals = planIntervals(demands, settings);
  const totals = summarise(
    intervals.map((interval) => ({ date: interval.demand.start.slice(0, 10), interval })),
    settings,
  );
  const heading = inEveryLanguage((lang) =>
    staffWord(lang, 'csvPlan', {
      n: String(intervals.length),
      interval: String(r.interval),
      targets: targetsLine(r, settings, lang),
    }),
  );
  return {
    view: {
      heading,
      currency: settings.currency,
      settings: settingsRecord(r, settings),
      intervals,
      ...totals,
    },
    intervals,
    formula: settings.targets.formula ?? DEFAULT_THRESHOLDS.formula,
  };
}

async function staffWorkspace(r: Demand, workspace: Workspace): Promise<StaffPlan> {
  const { timezone, serviceLevel, currency } = workspace.config;
  const thresholds = {
    within: serviceLevel.thresholdSeconds,
    shortAbandon: serviceLevel.shortAbandonSeconds,
    formula: serviceLevel.formula,
  };
  // `within` applies to every channel; otherwise each channel's own clock (email: hours).
  const byChannel: Partial<Record<string, number>> = serviceLevel.thresholdByChannel;
  const answerWithinFor = (channel: string) =>
    r.within ?? byChannel[channel] ?? serviceLevel.thresholdSeconds;
  const settings = planSettings(r, thresholds, r.currency ?? currency);
  const definitions = resolveDefinitions(workspace.config);
  const range = await resolveRange(workspace.engine, timezone, 'day', r.from, r.to);
  const request = { ...range, intervalSeconds: r.interval, ...(r.channel ? { channels: r.channel } : {}) };
  const pattern = await readWeeklyPattern(workspace.engine, definitions, request);
  // Paid hours are priced at the segments' rate cards unless hourlyCost sets one rate for all.
  const rates = settings.hourlyCost ? undefined : await cardRates(workspace.engine, definitions, range);
  if (pattern.segments.length === 0) {
    const span = `${range.from} to ${range.to} (exclusive)`;
    throw new UserError('EMPTY_PERIOD', `no inbound contacts offered to a queue from ${span}`);
  }
  const { intervals, days, months, total, segments, skipped } = planFromHistory(pattern, {
    range,
    intervalSeconds: r.interval,
    settings,
    patienceSeconds: r.patience,
    answerWithinFor,
    ...(rates ? { hourlyCostFor: (s) => rates.segment(s.channel, s.queue)?.hourlyCost } : {}),
  });
  const heading = inEveryLanguage((lang) =>
    staffWord(lang, 'historyPlan', {
      dir: workspace.dir,
      from: range.from,
      to: range.to,
      timezone,
      minutes: String(r.interval / 60),
      targets: targetsLine(r, settings, lang),
      priced: rates && total.labourCost !== null ? staffWord(lang, 'priced') : '',
    }),
  );
  const record = { ...settingsRecord(r, settings), historyFrom: range.from, historyTo: range.to, timezone };
  return {
    view: {
      heading,
      currency: settings.currency,
      settings: record,
      segments,
      skipped,
      intervals,
      days,
      months,
      total,
    },
    intervals,
    formula: settings.targets.formula ?? thresholds.formula,
  };
}

function planSettings(r: Demand, thresholds: ThresholdDefaults, currencyText: string): PlanSettings {
  return {
    targets: targetsFrom(r, thresholds),
    shrinkage: r.shrinkage,
    hourlyCost: parseHourlyCost(r),
    currency: currencyOf(currencyText),
  };
}

function currencyOf(text: string): string {
  return withParameter('currency', () => assertCurrencyCode(text));
}

function parseHourlyCost(r: Demand): Decimal | undefined {
  if (r.hourlyCost === undefined) return undefined;
  const hourlyCost = parseDecimal(r.hourlyCost);
  if (hourlyCost === undefined || hourlyCost.isNegative())
    throw badParameter('hourlyCost', `"${r.hourlyCost}": expected an amount like 32.50`, r.hourlyCost);
  return hourlyCost;
}

function targetsLine(r: Demand, s: PlanSettings, lang: keyof Term): string {
  const target = staffWord(lang, 'target', { targets: targetText(s.targets, r.shrinkage, lang) });
  if (s.hourlyCost === undefined) return target;
  const places = Math.max(minorUnits(s.currency), s.hourlyCost.decimalPlaces());
  const rate = s.hourlyCost.toFixed(places);
  return `${target}; ${staffWord(lang, 'rate', { currency: s.currency, rate: lang === 'de' ? rate.replace('.', ',') : rate })}`;
}

function settingsRecord(r: Demand, s: PlanSettings): Record<string, unknown> {
  return {
    intervalSeconds: r.interval,
    targets: s.targets,
    shrinkage: s.shrinkage,
    patienceSeconds: r.patience ?? null,
    hourlyCost: s.hourlyCost?.toString() ?? null,
  };
}

/** Runs `work`, naming `parameter` in the location of the user errors it raises. */
function withParameter<T>(parameter: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (!isUserError(error)) throw error;
    throw new UserError(error.code, error.message, { ...error.location, parameter }, error.details);
  }
}

export const staffOperation = operation({
  name: 'staff',
  summary: 'Agents needed for a service target (Erlang C, or Erlang A with patience) and what they cost',
  request: staffRequest,
  run: staff,
  output: { formats: ['table', 'csv'], render: staffOutput },
  warnings: staffWarnings,
});
