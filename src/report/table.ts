import { alignColumns, columnRule, columnWidths } from '../text/columns.js';
import { benchmarkComparisons } from './benchmark-lines.js';
import { bodyRows, display, heading, isAlignedRight, reportCells } from './cells.js';
import { compareText, definitionEntries, headingText, type RenderContext, renderContext } from './context.js';
import type { ReportView, RowView } from './report-view.js';

/** A human table: segment rows, a total per period when broken down, the grand total, then the definitions. */
export function renderTable(view: ReportView, context: RenderContext = renderContext(view)): string {
  const { locale } = context;
  const cells = reportCells(view, locale, { all: false, compare: context.compare, forPeople: true });
  const texts = (row: RowView) => cells.map((c) => display(c, row, locale));
  const rows = [cells.map((c) => heading(c.key, view, locale, 'short')), ...bodyRows(view).map(texts)];
  const totalCells = texts(view.totals);
  const widths = columnWidths([...rows, totalCells]);
  const align = (i: number) => (isAlignedRight(cells[i] as (typeof cells)[number]) ? 'right' : 'left');
  const [header = '', ...body] = alignColumns(rows, align, '', widths);
  const [total = ''] = alignColumns([totalCells], align, '', widths);
  const rule = columnRule(widths);
  const compared = compareText(context);
  const definitions = definitionEntries(view, context, true).map(([k, v]) => `  ${k}: ${v}`);
  return [
    headingText(view, context),
    ...(compared ? [compared] : []),
    '',
    header,
    rule,
    ...body,
    rule,
    total,
    ...benchmarkText(view, context),
    '',
    `${locale.label('definitions')}:`,
    ...definitions,
    '',
  ].join('\n');
}

function benchmarkText(view: ReportView, context: RenderContext): string[] {
  const comparisons = benchmarkComparisons(view, context);
  return comparisons ? ['', `${comparisons.heading}:`, ...comparisons.lines.map((l) => `  ${l}`)] : [];
}
