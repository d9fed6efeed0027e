import { readFile } from 'node:fs/promises';
import { UserError } from '../errors.js';
import { resolveDefinitions } from '../metrics/definitions.js';
import { resolveRange } from '../metrics/range.js';
import { CHANNELS, isChannel } from '../model/contact.js';
import { assertCurrencyCode, minorUnits } from '../money/currency.js';
import { type Decimal, parseDecimal } from '../money/decimal.js';
import { openWorkspace } from '../workspace/workspace.js';
import { modelText, percent, targetText } from './describe.js';
import { evaluateStaffing, type StaffingTargets, scheduledAgents, staff } from './erlang/staffing.js';
import { DEFAULT_SHORT_ABANDON_SECONDS, type ServiceLevelFormula } from './erlang/types.js';
import { readWeeklyPattern } from './history.js';
import { planFromHistory } from './history-plan.js';
import { parseIntervalsCsv } from './intervals-csv.js';
import { type PlannedInterval, type PlanSettings, planIntervals, summarise } from './plan.js';
import { cardRates } from './rates.js';
import {
  type CsvRows,
  type Format,
  type PlanView,
  renderPlan,
  renderSingle,
  type SingleMoney,
} from './render.js';

/** The options of `percontact staff`, as commander parses them. */
export interface StaffRequest {
  calls?: number;
  interval: number;
  aht?: number;
  patience?: number;
  sl?: number;
  within?: number;
  shortAbandon?: number;
  slFormula?: ServiceLevelFormula;
  asa?: number;
  maxAbandon?: number;
  maxOccupancy: number;
  shrinkage: number;
  /** Contacts an agent handles at once (one interval and CSV plans; a workspace has its own). */
  concurrency?: number;
  agents?: number;
  intervals?: string;
  workspace?: string;
  from?: string;
  to?: string;
  channel?: string;
  /** The plan's time zone: ISO instants in a CSV's interval_start are converted to it (default UTC). */
  timezone?: string;
  hourlyCost?: string;
  currency?: string;
  rows: CsvRows;
  format: Format;
}

export interface StaffOutput {
  output: string;
  /** A note for stderr, where stdout carries JSON or CSV. */
  warning?: string;
}

interface ThresholdDefaults {
  within: number;
  shortAbandon: number;
  formula: ServiceLevelFormula;
}

/** Without a workspace: 80/20's 20 s and the default service-level definition (DESIGN appendix A). */
export const DEFAULT_THRESHOLDS: ThresholdDefaults = {
  within: 20,
  shortAbandon: DEFAULT_SHORT_ABANDON_SECONDS,
  formula: 'short_abandons_excluded',
};
const HISTORY_SLOTS = [900, 1800, 3600];

export async function runStaffRequest(request: StaffRequest): Promise<StaffOutput> {
  switch (staffMode(request)) {
    case 'single':
      return staffOne(request);
    case 'csv':
    case 'workspace': {
      const plan = await staffPlan(request);
      return { output: renderPlan(plan.view, request.format, request.rows) };
    }
  }
}

/** A batch plan (CSV or history) as data: what `staff` prints, and what `simulate` simulates. */
export interface StaffPlan {
  heading: string;
  view: PlanView;
  intervals: PlannedInterval[];
  formula: ServiceLevelFormula;
}

export function staffPlan(r: StaffRequest): Promise<StaffPlan> {
  return staffMode(r) === 'csv' ? staffCsv(r) : staffWorkspace(r);
}

/** Exactly one source of demand, and only the options that go with it. */
export function staffMode(r: StaffRequest): 'single' | 'csv' | 'workspace' {
  const modes = (
    [
      [r.calls, 'single'],
      [r.intervals, 'csv'],
      [r.workspace, 'workspace'],
    ] as const
  ).filter(([given]) => given !== undefined);
  const [chosen] = modes;
  if (modes.length !== 1 || chosen === undefined) {
    throw new UserError(
      'USAGE',
      'give one of --calls N (one interval), --intervals FILE.csv or --workspace DIR',
    );
  }
  const mode = chosen[1];
  const source = { single: '--calls', csv: '--intervals', workspace: '--workspace' }[mode];
  const allow = (flag: string, ok: boolean) => {
    if (!ok) throw new UserError('USAGE', `${flag} does not go with ${source}`);
  };
  allow('--agents', r.agents === undefined || mode === 'single');
  allow('--aht', r.aht === undefined || mode === 'single');
  allow('--from/--to/--channel', (r.from ?? r.to ?? r.channel) === undefined || mode === 'workspace');
  allow('--timezone', r.timezone === undefined || mode === 'csv');
  allow('--concurrency', r.concurrency === undefined || mode !== 'workspace');
  if (mode === 'single' && r.aht === undefined) throw new UserError('USAGE', '--calls needs --aht SECONDS');
  if (mode === 'workspace' && !HISTORY_SLOTS.includes(r.interval)) {
    throw new UserError(
      'USAGE',
      `--interval ${r.interval}: with --workspace use 900, 1800 or 3600 (15, 30 or 60 minutes)`,
    );
  }
  return mode;
}

/** Targets from the options; 80 % is the default when no target is named. */
export function targetsFrom(r: StaffRequest, defaults: ThresholdDefaults): StaffingTargets {
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

function staffOne(r: StaffRequest): StaffOutput {
  const targets = targetsFrom(r, DEFAULT_THRESHOLDS);
  const concurrency = r.concurrency ?? 1;
  const load = {
    calls: r.calls as number,
    intervalSeconds: r.interval,
    ahtSeconds: (r.aht as number) / concurrency,
    patienceSeconds: r.patience,
  };
  const result =
    r.agents === undefined
      ? staff(load, targets, r.shrinkage)
      : {
          metrics: evaluateStaffing(load, r.agents, targets),
          scheduled: scheduledAgents(r.agents, r.shrinkage),
        };
  const goal =
    r.agents === undefined
      ? `target ${targetText(targets, r.shrinkage)}`
      : `${r.agents} agents, SL within ${targets.answerWithinSeconds} s, shrinkage ${percent(r.shrinkage)}`;
  const handled = concurrency === 1 ? '' : `, ${concurrency} at once`;
  const heading = `${modelText(r.patience)}: ${r.calls} calls in ${r.interval} s, AHT ${r.aht} s${handled}; ${goal}`;
  const unstable = !result.metrics.stable && r.format !== 'table';
  const money = singleMoney(r, result.scheduled);
  return {
    output: renderSingle(heading, result, r.patience !== undefined, r.format, money),
    ...(unstable
      ? { warning: 'unstable: agents <= traffic, the queue grows without bound (asaSeconds is null)' }
      : {}),
  };
}

/** One interval's labour: scheduled agents × the interval's hours × the hourly cost, rounded once. */
function singleMoney(r: StaffRequest, scheduled: number): SingleMoney | undefined {
  const hourlyCost = parseHourlyCost(r);
  if (!hourlyCost) return undefined;
  const currency = assertCurrencyCode(r.currency ?? 'EUR');
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

async function staffCsv(r: StaffRequest): Promise<StaffPlan> {
  const file = r.intervals as string;
  const text = await readFile(file, 'utf8').catch(() => {
    throw new UserError('NOT_FOUND', `cannot read ${file}`, { file });
  });
  const demands = parseIntervalsCsv(text, file, r.interval, r.timezone ?? 'UTC').map((d) => ({
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
  const heading = `Staffing plan for ${file}: ${intervals.length} intervals of ${r.interval} s; ${targetsLine(r, settings)}`;
  return {
    heading,
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

async function staffWorkspace(r: StaffRequest): Promise<StaffPlan> {
  const channels = r.channel === undefined ? undefined : channelList(r.channel);
  const workspace = await openWorkspace(r.workspace as string, { access: 'read' });
  try {
    const { timezone, serviceLevel, currency } = workspace.config;
    const thresholds = {
      within: serviceLevel.thresholdSeconds,
      shortAbandon: serviceLevel.shortAbandonSeconds,
      formula: serviceLevel.formula,
    };
    // --within applies to every channel; otherwise each channel's own clock (email: hours).
    const byChannel: Partial<Record<string, number>> = serviceLevel.thresholdByChannel;
    const answerWithinFor = (channel: string) =>
      r.within ?? byChannel[channel] ?? serviceLevel.thresholdSeconds;
    const settings = planSettings(r, thresholds, r.currency ?? currency);
    const definitions = resolveDefinitions(workspace.config);
    const range = await resolveRange(workspace.engine, timezone, 'day', r.from, r.to);
    const request = { ...range, intervalSeconds: r.interval, ...(channels ? { channels } : {}) };
    const pattern = await readWeeklyPattern(workspace.engine, definitions, request);
    // Paid hours are priced at the segments' rate cards unless --hourly-cost sets one rate for all.
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
    const history = `history ${range.from} to ${range.to} (exclusive, ${timezone})`;
    const priced = rates && total.labourCost !== null ? '; paid hours at the rate cards' : '';
    const heading = `Staffing plan from ${r.workspace}, ${history}: typical week in ${r.interval / 60}-minute intervals; ${targetsLine(r, settings)}${priced}`;
    const record = { ...settingsRecord(r, settings), historyFrom: range.from, historyTo: range.to, timezone };
    return {
      heading,
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
  } finally {
    await workspace.close();
  }
}

export function planSettings(
  r: StaffRequest,
  thresholds: ThresholdDefaults,
  currencyText: string,
): PlanSettings {
  const currency = assertCurrencyCode(currencyText);
  return {
    targets: targetsFrom(r, thresholds),
    shrinkage: r.shrinkage,
    hourlyCost: parseHourlyCost(r),
    currency,
  };
}

function parseHourlyCost(r: StaffRequest): Decimal | undefined {
  if (r.hourlyCost === undefined) return undefined;
  const hourlyCost = parseDecimal(r.hourlyCost);
  if (hourlyCost === undefined || hourlyCost.isNegative()) {
    throw new UserError('USAGE', `--hourly-cost "${r.hourlyCost}": expected an amount like 32.50`);
  }
  return hourlyCost;
}

function targetsLine(r: StaffRequest, s: PlanSettings): string {
  const target = `target ${targetText(s.targets, r.shrinkage)}`;
  if (s.hourlyCost === undefined) return target;
  const places = Math.max(minorUnits(s.currency), s.hourlyCost.decimalPlaces());
  return `${target}; ${s.currency} ${s.hourlyCost.toFixed(places)} per paid agent hour`;
}

function channelList(text: string): string[] {
  const list = text
    .split(',')
    .map((c) => c.trim())
    .filter((c) => c.length > 0);
  for (const c of list) {
    if (!isChannel(c)) throw new UserError('USAGE', `--channel "${c}": use ${CHANNELS.join(', ')}`);
  }
  return list;
}

export function settingsRecord(r: StaffRequest, s: PlanSettings): Record<string, unknown> {
  return {
    intervalSeconds: r.interval,
    targets: s.targets,
    shrinkage: s.shrinkage,
    patienceSeconds: r.patience ?? null,
    hourlyCost: s.hourlyCost?.toString() ?? null,
  };
}
