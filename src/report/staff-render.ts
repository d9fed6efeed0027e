import type { ModelMetrics, Staffing } from '../planning/erlang/staffing.js';
import { type PlannedSegment, segmentLabel } from '../planning/history-plan.js';
import type { PlannedInterval, PlanTotals } from '../planning/plan.js';
import { alignColumns, columnRule, columnWidths } from '../text/columns.js';
import { csvLines } from '../text/csv.js';

export type CsvRows = 'intervals' | 'days' | 'months';

/** A single interval's figures under the documented JSON keys; an infinite ASA (unstable) is null. */
export function staffingFigures(s: Staffing, withPatience: boolean): Record<string, number | null> {
  const m = s.metrics;
  const figures: Record<string, number | null> = {
    trafficErlangs: m.trafficErlangs,
    agents: m.agents,
    scheduled: s.scheduled,
    serviceLevel: m.serviceLevel,
    pWait: m.pWait,
    asaSeconds: Number.isFinite(m.asaSeconds) ? m.asaSeconds : null,
    occupancy: m.occupancy,
  };
  if (withPatience) {
    figures.pAbandon = abandonOf(m);
    figures.answeredWithinOfOffered = m.model === 'erlang-a' ? m.answeredWithinOfOffered : m.serviceLevel;
  }
  return figures;
}

const abandonOf = (m: ModelMetrics) => (m.model === 'erlang-a' ? m.pAbandon : 0);
/** Why there is no ASA: an unstable Erlang C queue, or no agents at all. */
const noAnswer = (m: ModelMetrics) => (m.stable ? 'nobody answered' : 'unstable');

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
const fixed = (v: number | null, places: number) =>
  v === null || !Number.isFinite(v) ? '' : v.toFixed(places);

/** Columns: text is left-aligned, everything else right-aligned. */
function alignedTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  leftColumns = 1,
): string {
  const widths = columnWidths([headers, ...rows]);
  const [head = '', ...body] = alignColumns(
    [headers, ...rows],
    (i) => (i < leftColumns ? 'left' : 'right'),
    '',
    widths,
  );
  return [head, columnRule(widths), ...body].join('\n');
}

function csv(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  return csvLines([headers, ...rows]);
}

/** One interval's labour cost (scheduled agents × its hours × the hourly cost) and per contact. */
export interface SingleMoney {
  currency: string;
  labourCost: string;
  labourCostPerContact: string | null;
}

/** One interval staffed, with what the table says of it. */
export interface SingleStaffing {
  heading: string;
  staffing: Staffing;
  withPatience: boolean;
  money?: SingleMoney | undefined;
}

/** One interval's documented JSON: the figures, and the labour cost when an hourly cost was given. */
export function singleFigures(single: SingleStaffing): Record<string, number | string | null> {
  const { money } = single;
  return {
    ...staffingFigures(single.staffing, single.withPatience),
    ...(money ? { labourCost: money.labourCost, labourCostPerContact: money.labourCostPerContact } : {}),
  };
}

/** One interval: the figures as `name value` lines, or a one-row CSV. */
export function renderSingle(single: SingleStaffing, format: 'table' | 'csv'): string {
  const figures = singleFigures(single);
  if (format === 'csv') {
    return csv(Object.keys(figures).map(snake), [
      Object.values(figures).map((v) => (v === null ? '' : String(v))),
    ]);
  }
  const { staffing: s, money } = single;
  const m = s.metrics;
  const lines: [string, string][] = [
    ['traffic', `${m.trafficErlangs.toFixed(2)} Erlangs`],
    ['agents', String(m.agents)],
    ['scheduled', String(s.scheduled)],
    ['service level', pct(m.serviceLevel)],
    ['P(wait)', pct(m.pWait)],
    ['ASA', Number.isFinite(m.asaSeconds) ? `${m.asaSeconds.toFixed(1)} s` : `none (${noAnswer(m)})`],
    ['occupancy', pct(m.occupancy)],
  ];
  if (m.model === 'erlang-a') {
    lines.push(
      ['P(abandon)', pct(m.pAbandon)],
      ['answered in time of offered', pct(m.answeredWithinOfOffered)],
    );
  }
  if (money) {
    lines.push(
      ['labour cost', `${money.labourCost} ${money.currency}`],
      [
        'per contact',
        money.labourCostPerContact === null ? '–' : `${money.labourCostPerContact} ${money.currency}`,
      ],
    );
  }
  const width = Math.max(...lines.map(([k]) => k.length));
  const body = lines.map(([k, v]) => `${k.padEnd(width)}  ${v}`);
  const warning = m.stable
    ? []
    : ['', 'Unstable: agents <= traffic, so the queue grows without bound (Erlang C).'];
  return [single.heading, '', ...body, ...warning, ''].join('\n');
}

function snake(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** A batch plan: the intervals, then the totals per day and month, and what was assumed. */
export interface PlanView {
  heading: string;
  currency: string;
  settings: Record<string, unknown>;
  /** Plans from history: each channel/queue with its estimated AHT and patience. */
  segments?: PlannedSegment[];
  skipped?: string[];
  intervals: PlannedInterval[];
  days: PlanTotals[];
  months: PlanTotals[];
  total: PlanTotals;
}

function intervalRecord(p: PlannedInterval): Record<string, string | number | null> {
  const d = p.demand;
  return {
    intervalStart: d.start,
    ...(d.segment === undefined ? {} : { segment: d.segment }),
    calls: d.calls,
    ahtSeconds: d.ahtSeconds,
    ...(d.concurrency === undefined || d.concurrency === 1 ? {} : { concurrency: d.concurrency }),
    patienceSeconds: d.patienceSeconds ?? null,
    model: p.staffing.metrics.model,
    ...staffingFigures(p.staffing, true),
  };
}

function segmentRecord(s: PlannedSegment) {
  const { slots: _, hourlyCost, ...figures } = s;
  return {
    ...figures,
    patienceSeconds: s.patienceSeconds ?? null,
    ...(hourlyCost ? { hourlyCost: hourlyCost.toFixed(4) } : {}),
  };
}

/** A plan as the documented JSON value (`staff --format json`, the HTTP API). */
export function planJson(view: PlanView) {
  return {
    currency: view.currency,
    settings: view.settings,
    ...(view.segments ? { segments: view.segments.map(segmentRecord), skipped: view.skipped ?? [] } : {}),
    intervals: view.intervals.map(intervalRecord),
    days: view.days,
    months: view.months,
    total: view.total,
  };
}

export function renderPlan(view: PlanView, format: 'table' | 'csv', rows: CsvRows = 'intervals'): string {
  if (format === 'csv') {
    const records: Record<string, unknown>[] =
      rows === 'intervals' ? view.intervals.map(intervalRecord) : view[rows].map((t) => ({ ...t }));
    const keys = Object.keys(records[0] ?? {});
    return csv(
      keys.map(snake),
      records.map((r) => keys.map((k) => (r[k] === null || r[k] === undefined ? '' : String(r[k])))),
    );
  }
  return planTable(view);
}

function planTable(view: PlanView): string {
  // Averages from history are fractional: then every count shows one decimal, so the columns line up.
  const callPlaces = view.intervals.every((p) => Number.isInteger(p.demand.calls)) ? 0 : 1;
  const withSegment = view.intervals.some((p) => p.demand.segment !== undefined);
  const headers = [
    'start',
    ...(withSegment ? ['segment'] : []),
    'calls',
    'AHT s',
    'patience s',
    'Erlangs',
    'agents',
    'scheduled',
    'SL',
    'P(wait)',
    'ASA s',
    'aband.',
    'occ.',
  ];
  const intervalRows = view.intervals.map((p) => {
    const m = p.staffing.metrics;
    return [
      p.demand.start,
      ...(withSegment ? [p.demand.segment ?? ''] : []),
      fixed(p.demand.calls, callPlaces),
      fixed(p.demand.ahtSeconds, 0),
      fixed(p.demand.patienceSeconds ?? null, 0),
      fixed(m.trafficErlangs, 2),
      String(m.agents),
      String(p.staffing.scheduled),
      pct(m.serviceLevel),
      pct(m.pWait),
      Number.isFinite(m.asaSeconds) ? m.asaSeconds.toFixed(1) : noAnswer(m),
      pct(abandonOf(m)),
      pct(m.occupancy),
    ];
  });
  const totalsTable = (title: string, list: readonly PlanTotals[]) => [
    title,
    alignedTable(
      ['period', 'contacts', 'staffed h', 'scheduled h', `labour ${view.currency}`, 'per contact'],
      list.map((t) => [
        t.period,
        fixed(t.contacts, 0),
        fixed(t.staffedHours, 2),
        fixed(t.scheduledHours, 2),
        t.labourCost ?? '–',
        t.labourCostPerContact ?? '–',
      ]),
    ),
    '',
  ];
  const assumptions = (view.segments ?? []).map((s) => {
    const aht = s.ahtSeconds === null ? 'unknown' : `${s.ahtSeconds.toFixed(1)} s`;
    const patience =
      s.patienceSeconds === undefined ? 'none (no abandons: Erlang C)' : `${s.patienceSeconds.toFixed(1)} s`;
    const atOnce = s.concurrency === 1 ? '' : `, ${s.concurrency} at once`;
    const rate = s.hourlyCost ? `, ${s.hourlyCost.toFixed(2)} ${view.currency} per paid hour` : '';
    return `  ${segmentLabel(s)}: ${s.offered} offered, AHT ${aht}${atOnce}, patience ${patience}, SL within ${s.answerWithinSeconds} s${rate}`;
  });
  return [
    view.heading,
    ...(assumptions.length > 0 ? ['', 'From history:', ...assumptions] : []),
    ...(view.skipped && view.skipped.length > 0
      ? [`  not staffed (no handle times): ${view.skipped.join(', ')}`]
      : []),
    '',
    alignedTable(headers, intervalRows, withSegment ? 2 : 1),
    '',
    ...totalsTable('Per day', view.days),
    ...totalsTable('Per month', [...view.months, view.total]),
  ].join('\n');
}
