import { alignColumns as grid } from '../../text/columns.js';
import type { DriversView, SegmentView } from './view.js';

const signed = (text: string) => (text.startsWith('-') || /^0\.?0*$/.test(text) ? text : `+${text}`);
const arrow = (pair: readonly (string | number | null)[]) =>
  pair.map((x) => (x === null ? '–' : String(x))).join(' → ');
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
      ['contacts', String(v.contacts[0]), String(v.contacts[1]), ''],
      ['cost', v.cost[0], v.cost[1], ''],
      ['cost per contact', v.costPerContact[0], v.costPerContact[1], signed(v.change)],
      ['  of which labour', l.costPerContact[0], l.costPerContact[1], signed(l.change)],
      ['  other costs', '', '', signed(l.otherCostsChange)],
    ],
    (i) => (i === 0 ? 'left' : 'right'),
  );
}

function bridge(v: DriversView): string[] {
  const b = v.bridge;
  const rows = [
    [`cost per contact ${v.periods[0].label}`, v.costPerContact[0]],
    ['mix (share of contacts moving between segments)', signed(b.mix)],
    ['rate (cost per contact within segments)', signed(b.rate)],
    ['  cost growth', signed(b.costGrowth)],
    ['  volume growth', signed(b.volumeGrowth)],
    ['entered (segments new in the later period)', signed(b.entered)],
    ['left (segments gone in the later period)', signed(b.left)],
    ['cost of segments without contacts', signed(b.withoutContacts)],
    [`unallocated cost (${v.unallocatedCost[0]} → ${v.unallocatedCost[1]})`, signed(b.unallocated)],
    [`cost per contact ${v.periods[1].label}`, v.costPerContact[1]],
  ];
  return [
    'Bridge (the parts add up to the change):',
    ...grid(rows, (i) => (i === 0 ? 'left' : 'right'), '  '),
  ];
}

function segmentTable(v: DriversView): string[] {
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
  return [title, ...grid([header, ...rows], (i) => (i <= v.by.length ? 'left' : 'right'), '  ')];
}

function labour(v: DriversView): string[] {
  const l = v.labour;
  const [p0, p1] = v.periods;
  const title = `Labour cost per contact, split by LMDI (labour = ${l.categories.join(', ')}):`;
  const rows = [
    ['', p0.label, p1.label, 'effect'],
    ...l.factors.map((f) => [f.label, f.values[0], f.values[1], signed(f.effect)]),
    ['labour cost per contact', l.costPerContact[0], l.costPerContact[1], signed(l.change)],
  ];
  return [
    title,
    ...grid(rows, (i) => (i === 0 ? 'left' : 'right'), '  '),
    ...l.notes.map((n) => `  note: ${n}`),
  ];
}

/** The human report: summary, bridge, per-segment table, labour split, method and definitions. */
export function renderDriversTable(v: DriversView): string {
  const by = v.by.length > 0 ? `by ${v.by.join(' × ')}` : 'no breakdown';
  const header = `Why cost per contact changed, ${v.periods[0].label} → ${v.periods[1].label}, ${v.currency}, ${by}, time zone ${v.timezone}`;
  const method = v.method.map((line) => `  ${line}`);
  const definitions = Object.entries(v.definitions).map(([k, text]) => `  ${k}: ${text}`);
  return [
    header,
    '',
    ...summary(v),
    '',
    ...bridge(v),
    '',
    ...segmentTable(v),
    '',
    ...labour(v),
    ...v.notes.map((n) => `note: ${n}`),
    '',
    'Method:',
    ...method,
    '',
    'Definitions:',
    ...definitions,
    '',
  ].join('\n');
}
