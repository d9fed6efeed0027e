import type { Period } from '../../calendar/period.js';
import type { AllocationRecord } from '../../metrics/cost-per-contact.js';
import type { CostCategory, CostLine } from '../../model/cost-line.js';
import { Decimal } from '../../money/decimal.js';
import type { BaselineCostLine, VariableUnit } from '../baseline/baseline.js';
import { defaultUnit } from '../baseline/derive.js';
import type { Levers } from './schema.js';
import type { ChannelVolume } from './units.js';

/** How a channel's month moves in the scenario: paid agent hours, handle minutes, contacts. */
export interface MonthFactors {
  agent_hour: number;
  minute: number;
  contact: number;
}

/** What the lever costs are priced on, per channel and month. */
export interface LeverQuantities {
  months: readonly Period[];
  volume: (channel: string) => ChannelVolume | undefined;
  /** Mean IVR seconds of the channel's calls, where recorded. */
  ivrSeconds: (channel: string) => number | null;
  /** Callbacks the scenario makes beyond the baseline's. */
  addedCallbacks: (channel: string, month: number) => number;
  scheduledHours: (channel: string, month: number) => number;
  channels: readonly string[];
}

/** IVR seconds per call where the data records none: the mean time in IVR across 3.8 M calls (VCC Live 2023). */
export const DEFAULT_IVR_SECONDS = 48;

const money = (value: Decimal, scale: number) => value.toDecimalPlaces(scale, Decimal.ROUND_HALF_EVEN);

/**
 * The scenario's ledger. A fixed line stays as it is and is allocated again by the scenario's
 * measures (the report's own allocation); a variable line is taken apart into its baseline parts per
 * channel and month, each scaled by what it moves with there (paid agent hours for labour, handle
 * minutes for telephony, contacts for the rest, as the baseline file says), and becomes a direct
 * line of that channel and month. The wage lever scales its categories on top. Lines that move
 * nowhere stay untouched, so a scenario without levers has the baseline's ledger line for line.
 */
export function scenarioLines(
  lines: readonly CostLine[],
  allocations: readonly AllocationRecord[],
  behaviours: readonly BaselineCostLine[],
  factors: (channel: string, month: string) => MonthFactors,
  wage: (category: CostCategory) => number,
  currency: string,
  scale: number,
): CostLine[] {
  const meta = metaOf(behaviours);
  const parts = partsOf(allocations);
  return lines.flatMap((line): CostLine[] => {
    const own = meta.get(line.id);
    const behaviour = own?.behaviour ?? line.behaviour;
    const unit: VariableUnit = own?.unit ?? defaultUnit(line.category);
    const raise = wage(line.category);
    const linePartsList = parts.get(line.id) ?? [];
    const split = behaviour === 'variable' && linePartsList.every((p) => p.segment?.channel);
    const moves = linePartsList.map((p) =>
      split ? factors(p.segment?.channel as string, p.period.start)[unit] * raise : raise,
    );
    if (moves.every((m) => m === 1)) return [line];
    if (!split) return [{ ...line, amount: money(new Decimal(line.amount).times(raise), scale).toFixed() }];
    return linePartsList.map((p, i) => ({
      ...line,
      id: `${line.id}~${p.period.label}~${p.segment?.channel}`,
      amount: money(p.amount.times(moves[i] as number), scale).toFixed(),
      // Allocated parts are in the workspace currency, converted where the line was not.
      currency,
      periodStart: p.period.start,
      periodEnd: p.period.end,
      channel: p.segment?.channel ?? null,
      queue: null,
      team: null,
      driver: null,
    }));
  });
}

const metas = new WeakMap<readonly BaselineCostLine[], Map<string, BaselineCostLine>>();
const partLists = new WeakMap<readonly AllocationRecord[], Map<string, AllocationRecord[]>>();

/** The baseline's cost lines by id (the same for every scenario of a plan). */
function metaOf(behaviours: readonly BaselineCostLine[]): Map<string, BaselineCostLine> {
  let meta = metas.get(behaviours);
  if (!meta) {
    meta = new Map(behaviours.map((b) => [b.id, b]));
    metas.set(behaviours, meta);
  }
  return meta;
}

/** The baseline report's parts of each line (the same for every scenario of a plan). */
function partsOf(allocations: readonly AllocationRecord[]): Map<string, AllocationRecord[]> {
  let parts = partLists.get(allocations);
  if (!parts) {
    parts = new Map();
    for (const a of allocations) {
      const list = parts.get(a.line.id);
      if (list) list.push(a);
      else parts.set(a.line.id, [a]);
    }
    partLists.set(allocations, parts);
  }
  return parts;
}

/** New cost lines the levers bring, per month: IVR, callbacks, self-service, software. */
export function leverLines(levers: Levers, q: LeverQuantities, currency: string, scale: number): CostLine[] {
  const lines: CostLine[] = [];
  const add = (
    lever: string,
    month: Period,
    category: CostCategory,
    channel: string | null,
    amount: Decimal,
    description: string,
  ) => {
    const rounded = money(amount, scale);
    if (rounded.isZero()) return;
    lines.push({
      id: `lever-${lever}-${month.label}${channel ? `-${channel}` : ''}`,
      category,
      amount: rounded.toFixed(),
      currency,
      periodStart: month.start,
      periodEnd: month.end,
      channel,
      queue: null,
      team: null,
      driver: null,
      behaviour: 'variable',
      description,
    });
  };
  q.months.forEach((month, m) => {
    const ivr = levers.ivr;
    if (ivr) {
      const arriving = q.volume(ivr.channel)?.arriving[m] ?? 0;
      const seconds = ivr.ivr_seconds_per_call ?? q.ivrSeconds(ivr.channel) ?? DEFAULT_IVR_SECONDS;
      const usage = new Decimal(ivr.cost_per_minute)
        .times(arriving * seconds)
        .div(60)
        .plus(new Decimal(ivr.cost_per_call).times(arriving));
      add('ivr-usage', month, 'technology', ivr.channel, usage, 'IVR minutes and calls (scenario lever)');
      add(
        'ivr-project',
        month,
        'technology',
        ivr.channel,
        new Decimal(ivr.project_cost).div(ivr.amortise_months),
        `IVR project cost amortised over ${ivr.amortise_months} months (scenario lever)`,
      );
    }
    const callback = levers.callback;
    if (callback) {
      const made = new Decimal(callback.cost_per_callback).times(q.addedCallbacks(callback.channel, m));
      add('callback', month, 'telephony', callback.channel, made, 'callbacks made (scenario lever)');
    }
    const self = levers.self_service;
    if (self) {
      const sessions = q.channels.reduce((sum, c) => sum + (q.volume(c)?.deflected[m] ?? 0), 0);
      add(
        'self-service-platform',
        month,
        'technology',
        'self_service',
        new Decimal(self.platform_cost_per_month),
        'self-service platform (scenario lever)',
      );
      add(
        'self-service-sessions',
        month,
        'technology',
        'self_service',
        new Decimal(self.cost_per_session).times(sessions),
        'self-service sessions of deflected contacts (scenario lever)',
      );
    }
    const software = levers.software;
    if (software) {
      add(
        'software-fixed',
        month,
        'software_licenses',
        null,
        new Decimal(software.fixed_cost_change_per_month),
        'software fixed cost change (scenario lever)',
      );
      for (const c of q.channels) {
        const seats = q.scheduledHours(c, m) / software.seat_hours_per_month;
        add(
          'software-seats',
          month,
          'software_licenses',
          c,
          new Decimal(software.licence_per_seat_month).times(seats),
          'software licences per seat (scenario lever)',
        );
      }
    }
  });
  return lines;
}
