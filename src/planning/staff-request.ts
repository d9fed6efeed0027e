import { readFile } from 'node:fs/promises';
import { UserError } from '../errors.js';
import { resolveRange } from '../metrics/range.js';
import { CHANNELS, isChannel } from '../model/contact.js';
import { assertCurrencyCode, minorUnits } from '../money/currency.js';
import { parseDecimal } from '../money/decimal.js';
import { openWorkspace } from '../workspace/workspace.js';
import { modelText, percent, targetText } from './describe.js';
import { evaluateStaffing, type StaffingTargets, scheduledAgents, staff } from './erlang/staffing.js';
import { DEFAULT_SHORT_ABANDON_SECONDS, type ServiceLevelFormula } from './erlang/types.js';
import { readWeeklyPattern } from './history.js';
import { planFromHistory } from './history-plan.js';
import { parseIntervalsCsv } from './intervals-csv.js';
import { type PlanSettings, planIntervals, summarise } from './plan.js';
import { type CsvRows, type Format, renderPlan, renderSingle } from './render.js';

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
  agents?: number;
  intervals?: string;
  workspace?: string;
  from?: string;
  to?: string;
  channel?: string;
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
      return { output: await staffCsv(request) };
    case 'workspace':
      return { output: await staffWorkspace(request) };
  }
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
  const load = {
    calls: r.calls as number,
    intervalSeconds: r.interval,
    ahtSeconds: r.aht as number,
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
  const heading = `${modelText(r.patience)}: ${r.calls} calls in ${r.interval} s, AHT ${r.aht} s; ${goal}`;
  const unstable = !result.metrics.stable && r.format !== 'table';
  return {
    output: renderSingle(heading, result, r.patience !== undefined, r.format),
    ...(unstable
      ? { warning: 'unstable: agents <= traffic, the queue grows without bound (asaSeconds is null)' }
      : {}),
  };
}

async function staffCsv(r: StaffRequest): Promise<string> {
  const file = r.intervals as string;
  const text = await readFile(file, 'utf8').catch(() => {
    throw new UserError('NOT_FOUND', `cannot read ${file}`, { file });
  });
  const demands = parseIntervalsCsv(text, file, r.interval).map((d) =>
    d.patienceSeconds === undefined && r.patience !== undefined ? { ...d, patienceSeconds: r.patience } : d,
  );
  const settings = planSettings(r, DEFAULT_THRESHOLDS, r.currency ?? 'EUR');
  const intervals = planIntervals(demands, settings);
  const totals = summarise(
    intervals.map((interval) => ({ date: interval.demand.start.slice(0, 10), interval })),
    settings,
  );
  const heading = `Staffing plan for ${file}: ${intervals.length} intervals of ${r.interval} s; ${targetsLine(r, settings)}`;
  return renderPlan(
    { heading, currency: settings.currency, settings: settingsRecord(r, settings), intervals, ...totals },
    r.format,
    r.rows,
  );
}

async function staffWorkspace(r: StaffRequest): Promise<string> {
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
    const range = await resolveRange(workspace.engine, timezone, 'day', r.from, r.to);
    const request = { ...range, timezone, intervalSeconds: r.interval, channels };
    const pattern = await readWeeklyPattern(workspace.engine, request);
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
    });
    const history = `history ${range.from} to ${range.to} (exclusive, ${timezone})`;
    const heading = `Staffing plan from ${r.workspace}, ${history}: typical week in ${r.interval / 60}-minute intervals; ${targetsLine(r, settings)}`;
    const record = { ...settingsRecord(r, settings), historyFrom: range.from, historyTo: range.to, timezone };
    return renderPlan(
      {
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
      r.format,
      r.rows,
    );
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
  const hourlyCost = r.hourlyCost === undefined ? undefined : parseDecimal(r.hourlyCost);
  if (r.hourlyCost !== undefined && (hourlyCost === undefined || hourlyCost.isNegative())) {
    throw new UserError('USAGE', `--hourly-cost "${r.hourlyCost}": expected an amount like 32.50`);
  }
  return { targets: targetsFrom(r, thresholds), shrinkage: r.shrinkage, hourlyCost, currency };
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
