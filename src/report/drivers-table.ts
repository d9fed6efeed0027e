import { parsePeriodText } from '../calendar/period.js';
import type { LabourFactorName } from '../metrics/drivers/labour.js';
import type { DriversView, SegmentView } from '../metrics/drivers/view.js';
import { fittedTable, alignColumns as grid, wrapText } from '../text/columns.js';
import { DIMENSION_LABELS, type Term } from './labels.js';
import { type Locale, type LocaleFormat, localeFormat } from './locale.js';

/** Words of the drivers report in each supported language. */
const WORDS = {
  heading: {
    en: 'Why cost per contact changed, {from} → {to}, {currency}, {by}, time zone {timezone}',
    de: 'Warum sich die Kosten je Kontakt geändert haben, {from} → {to}, {currency}, {by}, Zeitzone {timezone}',
  },
  by: { en: 'by {dims}', de: 'nach {dims}' },
  noBreakdown: { en: 'no breakdown', de: 'ohne Aufschlüsselung' },
  change: { en: 'change', de: 'Veränderung' },
  contacts: { en: 'contacts', de: 'Kontakte' },
  cost: { en: 'cost', de: 'Kosten' },
  costPerContact: { en: 'cost per contact', de: 'Kosten je Kontakt' },
  ofWhichLabour: { en: '  of which labour', de: '  davon Personal' },
  otherCosts: { en: '  other costs', de: '  übrige Kosten' },
  bridge: {
    en: 'Bridge (the parts add up to the change):',
    de: 'Überleitung (die Teile ergeben die Veränderung):',
  },
  costPerContactIn: { en: 'cost per contact {period}', de: 'Kosten je Kontakt {period}' },
  mix: {
    en: 'mix (share of contacts moving between segments)',
    de: 'Mix (Verschiebung der Kontakte zwischen Segmenten)',
  },
  rate: {
    en: 'rate (cost per contact within segments)',
    de: 'Satz (Kosten je Kontakt innerhalb der Segmente)',
  },
  costGrowth: { en: 'cost growth', de: 'Kostenwachstum' },
  volumeGrowth: { en: 'volume growth', de: 'Mengenwachstum' },
  entered: {
    en: 'entered (segments new in the later period)',
    de: 'neu (Segmente erst im späteren Zeitraum)',
  },
  left: {
    en: 'left (segments gone in the later period)',
    de: 'weggefallen (Segmente nicht mehr im späteren Zeitraum)',
  },
  withoutContacts: { en: 'cost of segments without contacts', de: 'Kosten von Segmenten ohne Kontakte' },
  unallocated: { en: 'unallocated cost ({values})', de: 'nicht zugeordnete Kosten ({values})' },
  status: { en: 'status', de: 'Status' },
  share: { en: 'share', de: 'Anteil' },
  mixColumn: { en: 'mix', de: 'Mix' },
  enteredLeft: { en: 'entered/left', de: 'neu/weg' },
  total: { en: 'total', de: 'gesamt' },
  byDims: { en: 'By {dims}:', de: 'Nach {dims}:' },
  segments: { en: 'Segments:', de: 'Segmente:' },
  none: { en: '(none)', de: '(keine)' },
  hidden: {
    en: '(not shown, to fit {width} columns: {columns}; the JSON format has all)',
    de: '(ausgeblendet, damit die Tabelle in {width} Spalten passt: {columns}; das JSON-Format hat alle)',
  },
  labour: {
    en: 'Labour cost per contact, split by LMDI (labour = {categories}):',
    de: 'Personalkosten je Kontakt, nach LMDI zerlegt (Personal = {categories}):',
  },
  effect: { en: 'effect', de: 'Wirkung' },
  labourPerContact: { en: 'labour cost per contact', de: 'Personalkosten je Kontakt' },
  note: { en: 'note: {text}', de: 'Hinweis: {text}' },
  method: { en: 'Method:', de: 'Methode:' },
  definitions: { en: 'Definitions:', de: 'Definitionen:' },
} satisfies Record<string, Term>;

const STATUS: Record<SegmentView['status'], Term> = {
  continuing: { en: 'both periods', de: 'beide Zeiträume' },
  entered: { en: 'entered', de: 'neu' },
  left: { en: 'left', de: 'weggefallen' },
  'without-contacts': { en: 'no contacts', de: 'keine Kontakte' },
};

const FACTORS: Record<LabourFactorName, Term> = {
  aht: { en: 'AHT, seconds', de: 'AHT, Sekunden' },
  loadedRate: { en: 'loaded hourly rate', de: 'Stundensatz mit Nebenkosten' },
  productivity: {
    en: 'productivity (handle ÷ paid hours)',
    de: 'Produktivität (Bearbeitungs- ÷ bezahlte Stunden)',
  },
  costPerHandleHour: { en: 'labour cost per handle hour', de: 'Personalkosten je Bearbeitungsstunde' },
  handledShare: { en: 'handled ÷ counted contacts', de: 'bearbeitete ÷ gezählte Kontakte' },
};

/** Segment columns a narrow terminal loses first (after the breakdown's own columns). */
const SEGMENT_DROP_ORDER = [
  'share',
  'contacts',
  'cost',
  'status',
  'enteredLeft',
  'volumeGrowth',
  'costGrowth',
];

/** What every part of the table writes with: words and numbers in the locale's way. */
class Writer {
  constructor(
    readonly v: DriversView,
    readonly locale: LocaleFormat,
  ) {}
  word(key: keyof typeof WORDS, values?: Record<string, string>): string {
    return this.locale.text(WORDS[key], values);
  }
  number(text: string | number | null): string {
    return text === null ? '–' : this.locale.decimalText(String(text));
  }
  signed(text: string): string {
    return this.locale.decimalText(text, true);
  }
  arrow(pair: readonly (string | number | null)[]): string {
    return pair.map((x) => this.number(x)).join(' → ');
  }
  percent(share: number): string {
    return this.locale.percent(share, 1);
  }
  period(label: string): string {
    return this.locale.period(label);
  }
  dims(): string {
    return this.v.by.map((d) => this.locale.text(DIMENSION_LABELS[d])).join(' × ');
  }
}

function summary(w: Writer): string[] {
  const { v } = w;
  const [p0, p1] = v.periods;
  const l = v.labour;
  return grid(
    [
      ['', w.period(p0.label), w.period(p1.label), w.word('change')],
      [w.word('contacts'), w.number(v.contacts[0]), w.number(v.contacts[1]), ''],
      [w.word('cost'), w.number(v.cost[0]), w.number(v.cost[1]), ''],
      [
        w.word('costPerContact'),
        w.number(v.costPerContact[0]),
        w.number(v.costPerContact[1]),
        w.signed(v.change),
      ],
      [
        w.word('ofWhichLabour'),
        w.number(l.costPerContact[0]),
        w.number(l.costPerContact[1]),
        w.signed(l.change),
      ],
      [w.word('otherCosts'), '', '', w.signed(l.otherCostsChange)],
    ],
    (i) => (i === 0 ? 'left' : 'right'),
  );
}

function bridge(w: Writer): string[] {
  const { v } = w;
  const b = v.bridge;
  const rows = [
    [w.word('costPerContactIn', { period: w.period(v.periods[0].label) }), w.number(v.costPerContact[0])],
    [w.word('mix'), w.signed(b.mix)],
    [w.word('rate'), w.signed(b.rate)],
    [`  ${w.word('costGrowth')}`, w.signed(b.costGrowth)],
    [`  ${w.word('volumeGrowth')}`, w.signed(b.volumeGrowth)],
    [w.word('entered'), w.signed(b.entered)],
    [w.word('left'), w.signed(b.left)],
    [w.word('withoutContacts'), w.signed(b.withoutContacts)],
    [w.word('unallocated', { values: w.arrow(v.unallocatedCost) }), w.signed(b.unallocated)],
    [w.word('costPerContactIn', { period: w.period(v.periods[1].label) }), w.number(v.costPerContact[1])],
  ];
  return [w.word('bridge'), ...grid(rows, (i) => (i === 0 ? 'left' : 'right'), '  ')];
}

function segmentTable(w: Writer, width: number | undefined): string[] {
  const { v } = w;
  const keys = [
    'status',
    'contacts',
    'share',
    'cost',
    'costPerContact',
    'mixColumn',
    'costGrowth',
    'volumeGrowth',
    'enteredLeft',
    'total',
  ] as const;
  const header = [...v.by.map((d) => w.locale.text(DIMENSION_LABELS[d])), ...keys.map((k) => w.word(k))];
  const rows = v.segments.map((s) => [
    ...v.by.map((d) => s.dimensions[d] ?? w.word('none')),
    w.locale.text(STATUS[s.status]),
    w.arrow(s.contacts),
    s.share.map((x) => w.percent(x)).join(' → '),
    w.arrow(s.cost),
    w.arrow(s.costPerContact),
    w.signed(s.mix),
    w.signed(s.costGrowth),
    w.signed(s.volumeGrowth),
    w.signed(s.own),
    w.signed(s.total),
  ]);
  const title = v.by.length > 0 ? w.word('byDims', { dims: w.dims() }) : w.word('segments');
  const drop = SEGMENT_DROP_ORDER.map((k) => v.by.length + keys.indexOf(k as (typeof keys)[number])).filter(
    (i) => i >= v.by.length,
  );
  const { lines, dropped } = fittedTable(
    [header, ...rows],
    (i) => (i <= v.by.length ? 'left' : 'right'),
    drop,
    width,
    '  ',
  );
  const hint =
    dropped.length > 0
      ? wrapText(
          w.word('hidden', { width: String(width), columns: dropped.map((i) => header[i]).join(', ') }),
          width,
          '  ',
          '  ',
        )
      : [];
  return [title, ...lines, ...hint];
}

function labour(w: Writer, width: number | undefined): string[] {
  const l = w.v.labour;
  const [p0, p1] = w.v.periods;
  const rows = [
    ['', w.period(p0.label), w.period(p1.label), w.word('effect')],
    ...l.factors.map((f) => [
      w.locale.text(FACTORS[f.name]),
      w.number(f.values[0]),
      w.number(f.values[1]),
      w.signed(f.effect),
    ]),
    [
      w.word('labourPerContact'),
      w.number(l.costPerContact[0]),
      w.number(l.costPerContact[1]),
      w.signed(l.change),
    ],
  ];
  return [
    ...wrapText(w.word('labour', { categories: l.categories.join(', ') }), width, '', '  '),
    ...grid(rows, (i) => (i === 0 ? 'left' : 'right'), '  '),
    ...l.notes.flatMap((n) => wrapText(w.word('note', { text: n }), width, '  ', '    ')),
  ];
}

/**
 * The human report: summary, bridge, per-segment table, labour split, method and definitions, in the
 * locale's words and numbers (the method and the notes stay English; `definitions` replaces the
 * view's English definitions where given). On a terminal (`width`) the segment table drops columns
 * to fit, and prose wraps.
 */
export function renderDriversTable(
  v: DriversView,
  width?: number,
  language: Locale = 'en-US',
  definitions: Record<string, string> = v.definitions,
): string {
  const granularity = parsePeriodText(v.periods[0].label).granularity;
  const w = new Writer(v, localeFormat(language, v.currency, granularity));
  const by = v.by.length > 0 ? w.word('by', { dims: w.dims() }) : w.word('noBreakdown');
  const header = w.word('heading', {
    from: w.period(v.periods[0].label),
    to: w.period(v.periods[1].label),
    currency: v.currency,
    by,
    timezone: v.timezone,
  });
  const prose = (text: string) => wrapText(text, width, '  ', '    ');
  return [
    header,
    '',
    ...summary(w),
    '',
    ...bridge(w),
    '',
    ...segmentTable(w, width),
    '',
    ...labour(w, width),
    ...v.notes.flatMap((n) => wrapText(w.word('note', { text: n }), width, '', '  ')),
    '',
    w.word('method'),
    ...v.method.flatMap(prose),
    '',
    w.word('definitions'),
    ...Object.entries(definitions).flatMap(([k, text]) => prose(`${k}: ${text}`)),
    '',
  ].join('\n');
}
