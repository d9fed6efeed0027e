import { periodsBetween } from '../../calendar/period.js';
import type { Engine } from '../../engine/engine.js';
import { computeReport } from '../../metrics/compute-report.js';
import { addMeasures, type ContactMeasures, emptyMeasures } from '../../metrics/contact-measures.js';
import type { CostPerContactReport } from '../../metrics/cost-per-contact.js';
import { type Definitions, resolveDefinitions } from '../../metrics/definitions.js';
import { figures, labourCost } from '../../metrics/figures.js';
import { type IntervalMeasuresRow, intervalMeasures } from '../../metrics/interval-measures.js';
import { queryMeasures } from '../../metrics/measures-query.js';
import { rangeInstants } from '../../metrics/range.js';
import { loadReportInputs } from '../../metrics/report-inputs.js';
import type { WorkspaceConfig } from '../../model/config.js';
import { type Channel, isChannel } from '../../model/contact.js';
import { type CostCategory, type CostLine, LABOUR_CATEGORIES } from '../../model/cost-line.js';
import type { Decimal } from '../../money/decimal.js';
import { Decimal as D } from '../../money/decimal.js';
import { countWeekdays } from '../history.js';
import { type CardRates, cardRates } from '../rates.js';
import {
  BASELINE_DEFAULTS,
  type Baseline,
  type BaselineChannel,
  type BaselineCostLine,
  type BaselineSegment,
  type VariableUnit,
} from './baseline.js';
import { serializeReportInputs } from './report-inputs.js';

/** What to derive a baseline from: dates or periods, both included, and the slot length. */
export interface BaselineRequest {
  from?: string;
  to?: string;
  intervalSeconds: 900 | 1800 | 3600;
  /** Shown in the file; the workspace folder. */
  workspace?: string;
}

/** Variable lines move with agent hours (labour), handle minutes (telephony) or contacts (the rest). */
export function defaultUnit(category: CostCategory): VariableUnit {
  if ((LABOUR_CATEGORIES as readonly string[]).includes(category)) return 'agent_hour';
  return category === 'telephony' ? 'minute' : 'contact';
}

/**
 * Derives a planning baseline from a workspace range through the report's own reads: the report's
 * inputs by channel and month (loadReportInputs, so the baseline's cost is the report's), the same
 * measures per queue, weekday and slot for the arrival pattern, AHT and patience, and per topic for
 * repeat contacts; rates from the rate cards.
 */
export async function deriveBaseline(
  engine: Engine,
  config: WorkspaceConfig,
  request: BaselineRequest,
): Promise<Baseline> {
  const d = resolveDefinitions(config);
  const inputs = await loadReportInputs(engine, d, {
    granularity: 'month',
    ...(request.from ? { from: request.from } : {}),
    ...(request.to ? { to: request.to } : {}),
    by: ['channel'],
    detail: 'full',
  });
  const report = computeReport(inputs);
  const { range } = inputs;
  const months = periodsBetween(range.from, range.to, 'month');
  const slots = await intervalMeasures(engine, d, { range, slotSeconds: request.intervalSeconds });
  const topics = await queryMeasures(
    engine,
    d,
    months,
    ['channel', 'topic'],
    ['channel', 'topic'],
    rangeInstants(range, d.timezone),
    'full',
  );
  const rates = await cardRates(engine, d, range);
  const channels = channelNames(report).map((channel) =>
    baselineChannel(channel, report, d, rates, {
      segments: segmentsOf(
        slots.filter((r) => r.channel === channel),
        range,
        request.intervalSeconds,
      ),
      repeats: months.flatMap((m) =>
        (topics.fine.get(m.start) ?? [])
          .filter((r) => r.values.channel === channel && r.measures.contactsWithCustomer > 0)
          .map((r) => ({
            month: m.start,
            topic: r.values.topic ?? null,
            contactsWithCustomer: r.measures.contactsWithCustomer,
            repeats: r.measures.repeats,
          }))
          // The engine returns groups in no set order: the same range gives the same baseline.
          .sort((a, b) => (a.topic ?? '').localeCompare(b.topic ?? '')),
      ),
    }),
  );
  return {
    version: 1,
    workspace: request.workspace ?? null,
    currency: d.currency,
    timezone: d.timezone,
    range: { ...range },
    intervalSeconds: request.intervalSeconds,
    channels,
    costLines: costLinesOf(report),
    config,
    reportInputs: serializeReportInputs(inputs),
  };
}

function channelNames(report: CostPerContactReport): Channel[] {
  const names = new Set<Channel>();
  for (const row of report.rows) {
    const c = row.segment.channel;
    if (!row.unallocated && c && isChannel(c)) names.add(c);
  }
  return [...names].sort();
}

function channelTotals(report: CostPerContactReport, channel: string) {
  const measures = emptyMeasures();
  const byCategory = new Map<CostCategory, Decimal>();
  let cost = new D(0);
  for (const row of report.rows) {
    if (row.unallocated || row.segment.channel !== channel) continue;
    addMeasures(measures, row.measures);
    cost = cost.plus(row.cost);
    for (const [category, amount] of row.costByCategory)
      byCategory.set(category, (byCategory.get(category) ?? new D(0)).plus(amount));
  }
  return { measures, cost, byCategory };
}

const round = (value: number, places: number) => Number(value.toFixed(places));
const orNull = (value: number | undefined, places: number) =>
  value === undefined ? null : round(value, places);

function baselineChannel(
  channel: Channel,
  report: CostPerContactReport,
  d: Definitions,
  rates: CardRates,
  parts: Pick<BaselineChannel, 'segments' | 'repeats'>,
): BaselineChannel {
  const { measures, cost, byCategory } = channelTotals(report, channel);
  const f = figures(measures, cost, {
    formula: d.serviceLevelFormula,
    repeats: true,
    costByCategory: byCategory,
  });
  const paidHours = measures.paidSeconds / 3600;
  const fromAgentTime = measures.paidSeconds > 0 && measures.staffedSeconds <= measures.paidSeconds;
  const card = rates.channel(channel);
  const labour = labourCost(byCategory);
  const hourly = card
    ? { hourlyCost: card.hourlyCost, hourlyCostSource: 'rate_cards' as const }
    : paidHours > 0 && labour.gt(0)
      ? { hourlyCost: labour.div(paidHours), hourlyCostSource: 'labour_cost_per_paid_hour' as const }
      : undefined;
  return {
    channel,
    serviceLevel: {
      target: BASELINE_DEFAULTS.serviceLevelTarget,
      withinSeconds: d.serviceLevelByChannel[channel] ?? d.serviceLevelSeconds,
      measured: orNull(f.serviceLevel, 6),
    },
    asaSeconds: orNull(f.asaSeconds, 3),
    abandonRate: orNull(f.abandonRate, 6),
    shrinkage: fromAgentTime
      ? round(1 - measures.staffedSeconds / measures.paidSeconds, 6)
      : BASELINE_DEFAULTS.shrinkage,
    shrinkageSource: fromAgentTime ? 'agent_time' : 'default',
    maxOccupancy: BASELINE_DEFAULTS.maxOccupancy,
    concurrency: d.concurrencyByChannel[channel] ?? 1,
    hourlyCost: hourly ? hourly.hourlyCost.toDecimalPlaces(4).toFixed() : null,
    hourlyCostSource: hourly?.hourlyCostSource ?? null,
    fcr: orNull(f.fcr, 6),
    csat: orNull(f.csatMean, 6),
    ...parts,
  };
}

interface SegmentTally {
  queue: string | null;
  measures: ContactMeasures;
  waitAbandoned: number;
  talk: number;
  hold: number;
  wrap: number;
  ivrSeconds: number;
  ivrContacts: number;
  volume: Map<string, number>;
  /** Offered by weekday (0 = Monday) × slot. */
  bySlot: number[][];
}

/** Each queue of a channel: its volume per month, typical week, AHT and patience. */
function segmentsOf(
  rows: readonly IntervalMeasuresRow[],
  range: { from: string; to: string },
  intervalSeconds: number,
): BaselineSegment[] {
  const slotsPerDay = 86_400 / intervalSeconds;
  const tallies = new Map<string, SegmentTally>();
  for (const row of rows) {
    const key = JSON.stringify(row.queue);
    const t = tallies.get(key) ?? {
      queue: row.queue,
      measures: emptyMeasures(),
      waitAbandoned: 0,
      talk: 0,
      hold: 0,
      wrap: 0,
      ivrSeconds: 0,
      ivrContacts: 0,
      volume: new Map<string, number>(),
      bySlot: Array.from({ length: 7 }, () => new Array<number>(slotsPerDay).fill(0)),
    };
    addMeasures(t.measures, row.measures);
    t.waitAbandoned += row.waitAbandonedSeconds;
    t.talk += row.talkSeconds;
    t.hold += row.holdSeconds;
    t.wrap += row.wrapSeconds;
    t.ivrSeconds += row.ivrSeconds;
    t.ivrContacts += row.ivrContacts;
    t.volume.set(row.month, (t.volume.get(row.month) ?? 0) + row.measures.offered);
    const day = t.bySlot[row.weekday - 1] as number[];
    const slot = (row.minute * 60) / intervalSeconds;
    day[slot] = (day[slot] as number) + row.measures.offered;
    tallies.set(key, t);
  }
  const weekdays = countWeekdays(range.from, range.to);
  return [...tallies.values()]
    .filter((t) => t.measures.offered > 0)
    .sort((a, b) => (a.queue ?? '').localeCompare(b.queue ?? ''))
    .map((t) => segment(t, weekdays));
}

function segment(t: SegmentTally, weekdays: readonly number[]): BaselineSegment {
  const m = t.measures;
  // Mean offered per slot on one such weekday, then as shares of the typical week.
  const means = t.bySlot.map((day, w) =>
    day.map((offered) => offered / Math.max(1, weekdays[w + 1] as number)),
  );
  const week = means.flat().reduce((a, b) => a + b, 0);
  const perHandled = (total: number) => (m.handled > 0 && total > 0 ? round(total / m.handled, 3) : null);
  const wait = m.waitAnsweredSeconds + t.waitAbandoned;
  return {
    queue: t.queue,
    offered: m.offered,
    handled: m.handled,
    abandoned: m.abandoned,
    ahtSeconds: perHandled(m.handleSeconds),
    talkSeconds: perHandled(t.talk),
    holdSeconds: perHandled(t.hold),
    wrapSeconds: perHandled(t.wrap),
    ivrSeconds: t.ivrContacts > 0 ? round(t.ivrSeconds / t.ivrContacts, 3) : null,
    patienceSeconds: m.abandoned > 0 && wait > 0 ? round(wait / m.abandoned, 3) : null,
    volume: Object.fromEntries([...t.volume].sort(([a], [b]) => a.localeCompare(b))),
    pattern: means.map((day) => day.map((v) => (week > 0 ? round(v / week, 8) : 0))),
  };
}

/** Every line the report allocated in the range, with its amount there and how it behaves. */
function costLinesOf(report: CostPerContactReport): BaselineCostLine[] {
  const byId = new Map<string, { line: CostLine; amount: Decimal }>();
  for (const a of report.allocations) {
    const entry = byId.get(a.line.id) ?? { line: a.line, amount: new D(0) };
    entry.amount = entry.amount.plus(a.amount);
    byId.set(a.line.id, entry);
  }
  return [...byId.values()].map(({ line, amount }) => ({
    id: line.id,
    category: line.category,
    behaviour: line.behaviour,
    unit: line.behaviour === 'variable' ? defaultUnit(line.category) : null,
    amount: amount.toFixed(),
    description: line.description,
  }));
}
