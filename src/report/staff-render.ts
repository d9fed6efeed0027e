import type { ModelMetrics, Staffing } from '../planning/erlang/staffing.js';
import { type PlannedSegment, segmentLabel } from '../planning/history-plan.js';
import type { PlannedInterval, PlanTotals } from '../planning/plan.js';
import { alignColumns, columnRule, columnWidths } from '../text/columns.js';
import { csvLines } from '../text/csv.js';
import type { Term } from './labels.js';
import { type Locale, type LocaleFormat, localeFormat } from './locale.js';

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

const WORDS = {
  traffic: { en: 'traffic', de: 'Verkehr' },
  erlangs: { en: '{n} Erlangs', de: '{n} Erlang' },
  agents: { en: 'agents', de: 'Agenten' },
  scheduled: { en: 'scheduled', de: 'eingeplant' },
  serviceLevel: { en: 'service level', de: 'Servicelevel' },
  pWait: { en: 'P(wait)', de: 'P(Warten)' },
  asa: { en: 'ASA', de: 'ASA' },
  noAsa: { en: 'none ({why})', de: 'keine ({why})' },
  nobody: { en: 'nobody answered', de: 'niemand angenommen' },
  unstable: { en: 'unstable', de: 'instabil' },
  occupancy: { en: 'occupancy', de: 'Auslastung' },
  pAbandon: { en: 'P(abandon)', de: 'P(Abbruch)' },
  answeredInTime: { en: 'answered in time of offered', de: 'rechtzeitig angenommen von angeboten' },
  labourCost: { en: 'labour cost', de: 'Personalkosten' },
  perContact: { en: 'per contact', de: 'je Kontakt' },
  unstableNote: {
    en: 'Unstable: agents <= traffic, so the queue grows without bound (Erlang C).',
    de: 'Instabil: Agenten <= Verkehr, die Warteschlange wächst unbegrenzt (Erlang C).',
  },
  start: { en: 'start', de: 'Beginn' },
  segment: { en: 'segment', de: 'Segment' },
  calls: { en: 'calls', de: 'Anrufe' },
  ahtS: { en: 'AHT s', de: 'AHT s' },
  patienceS: { en: 'patience s', de: 'Geduld s' },
  erlangsColumn: { en: 'Erlangs', de: 'Erlang' },
  sl: { en: 'SL', de: 'SL' },
  asaS: { en: 'ASA s', de: 'ASA s' },
  abandonedShort: { en: 'aband.', de: 'Abbr.' },
  occupancyShort: { en: 'occ.', de: 'Ausl.' },
  period: { en: 'period', de: 'Periode' },
  contacts: { en: 'contacts', de: 'Kontakte' },
  staffedH: { en: 'staffed h', de: 'besetzt h' },
  scheduledH: { en: 'scheduled h', de: 'eingeplant h' },
  labourIn: { en: 'labour {currency}', de: 'Personal {currency}' },
  perDay: { en: 'Per day', de: 'Je Tag' },
  perMonth: { en: 'Per month', de: 'Je Monat' },
  fromHistory: { en: 'From history:', de: 'Aus dem Verlauf:' },
  unknown: { en: 'unknown', de: 'unbekannt' },
  noPatience: { en: 'none (no abandons: Erlang C)', de: 'keine (keine Abbrüche: Erlang C)' },
  atOnce: { en: ', {n} at once', de: ', {n} gleichzeitig' },
  perPaidHour: { en: ', {rate} {currency} per paid hour', de: ', {rate} {currency} je bezahlter Stunde' },
  assumption: {
    en: '  {segment}: {offered} offered, AHT {aht}{atOnce}, patience {patience}, SL within {within} s{rate}',
    de: '  {segment}: {offered} angeboten, AHT {aht}{atOnce}, Geduld {patience}, SL innerhalb {within} s{rate}',
  },
  notStaffed: {
    en: '  not staffed (no handle times): {segments}',
    de: '  nicht geplant (keine Bearbeitungszeiten): {segments}',
  },
  total: { en: 'total', de: 'gesamt' },
} satisfies Record<string, Term>;

type Word = (key: keyof typeof WORDS, values?: Record<string, string>) => string;

/** What a staffing table writes with: the locale's numbers and the words above. */
function writer(language: Locale, currency: string) {
  const locale = localeFormat(language, currency, 'day');
  const word: Word = (key, values) => locale.text(WORDS[key], values);
  const pct = (v: number) => locale.percent(v, 1);
  const fixed = (v: number | null, places: number) =>
    v === null || !Number.isFinite(v) ? '' : locale.decimal(v, places);
  /** Why there is no ASA: an unstable Erlang C queue, or no agents at all. */
  const noAnswer = (m: ModelMetrics) => word(m.stable ? 'nobody' : 'unstable');
  return { locale, word, pct, fixed, noAnswer };
}

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

/** CSV of machine values: RFC 4180 for en-US; `;` and decimal commas for de-DE (as the report's CSV). */
function csv(headers: readonly string[], rows: readonly (readonly string[])[], locale: LocaleFormat): string {
  const machine = (v: string) => (/^-?\d+(\.\d+)?(e-?\d+)?$/i.test(v) ? locale.machineNumber(v) : v);
  return csvLines([headers, ...rows.map((r) => r.map(machine))], locale.csvSeparator);
}

/** One interval's labour cost (scheduled agents × its hours × the hourly cost) and per contact. */
export interface SingleMoney {
  currency: string;
  labourCost: string;
  labourCostPerContact: string | null;
}

/** One interval staffed, with what the table says of it. */
export interface SingleStaffing {
  heading: Term;
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
export function renderSingle(
  single: SingleStaffing,
  format: 'table' | 'csv',
  language: Locale = 'en-US',
): string {
  const { locale, word, pct, fixed, noAnswer } = writer(language, single.money?.currency ?? 'EUR');
  const figures = singleFigures(single);
  if (format === 'csv') {
    return csv(
      Object.keys(figures).map(snake),
      [Object.values(figures).map((v) => (v === null ? '' : String(v)))],
      locale,
    );
  }
  const { staffing: s, money } = single;
  const m = s.metrics;
  const lines: [string, string][] = [
    [word('traffic'), word('erlangs', { n: fixed(m.trafficErlangs, 2) })],
    [word('agents'), locale.count(m.agents)],
    [word('scheduled'), locale.count(s.scheduled)],
    [word('serviceLevel'), pct(m.serviceLevel)],
    [word('pWait'), pct(m.pWait)],
    [
      word('asa'),
      Number.isFinite(m.asaSeconds) ? `${fixed(m.asaSeconds, 1)} s` : word('noAsa', { why: noAnswer(m) }),
    ],
    [word('occupancy'), pct(m.occupancy)],
  ];
  if (m.model === 'erlang-a')
    lines.push([word('pAbandon'), pct(m.pAbandon)], [word('answeredInTime'), pct(m.answeredWithinOfOffered)]);
  if (money) {
    lines.push(
      [word('labourCost'), `${locale.decimalText(money.labourCost)} ${money.currency}`],
      [
        word('perContact'),
        money.labourCostPerContact === null
          ? '–'
          : `${locale.decimalText(money.labourCostPerContact)} ${money.currency}`,
      ],
    );
  }
  const width = Math.max(...lines.map(([k]) => k.length));
  const body = lines.map(([k, v]) => `${k.padEnd(width)}  ${v}`);
  const warning = m.stable ? [] : ['', word('unstableNote')];
  return [locale.text(single.heading), '', ...body, ...warning, ''].join('\n');
}

function snake(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** A batch plan: the intervals, then the totals per day and month, and what was assumed. */
export interface PlanView {
  heading: Term;
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

export function renderPlan(
  view: PlanView,
  format: 'table' | 'csv',
  rows: CsvRows = 'intervals',
  language: Locale = 'en-US',
): string {
  if (format === 'csv') {
    const records: Record<string, unknown>[] =
      rows === 'intervals' ? view.intervals.map(intervalRecord) : view[rows].map((t) => ({ ...t }));
    const keys = Object.keys(records[0] ?? {});
    return csv(
      keys.map(snake),
      records.map((r) => keys.map((k) => (r[k] === null || r[k] === undefined ? '' : String(r[k])))),
      localeFormat(language, view.currency, 'day'),
    );
  }
  return planTable(view, language);
}

function planTable(view: PlanView, language: Locale): string {
  const { locale, word, pct, fixed, noAnswer } = writer(language, view.currency);
  // Averages from history are fractional: then every count shows one decimal, so the columns line up.
  const callPlaces = view.intervals.every((p) => Number.isInteger(p.demand.calls)) ? 0 : 1;
  const withSegment = view.intervals.some((p) => p.demand.segment !== undefined);
  const headers = [
    word('start'),
    ...(withSegment ? [word('segment')] : []),
    ...(
      [
        'calls',
        'ahtS',
        'patienceS',
        'erlangsColumn',
        'agents',
        'scheduled',
        'sl',
        'pWait',
        'asaS',
        'abandonedShort',
        'occupancyShort',
      ] as const
    ).map((k) => word(k)),
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
      locale.count(m.agents),
      locale.count(p.staffing.scheduled),
      pct(m.serviceLevel),
      pct(m.pWait),
      Number.isFinite(m.asaSeconds) ? fixed(m.asaSeconds, 1) : noAnswer(m),
      pct(abandonOf(m)),
      pct(m.occupancy),
    ];
  });
  const money = (text: string | null) => (text === null ? '–' : locale.decimalText(text));
  const totalsTable = (title: string, list: readonly PlanTotals[]) => [
    title,
    alignedTable(
      [
        word('period'),
        word('contacts'),
        word('staffedH'),
        word('scheduledH'),
        word('labourIn', { currency: view.currency }),
        word('perContact'),
      ],
      list.map((t) => [
        t.period === 'total' ? word('total') : t.period,
        fixed(t.contacts, 0),
        fixed(t.staffedHours, 2),
        fixed(t.scheduledHours, 2),
        money(t.labourCost),
        money(t.labourCostPerContact),
      ]),
    ),
    '',
  ];
  const assumptions = (view.segments ?? []).map((s) =>
    word('assumption', {
      segment: segmentLabel(s),
      offered: locale.count(s.offered),
      aht: s.ahtSeconds === null ? word('unknown') : `${fixed(s.ahtSeconds, 1)} s`,
      atOnce: s.concurrency === 1 ? '' : word('atOnce', { n: locale.decimal(s.concurrency, 0) }),
      patience: s.patienceSeconds === undefined ? word('noPatience') : `${fixed(s.patienceSeconds, 1)} s`,
      within: String(s.answerWithinSeconds),
      rate: s.hourlyCost
        ? word('perPaidHour', { rate: locale.decimalText(s.hourlyCost.toFixed(2)), currency: view.currency })
        : '',
    }),
  );
  return [
    locale.text(view.heading),
    ...(assumptions.length > 0 ? ['', word('fromHistory'), ...assumptions] : []),
    ...(view.skipped && view.skipped.length > 0
      ? [word('notStaffed', { segments: view.skipped.join(', ') })]
      : []),
    '',
    alignedTable(headers, intervalRows, withSegment ? 2 : 1),
    '',
    ...totalsTable(word('perDay'), view.days),
    ...totalsTable(word('perMonth'), [...view.months, view.total]),
  ].join('\n');
}
