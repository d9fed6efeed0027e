import { bodyRows, dimensionValue, display, heading, isAlignedRight, reportCells } from './cells.js';
import { compareText, definitionEntries, headingText, type RenderContext, renderContext } from './context.js';
import type { BenchmarkView, ReportView, RowView } from './report-view.js';

/** A human table: segment rows, a total per period when broken down, the grand total, then the definitions. */
export function renderTable(view: ReportView, context: RenderContext = renderContext(view)): string {
  const { locale } = context;
  const cells = reportCells(view, locale, { all: false, compare: context.compare, forPeople: true });
  const texts = (row: RowView) => cells.map((c) => display(c, row, locale));
  const rows = [cells.map((c) => heading(c.key, view, locale, 'short')), ...bodyRows(view).map(texts)];
  const totalCells = texts(view.totals);
  const widths = cells.map((_, i) => Math.max(...[...rows, totalCells].map((row) => (row[i] ?? '').length)));
  const line = (row: string[]) =>
    row
      .map((cell, i) =>
        isAlignedRight(cells[i] as (typeof cells)[number])
          ? cell.padStart(widths[i] ?? 0)
          : cell.padEnd(widths[i] ?? 0),
      )
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  const compared = compareText(context);
  const definitions = definitionEntries(view, context, true).map(([k, v]) => `  ${k}: ${v}`);
  return [
    headingText(view, context),
    ...(compared ? [compared] : []),
    '',
    line(rows[0] as string[]),
    rule,
    ...rows.slice(1).map(line),
    rule,
    line(totalCells),
    ...benchmarkLines(view, context),
    '',
    `${locale.label('definitions')}:`,
    ...definitions,
    '',
  ].join('\n');
}

/**
 * How the grand total and the last period's segments compare with their published benchmarks, each
 * naming its source, so a reader can judge the figure and where the comparison comes from.
 */
function benchmarkLines(view: ReportView, context: RenderContext): string[] {
  const { locale } = context;
  const last = view.periodTotals.at(-1)?.period;
  const rows = [view.totals, ...view.rows.filter((r) => r.period === last && r.kind === 'segment')];
  const lines = rows.flatMap((row) => {
    const b = row.benchmark;
    if (!b || !row.costPerContact) return [];
    const segment =
      row.kind === 'total'
        ? locale.label('total')
        : view.by.map((d) => dimensionValue(row, d, locale, true)).join(' / ');
    return [`  ${locale.label('benchmarkLine', benchmarkValues(b, row.costPerContact, segment, context))}`];
  });
  if (lines.length === 0) return [];
  return ['', `${locale.label('benchmarks', { period: locale.period(last ?? 'total') })}:`, ...lines];
}

function benchmarkValues(
  b: BenchmarkView,
  value: string,
  segment: string,
  { locale }: RenderContext,
): Record<string, string> {
  return {
    segment,
    value: locale.money(value),
    benchmark: b.value ? locale.money(b.value) : '–',
    published: b.published,
    converted: b.fxRate ? ` × ${b.fxRate}` : b.value ? '' : `, ${locale.label('benchmarkNoRate')}`,
    source: b.source,
    year: b.year ? `, ${b.year}` : '',
    gap:
      b.gap && b.gapShare !== null
        ? `${locale.money(b.gap, true)} (${locale.percent(b.gapShare, 1, true)})`
        : '–',
  };
}
