import type { DriversView, SegmentView } from '../metrics/drivers/view.js';
import { fittedTable, alignColumns as grid, wrapText } from '../text/columns.js';
import type { Locale } from './locale.js';

/** Decimal text grouped by thousands ("183,252.38"); any other text as it is. */
const grouped = (text: string): string => {
  const m = /^(-?)(\d+)(\.\d+)?$/.exec(text);
  if (!m) return text;
  return `${m[1]}${(m[2] as string).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${m[3] ?? ''}`;
};
const signed = (text: string) => grouped(text.startsWith('-') || /^0\.?0*$/.test(text) ? text : `+${text}`);
const arrow = (pair: readonly (string | number | null)[]) =>
  pair.map((x) => (x === null ? '–' : grouped(String(x)))).join(' → ');
const percent = (share: number) => `${(share * 100).toFixed(1)}%`;
const STATUS: Record<SegmentView['status'], string> = {
  continuing: 'both periods',
  entered: 'entered',
  left: 'left',
  'without-contacts': 'no contacts',
};

function summary(v: DriversView): string[] {
  const [p0, p1] = v.periods;
  const l = v.labour;
  return grid(
    [
      ['', p0.label, p1.label, 'change'],
      ['contacts', grouped(String(v.contacts[0])), grouped(String(v.contacts[1])), ''],
      ['cost', grouped(v.cost[0]), grouped(v.cost[1]), ''],
      ['cost per contact', grouped(v.costPerContact[0]), grouped(v.costPerContact[1]), signed(v.change)],
      ['  of which labour', grouped(l.costPerContact[0]), grouped(l.costPerContact[1]), signed(l.change)],
      ['  other costs', '', '', signed(l.otherCostsChange)],
    ],
    (i) => (i === 0 ? 'left' : 'right'),
  );
}

function bridge(v: DriversView): string[] {
  const b = v.bridge;
  const rows = [
    [`cost per contact ${v.periods[0].label}`, grouped(v.costPerContact[0])],
    ['mix (share of contacts moving between segments)', signed(b.mix)],
    ['rate (cost per contact within segments)', signed(b.rate)],
    ['  cost growth', signed(b.costGrowth)],
    ['  volume growth', signed(b.volumeGrowth)],
    ['entered (segments new in the later period)', signed(b.entered)],
    ['left (segments gone in the later period)', signed(b.left)],
    ['cost of segments without contacts', signed(b.withoutContacts)],
    [`unallocated cost (${arrow(v.unallocatedCost)})`, signed(b.unallocated)],
    [`cost per contact ${v.periods[1].label}`, grouped(v.costPerContact[1])],
  ];
  return [
    'Bridge (the parts add up to the change):',
    ...grid(rows, (i) => (i === 0 ? 'left' : 'right'), '  '),
  ];
}

/** Segment columns a narrow terminal loses first (after the breakdown's own columns). */
const SEGMENT_DROP_ORDER = [
  'share',
  'contacts',
  'cost',
  'status',
  'entered/left',
  'volume growth',
  'cost growth',
];

function segmentTable(v: DriversView, width: number | undefined): string[] {
  const header = [
    ...v.by,
    'status',
    'contacts',
    'share',
    'cost',
    'cost per contact',
    'mix',
    'cost growth',
    'volume growth',
    'entered/left',
    'total',
  ];
  const rows = v.segments.map((s) => [
    ...v.by.map((d) => s.dimensions[d] ?? '(none)'),
    STATUS[s.status],
    arrow(s.contacts),
    arrow(s.share.map(percent)),
    arrow(s.cost),
    arrow(s.costPerContact),
    signed(s.mix),
    signed(s.costGrowth),
    signed(s.volumeGrowth),
    signed(s.own),
    signed(s.total),
  ]);
  const title = v.by.length > 0 ? `By ${v.by.join(' × ')}:` : 'Segments:';
  const drop = SEGMENT_DROP_ORDER.map((h) => header.indexOf(h)).filter((i) => i >= 0);
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
          `(not shown, to fit ${width} columns: ${dropped.map((i) => header[i]).join(', ')}; the JSON format has all)`,
          width,
          '  ',
          '  ',
        )
      : [];
  return [title, ...lines, ...hint];
}

function labour(v: DriversView, width: number | undefined): string[] {
  const l = v.labour;
  const [p0, p1] = v.periods;
  const title = `Labour cost per contact, split by LMDI (labour = ${l.categories.join(', ')}):`;
  const rows = [
    ['', p0.label, p1.label, 'effect'],
    ...l.factors.map((f) => [f.label, grouped(f.values[0]), grouped(f.values[1]), signed(f.effect)]),
    ['labour cost per contact', l.costPerContact[0], l.costPerContact[1], signed(l.change)],
  ];
  return [
    ...wrapText(title, width, '', '  '),
    ...grid(rows, (i) => (i === 0 ? 'left' : 'right'), '  '),
    ...l.notes.flatMap((n) => wrapText(`note: ${n}`, width, '  ', '    ')),
  ];
}

/**
 * The human report: summary, bridge, per-segment table, labour split, method and definitions. On a
 * terminal (`width`) the segment table drops columns to fit, and prose wraps.
 */
export function renderDriversTable(v: DriversView, width?: number, _locale: Locale = 'en-US'): string {
  const by = v.by.length > 0 ? `by ${v.by.join(' × ')}` : 'no breakdown';
  const header = `Why cost per contact changed, ${v.periods[0].label} → ${v.periods[1].label}, ${v.currency}, ${by}, time zone ${v.timezone}`;
  const prose = (text: string) => wrapText(text, width, '  ', '    ');
  const method = v.method.flatMap(prose);
  const definitions = Object.entries(v.definitions).flatMap(([k, text]) => prose(`${k}: ${text}`));
  return [
    header,
    '',
    ...summary(v),
    '',
    ...bridge(v),
    '',
    ...segmentTable(v, width),
    '',
    ...labour(v, width),
    ...v.notes.flatMap((n) => wrapText(`note: ${n}`, width, '', '  ')),
    '',
    'Method:',
    ...method,
    '',
    'Definitions:',
    ...definitions,
    '',
  ].join('\n');
}
