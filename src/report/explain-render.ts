import type { ContactMeasures } from '../metrics/contact-measures.js';
import { describeDefinitions, SERVICE_LEVEL_TEXT } from '../metrics/definitions.js';
import type { Explanation } from '../metrics/explain.js';
import { moneyText, serviceLevelTerms } from '../metrics/figures.js';
import type { ServiceLevelFormula } from '../model/config.js';
import { minorUnits } from '../money/currency.js';
import { Decimal } from '../money/decimal.js';
import { alignColumns, fittedTable, wrapText } from '../text/columns.js';
import { describeDefinitionsDe } from './definitions-de.js';
import type { ExplainMetric } from './explain-metrics.js';
import type { Term } from './labels.js';
import { type Locale, type LocaleFormat, localeFormat } from './locale.js';
import { noteText } from './note-text.js';

export interface Formula {
  text: string;
  numerator: string;
  denominator: string;
  value: string | null;
}

/** The figures built on cost: explained by their cost lines. The others by the contacts behind them. */
const COST_METRICS: ReadonlySet<ExplainMetric> = new Set([
  'costPerContact',
  'costPerHandledContact',
  'costPerResolution',
  'costPerHandleMinute',
  'costPerCall',
]);

/** The metric's formula with the row's numbers filled in, so a controller can redo it by hand. */
export function formulaOf(e: Explanation, metric: ExplainMetric): Formula {
  const m = e.row.measures;
  // Cost ratios divide by the contacts some cost line reaches (all of them where the ledger covers the row).
  const c = e.row.costedMeasures;
  const scale = minorUnits(e.report.definitions.currency);
  const cost = moneyText(e.row.cost, scale);
  const money = (denominator: number, label: string): Formula => ({
    text: `cost ÷ ${label}`,
    numerator: cost,
    denominator: String(denominator),
    value: denominator > 0 ? moneyText(e.row.cost.div(denominator), scale) : null,
  });
  const ratio = (text: string, numerator: number, denominator: number, places = 4): Formula => ({
    text,
    numerator: String(numerator),
    denominator: String(denominator),
    value: denominator > 0 ? (numerator / denominator).toFixed(places) : null,
  });
  const sl = e.report.definitions;
  const reached = c.contacts < m.contacts ? ' that a cost line reaches' : '';
  switch (metric) {
    case 'costPerContact':
      return money(c.contacts, `counted contacts${reached}`);
    case 'costPerHandledContact':
      return money(c.handled, 'handled contacts');
    case 'costPerResolution':
      return money(c.resolutions, 'resolutions');
    case 'costPerHandleMinute':
      return handleMinutes(e.row.cost, c.weightHandleSeconds, scale);
    case 'costPerCall':
      // Defined only where every counted contact is voice: otherwise the cost is not the calls' alone.
      return money(c.voiceContacts === c.contacts ? c.voiceContacts : 0, 'counted voice contacts');
    case 'ahtSeconds':
      return ratio(
        'Σ handle seconds of handled ÷ handled with a known handle time',
        m.handleSeconds,
        m.handledTimed,
        1,
      );
    case 'asaSeconds':
      return ratio(
        'Σ wait of answered ÷ answered with a known wait',
        m.waitAnsweredSeconds,
        m.answeredTimed,
        1,
      );
    case 'serviceLevel':
      return serviceLevelFormula(e, sl.serviceLevelFormula);
    case 'abandonRate':
      return ratio(
        `(abandoned ${m.abandoned} − abandoned within ${sl.shortAbandonSeconds} s ${m.abandonedShort}) ÷ (offered ${m.offered} − ${m.abandonedShort})`,
        m.abandoned - m.abandonedShort,
        m.offered - m.abandonedShort,
      );
  }
}

function handleMinutes(cost: Decimal, seconds: number, scale: number): Formula {
  const minutes = new Decimal(seconds).div(60);
  return {
    text: 'cost ÷ handle minutes (handled contacts, any direction)',
    numerator: moneyText(cost, scale),
    denominator: minutes.toDecimalPlaces(2).toString(),
    value: minutes.isZero() ? null : moneyText(cost.div(minutes), scale),
  };
}

function serviceLevelFormula(e: Explanation, formula: ServiceLevelFormula): Formula {
  const [numerator, denominator] = serviceLevelTerms(e.row.measures)[formula];
  return {
    text: SERVICE_LEVEL_TEXT[formula],
    numerator: String(numerator),
    denominator: String(denominator),
    value: denominator > 0 ? (numerator / denominator).toFixed(4) : null,
  };
}

/** The contacts behind a service figure, by channel: the counts its formula adds up. */
interface ChannelColumn {
  /** The column's key in JSON, and its English heading. */
  header: string;
  de: string;
  value: (m: ContactMeasures, threshold: number) => number;
}

const CHANNEL_COLUMNS: Partial<Record<ExplainMetric, ChannelColumn[]>> = {
  serviceLevel: [
    { header: 'threshold s', de: 'Schwelle s', value: (_m, t) => t },
    { header: 'answered', de: 'angenommen', value: (m) => m.slAnswered },
    { header: 'within t', de: 'innerhalb t', value: (m) => m.answeredWithin },
    { header: 'abandoned', de: 'abgebrochen', value: (m) => m.slAbandoned },
    { header: 'abandoned within s', de: 'abgebrochen innerhalb s', value: (m) => m.abandonedShort },
    { header: 'abandoned within t', de: 'abgebrochen innerhalb t', value: (m) => m.abandonedWithin },
  ],
  ahtSeconds: [
    { header: 'handled', de: 'bearbeitet', value: (m) => m.handled },
    { header: 'with handle time', de: 'mit Bearbeitungszeit', value: (m) => m.handledTimed },
    { header: 'handle seconds', de: 'Bearbeitungssekunden', value: (m) => m.handleSeconds },
  ],
  asaSeconds: [
    { header: 'answered with a wait', de: 'angenommen mit Wartezeit', value: (m) => m.answeredTimed },
    { header: 'wait seconds', de: 'Wartesekunden', value: (m) => m.waitAnsweredSeconds },
    { header: 'threshold s', de: 'Schwelle s', value: (_m, t) => t },
  ],
  abandonRate: [
    { header: 'offered', de: 'angeboten', value: (m) => m.offered },
    { header: 'abandoned', de: 'abgebrochen', value: (m) => m.abandoned },
    { header: 'abandoned within s', de: 'abgebrochen innerhalb s', value: (m) => m.abandonedShort },
  ],
};

/** The explanation as the documented JSON value (`explain --format json`, the HTTP API). */
export function explainView(e: Explanation, metric: ExplainMetric) {
  const scale = minorUnits(e.report.definitions.currency);
  const money = (d: Decimal) => moneyText(d, scale);
  const columns = CHANNEL_COLUMNS[metric];
  return {
    metric,
    period: e.row.period?.label ?? e.report.periods[0]?.label,
    segment: e.row.segment,
    currency: e.report.definitions.currency,
    formula: formulaOf(e, metric),
    cost: money(e.row.cost),
    ...(COST_METRICS.has(metric)
      ? {
          costLines: e.lines.map((l) => ({
            id: l.id,
            category: l.category,
            description: l.description,
            amount: moneyText(l.amount, minorUnits(l.currency)),
            currency: l.currency,
            periodStart: l.periodStart,
            periodEnd: l.periodEnd,
            periodAmount: money(l.periodAmount),
            driver: l.driver,
            weight: l.weight,
            weightTotal: l.weightTotal,
            share: l.weightTotal > 0 ? l.weight / l.weightTotal : null,
            allocated: money(l.allocated),
            ...(l.fxRate ? { fxRate: l.fxRate, fxDate: l.fxDate } : {}),
          })),
        }
      : {}),
    contacts: {
      counted: e.row.measures.contacts,
      withCost: e.row.costedMeasures.contacts,
      byOutcome: e.outcomes,
      ...(columns
        ? {
            byChannel: channels(e).map(([channel, m, threshold]) => ({
              channel,
              ...Object.fromEntries(columns.map((c) => [c.header, c.value(m, threshold)])),
            })),
          }
        : {}),
    },
    notes: e.row.notes.map((n) => n.text),
    definitions: describeDefinitions(e.report.definitions),
  };
}

export type ExplainView = ReturnType<typeof explainView>;

export function explainJson(e: Explanation, metric: ExplainMetric): string {
  return `${JSON.stringify(explainView(e, metric), null, 2)}\n`;
}

function channels(e: Explanation): [string, ContactMeasures, number][] {
  const d = e.report.definitions;
  return [...e.row.byChannel]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([channel, m]) => [channel, m, d.serviceLevelByChannel[channel] ?? d.serviceLevelSeconds]);
}

/** Cost-line columns a narrow terminal loses first (first dropped first). */
const LINE_DROP_ORDER = [2, 1, 3, 6, 4];

const WORDS = {
  heading: {
    en: '{metric} for {where}, {period} ({currency}, {timezone})',
    de: '{metric} für {where}, {period} ({currency}, {timezone})',
  },
  allContacts: { en: 'all contacts', de: 'alle Kontakte' },
  none: { en: '(none)', de: '(keine)' },
  undefined: { en: 'undefined (nothing to divide by)', de: 'nicht definiert (nichts zu teilen)' },
  lines: {
    en: 'Cost lines (their allocated parts sum to the cost, {cost}):',
    de: 'Kostenzeilen (ihre zugeordneten Teile ergeben die Kosten, {cost}):',
  },
  line: { en: 'line', de: 'Zeile' },
  category: { en: 'category', de: 'Kategorie' },
  amount: { en: 'amount', de: 'Betrag' },
  accrues: { en: 'accrues (end excl.)', de: 'fällt an (Ende ausschl.)' },
  inPeriod: { en: 'in period', de: 'in der Periode' },
  driver: { en: 'driver', de: 'Schlüssel' },
  share: { en: 'share', de: 'Anteil' },
  allocated: { en: 'allocated', de: 'zugeordnet' },
  total: { en: 'total', de: 'gesamt' },
  hidden: {
    en: '(not shown, to fit {width} columns: {columns}; the JSON format has all)',
    de: '(ausgeblendet, damit die Tabelle in {width} Spalten passt: {columns}; das JSON-Format hat alle)',
  },
  byChannel: { en: 'Contacts behind it, by channel:', de: 'Die Kontakte dahinter, nach Kanal:' },
  channel: { en: 'channel', de: 'Kanal' },
  outcomes: {
    en: 'Contacts by direction and outcome (* = counted by the contact definition):',
    de: 'Kontakte nach Richtung und Ergebnis (* = gezählt nach der Kontaktdefinition):',
  },
  counted: { en: 'counted: {n}', de: 'gezählt: {n}' },
  withCost: { en: 'with a cost: {n}', de: 'mit Kosten: {n}' },
  notes: { en: 'Notes:', de: 'Hinweise:' },
  definitions: { en: 'Definitions:', de: 'Definitionen:' },
} satisfies Record<string, Term>;

type Word = (key: keyof typeof WORDS, values?: Record<string, string>) => string;

/**
 * The explanation as text: the formula with the row's numbers, then for a cost figure every cost
 * line with its prorated and allocated parts, for a service figure the contacts behind it by
 * channel; the contacts by outcome, the row's notes and the definitions, in the locale's words (the
 * formula's words stay English, as in JSON). Money and counts are grouped; on a terminal (`width`)
 * the tables drop columns to fit, and say which.
 */
export function explainText(
  e: Explanation,
  metric: ExplainMetric,
  width?: number,
  language: Locale = 'en-US',
): string {
  const d = e.report.definitions;
  const scale = minorUnits(d.currency);
  const locale = localeFormat(language, d.currency, e.report.granularity);
  const word: Word = (key, values) => locale.text(WORDS[key], values);
  const money = (x: Decimal) => locale.money(moneyText(x, scale));
  const f = formulaOf(e, metric);
  const where =
    Object.entries(e.row.segment)
      .map(([k, v]) => `${k} ${v ?? word('none')}`)
      .join(', ') || word('allContacts');
  const period = locale.period(e.row.period?.label ?? e.report.periods[0]?.label ?? '');
  const grouped = (text: string) => (/^-?\d+(\.\d+)?$/.test(text) ? groupNumber(text, scale, locale) : text);
  const prose = (text: string, first = '  ', rest = '    ') => wrapText(text, width, first, rest);
  const out = [
    word('heading', { metric, where, period, currency: d.currency, timezone: d.timezone }),
    ...prose(
      `= ${f.text} = ${grouped(f.numerator)} ÷ ${grouped(f.denominator)} = ${f.value === null ? word('undefined') : grouped(f.value)}`,
    ),
    '',
  ];
  if (COST_METRICS.has(metric)) out.push(...costLinesText(e, money, locale, word, width), '');
  else out.push(...channelText(e, metric, locale, word), '');
  out.push(word('outcomes'));
  out.push(
    ...align(
      e.outcomes.map((o) => [o.direction, o.outcome, locale.count(o.contacts), o.counted ? '*' : '']),
      [false, false, true, false],
    ),
  );
  out.push(`  ${word('counted', { n: locale.count(e.row.measures.contacts) })}`);
  if (e.row.costedMeasures.contacts < e.row.measures.contacts)
    out.push(`  ${word('withCost', { n: locale.count(e.row.costedMeasures.contacts) })}`);
  if (e.row.notes.length > 0)
    out.push(
      '',
      word('notes'),
      ...e.row.notes.flatMap((n) => prose(locale.lang === 'en' ? n.text : noteText(n, locale))),
    );
  out.push('', word('definitions'));
  const definitions = {
    ...describeDefinitions(d),
    ...(locale.lang === 'de' ? describeDefinitionsDe(d) : {}),
  };
  for (const [k, v] of Object.entries(definitions)) out.push(...prose(`${k}: ${v}`));
  return `${out.join('\n')}\n`;
}

function costLinesText(
  e: Explanation,
  money: (x: Decimal) => string,
  locale: LocaleFormat,
  word: Word,
  width: number | undefined,
): string[] {
  const header = (
    ['line', 'category', 'amount', 'accrues', 'inPeriod', 'driver', 'share', 'allocated'] as const
  ).map((k) => word(k));
  const rows = e.lines.map((l) => [
    l.id,
    l.category,
    l.fxRate
      ? `${locale.money(moneyText(l.amount, minorUnits(l.currency)))} ${l.currency} × ${l.fxRate}`
      : locale.money(moneyText(l.amount, minorUnits(l.currency))),
    `${l.periodStart}..${l.periodEnd}`,
    money(l.periodAmount),
    l.driver,
    l.weightTotal > 0
      ? `${weight(l.weight, locale)}/${weight(l.weightTotal, locale)} (${locale.percent(l.weight / l.weightTotal, 1)})`
      : '',
    money(l.allocated),
  ]);
  const total = e.lines.reduce((s, l) => s.plus(l.allocated), new Decimal(0));
  const right = [false, false, true, false, true, false, true, true];
  const { lines, dropped } = fittedTable(
    [header, ...rows, [word('total'), '', '', '', '', '', '', money(total)]],
    (i) => (right[i] ? 'right' : 'left'),
    LINE_DROP_ORDER,
    width,
    '  ',
  );
  return [
    word('lines', { cost: money(e.row.cost) }),
    ...lines,
    ...(dropped.length > 0
      ? [`  ${word('hidden', { width: String(width), columns: dropped.map((i) => header[i]).join(', ') })}`]
      : []),
  ];
}

function channelText(e: Explanation, metric: ExplainMetric, locale: LocaleFormat, word: Word): string[] {
  const columns = CHANNEL_COLUMNS[metric] ?? [];
  const rows = channels(e).map(([channel, m, threshold]) => [
    channel,
    ...columns.map((c) => locale.count(Math.round(c.value(m, threshold)))),
  ]);
  const headings = columns.map((c) => (locale.lang === 'de' ? c.de : c.header));
  return [
    word('byChannel'),
    ...align([[word('channel'), ...headings], ...rows], [false, ...columns.map(() => true)]),
  ];
}

/** A whole weight as a grouped count; a fractional one (occupied seconds) to one decimal. */
function weight(n: number, locale: LocaleFormat): string {
  return Number.isInteger(n) ? locale.count(n) : locale.decimal(n, 1);
}

/** Decimal text grouped: money (the currency's decimals) exactly as text, other figures as numbers. */
function groupNumber(text: string, scale: number, locale: LocaleFormat): string {
  const places = text.split('.')[1]?.length ?? 0;
  return places === scale ? locale.money(text) : locale.decimal(Number(text), places);
}

function align(rows: string[][], right: readonly boolean[]): string[] {
  return alignColumns(rows, (i) => (right[i] ? 'right' : 'left'), '  ');
}
