import type { NoteCode } from '../metrics/notes.js';
import { Decimal } from '../money/decimal.js';
import { columnRule, fittedTable, wrapText } from '../text/columns.js';
import { publishedText } from './benchmark-lines.js';
import { dimensionValue, shownPeriods } from './cells.js';
import type { RenderContext } from './context.js';
import { footnotes } from './footnotes.js';
import { GRANULARITY_LABELS } from './labels.js';
import type { BenchmarkView, ReportView, RowView } from './report-view.js';

/** One channel's (or all channels') cost per contact over the trend's periods. */
export interface TrendRow {
  channel: string | null;
  kind: 'segment' | 'total';
  /** Per period, as the report has it; null where undefined. */
  costPerContact: (string | null)[];
  /** Last period over the first with a figure, as a fraction (0.05 = +5 %); null without two figures. */
  change: number | null;
  /** The last period's comparison with its benchmark. */
  benchmark: BenchmarkView | null;
  rows: RowView[];
}

export interface TrendView {
  periods: string[];
  rows: TrendRow[];
}

/** Cost per contact per channel and period, from a report by channel. */
export function trendView(view: ReportView): TrendView {
  const periods = shownPeriods(view).map((t) => t.period);
  const channels = [
    ...new Set(view.rows.filter((r) => r.kind === 'segment').map((r) => r.dimensions.channel ?? null)),
  ].sort((a, b) => (a ?? '').localeCompare(b ?? ''));
  const series = (rows: RowView[], kind: TrendRow['kind'], channel: string | null): TrendRow => {
    const byPeriod = periods.map((p) => rows.find((r) => r.period === p));
    const values = byPeriod.map((r) => r?.costPerContact ?? null);
    const known = values.filter((v): v is string => v !== null);
    const first = known[0];
    const last = known.at(-1);
    const change =
      known.length >= 2 && first && last && !new Decimal(first).isZero()
        ? Number(new Decimal(last).minus(first).div(first).toFixed(4))
        : null;
    const lastRow = byPeriod.at(-1);
    return {
      channel,
      kind,
      costPerContact: values,
      change,
      benchmark: lastRow?.costPerContact ? lastRow.benchmark : null,
      rows: byPeriod.filter((r): r is RowView => r !== undefined),
    };
  };
  const rows = channels
    .map((c) =>
      series(
        view.rows.filter((r) => r.kind === 'segment' && (r.dimensions.channel ?? null) === c),
        'segment',
        c,
      ),
    )
    .filter((row) => row.costPerContact.some((v) => v !== null));
  return { periods, rows: [...rows, series(view.periodTotals, 'total', null)] };
}

/** The notes a trend of cost per contact needs (not those about service figures). */
const COST_NOTES: ReadonlySet<NoteCode> = new Set([
  'defaultRange',
  'noOverlap',
  'partial',
  'partialProrated',
  'noCost',
  'contactsWithoutCost',
  'costWithoutContacts',
  'fallbackDriver',
  'unratedHours',
]);

/** The widest a trend table gets, whatever the terminal. */
const TREND_WIDTH = 100;

/**
 * The trend as a table of at most 100 columns (or the terminal's width): a row per channel and one
 * for all, a column per period, the change from the first to the last and the gap to the benchmark.
 * Older periods give way first where the width demands it.
 */
export function renderTrend(view: ReportView, context: RenderContext): string {
  const { locale } = context;
  const width = Math.min(context.width ?? TREND_WIDTH, TREND_WIDTH);
  const trend = trendView(view);
  const notes = footnotes(view, context, COST_NOTES);
  const markers = trend.periods.map((p) => {
    const total = view.periodTotals.find((t) => t.period === p);
    return total ? notes.marker(total) : '';
  });
  const header = [
    locale.label('trendChannel'),
    ...trend.periods.map((p, i) => `${locale.period(p)}${markers[i] ? ` [${markers[i]}]` : ''}`),
    locale.label('trendChange'),
    locale.label('trendBenchmark'),
  ];
  const money = (v: string | null) => (v === null ? '–' : locale.money(v));
  const percent = (v: number | null) => (v === null ? '–' : locale.percent(v, 1, true));
  const names = trend.rows.map((row) =>
    row.kind === 'total'
      ? locale.label('all')
      : dimensionValue(row.rows[0] as RowView, 'channel', locale, true),
  );
  const body = trend.rows.map((row, i) => [
    names[i] as string,
    ...row.costPerContact.map(money),
    percent(row.change),
    percent(row.benchmark?.gapShare ?? null),
  ]);
  const periodColumns = trend.periods.map((_, i) => i + 1);
  // Oldest first, but always two periods left to compare.
  const table = fittedTable(
    [header, ...body],
    (i) => (i === 0 ? 'left' : 'right'),
    periodColumns.slice(0, -2),
    width,
  );
  const { widths, dropped } = table;
  const [head = '', ...lines] = table.lines;
  const prose = (text: string, first = '', rest = '  ') => wrapText(text, width, first, rest);
  const granularity = locale.text(GRANULARITY_LABELS[view.granularity as keyof typeof GRANULARITY_LABELS]);
  const sources = trend.rows.flatMap((row, i) => {
    const b = row.benchmark;
    if (!b) return [];
    const year = b.year ?? locale.label('yearUnknown');
    return prose(`${names[i]}: ${publishedText(b, locale)}, ${b.source}, ${year}`, '  ', '    ');
  });
  return [
    ...prose(
      locale.label('trendHeading', {
        currency: view.currency,
        count: String(trend.periods.length),
        granularity,
        timezone: view.timezone,
      }),
    ),
    '',
    head,
    columnRule(widths),
    ...lines,
    ...(dropped.length > 0
      ? prose(locale.label('trendHidden', { count: String(dropped.length), width: String(width) }))
      : []),
    ...(sources.length > 0 ? ['', `${locale.label('trendSources')}:`, ...sources] : []),
    ...(notes.list.length > 0
      ? [
          '',
          `${locale.label('notes')}:`,
          ...notes.list.flatMap(([n, text]) => prose(`${n}  ${text}`, '  ', '     ')),
        ]
      : []),
    '',
  ].join('\n');
}
