import { columnRule, fittedTable, wrapText } from '../text/columns.js';
import { benchmarkComparisons } from './benchmark-lines.js';
import { bodyRows, display, heading, isAlignedRight, reportCells } from './cells.js';
import { compareText, definitionEntries, headingText, type RenderContext, renderContext } from './context.js';
import { footnotes } from './footnotes.js';
import type { ReportView, RowView } from './report-view.js';

/**
 * Columns a narrow terminal loses first (first dropped first): the counts and rates that the cost
 * per contact does not rest on, then the comparison's detail. Period, segment, contacts, cost, cost
 * per contact and the notes always stay.
 */
const DROP_ORDER = [
  'abandoned',
  'handled',
  'change_contacts_relative',
  'compare_contacts',
  'change_contacts',
  'change_cost_relative',
  'compare_cost',
  'change_cost',
  'abandon_rate',
  'asa_seconds',
  'compare_period',
  'change_cost_per_contact_relative',
  'service_level',
  'aht_seconds',
];

/**
 * A human table: segment rows, a total per period when broken down, the grand total, the numbered
 * notes its rows refer to, the benchmarks and the definitions. On a terminal (`context.width`) the
 * table drops lower-priority columns to fit, and says which; prose wraps at the width.
 */
export function renderTable(view: ReportView, context: RenderContext = renderContext(view)): string {
  const { locale, width } = context;
  const cells = reportCells(view, locale, { all: false, compare: context.compare, forPeople: true });
  const notes = footnotes(view, context);
  const marked = [...bodyRows(view), view.totals].some((r) => notes.marker(r) !== '');
  const texts = (row: RowView) => [
    ...cells.map((c) => display(c, row, locale)),
    ...(marked ? [notes.marker(row)] : []),
  ];
  const header = [
    ...cells.map((c) => heading(c.key, view, locale, 'short')),
    ...(marked ? [locale.label('notesColumn')] : []),
  ];
  const keys = cells.map((c) => c.key);
  const table = fittedTable(
    [header, ...bodyRows(view).map(texts), texts(view.totals)],
    (i) => (cells[i] && isAlignedRight(cells[i]) ? 'right' : 'left'),
    DROP_ORDER.map((k) => keys.indexOf(k)).filter((i) => i >= 0),
    width,
  );
  const { widths, dropped } = table;
  const [head = '', ...lines] = table.lines;
  const total = lines.pop() ?? '';
  const rule = columnRule(widths);
  const compared = compareText(context);
  const hidden = dropped.map((i) => heading(keys[i] as string, view, locale, 'short'));
  const prose = (text: string, first = '  ', rest = '    ') => wrapText(text, width, first, rest);
  const definitions = definitionEntries(view, context, { keys: true, notes: false }).flatMap(([k, v]) =>
    prose(`${k}: ${v}`),
  );
  return [
    ...prose(headingText(view, context), '', '  '),
    ...(compared ? [compared] : []),
    '',
    head,
    rule,
    ...lines,
    rule,
    total,
    ...(hidden.length > 0
      ? prose(locale.label('hiddenColumns', { columns: hidden.join(', '), width: String(width) }), '', '')
      : []),
    ...(notes.list.length > 0
      ? [
          '',
          `${locale.label('notes')}:`,
          ...notes.list.flatMap(([n, text]) => prose(`${n}  ${text}`, '  ', '     ')),
        ]
      : []),
    ...benchmarkText(view, context, prose),
    '',
    `${locale.label('definitions')}:`,
    ...definitions,
    '',
  ].join('\n');
}

function benchmarkText(
  view: ReportView,
  context: RenderContext,
  prose: (text: string) => string[],
): string[] {
  const comparisons = benchmarkComparisons(view, context);
  return comparisons ? ['', `${comparisons.heading}:`, ...comparisons.lines.flatMap((l) => prose(l))] : [];
}
