import { dimensionValue } from './cells.js';
import type { RenderContext } from './context.js';
import type { LocaleFormat } from './locale.js';
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
  // Without a breakdown the last period's row is no segment of its own: the total says it all.
  const segments =
    view.by.length > 0 ? view.rows.filter((r) => r.period === last && r.kind === 'segment') : [];
  const rows = [view.totals, ...segments];
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

/** "7,16 USD": the published figure in the locale's number format. */
export function publishedText(b: BenchmarkView, locale: LocaleFormat): string {
  const value = asWritten(b.publishedValue, locale);
  return b.publishedCurrency ? `${value} ${b.publishedCurrency}` : value;
}

/** Decimal text with as many decimals as it has, in the locale's format. */
function asWritten(text: string, locale: LocaleFormat): string {
  return locale.decimal(Number(text), text.split('.')[1]?.length ?? 0);
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
    published: publishedText(b, locale),
    converted: b.fxRate
      ? ` × ${asWritten(b.fxRate, locale)}`
      : b.value
        ? ''
        : `, ${locale.label('benchmarkNoRate')}`,
    source: b.source,
    year: `, ${b.year ?? locale.label('yearUnknown')}`,
    gap:
      b.gap && b.gapShare !== null
        ? `${locale.money(b.gap, true)} (${locale.percent(b.gapShare, 1, true)})`
        : '–',
  };
}
