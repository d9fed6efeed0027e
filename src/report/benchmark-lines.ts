import { dimensionValue } from './cells.js';
import type { RenderContext } from './context.js';
import type { BenchmarkView, ReportView } from './report-view.js';

/**
 * How the grand total and the last period's segments compare with their published benchmarks, each
 * naming its source, so a reader can judge the figure and where the comparison comes from.
 */
export function benchmarkComparisons(
  view: ReportView,
  context: RenderContext,
): { heading: string; lines: string[] } | undefined {
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
    return [locale.label('benchmarkLine', benchmarkValues(b, row.costPerContact, segment, context))];
  });
  if (lines.length === 0) return undefined;
  return { heading: locale.label('benchmarks', { period: locale.period(last ?? 'total') }), lines };
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
