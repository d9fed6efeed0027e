import type { Granularity } from '../../../calendar/period.js';
import { Chart } from '../components/chart.js';
import { ChartTable } from '../components/chart-table.js';
import { CoverageWarnings } from '../components/coverage-warnings.js';
import { ErrorBox } from '../components/error-box.js';
import { KpiTiles } from '../components/kpi-tiles.js';
import { RangeControls } from '../components/range-controls.js';
import { SegmentTable } from '../components/segment-table.js';
import { ViewHead } from '../components/view-head.js';
import { useDashboard } from '../context.js';
import { getJson } from '../lib/api.js';
import {
  categoriesOf,
  compositionOption,
  periodsOf,
  trendOption,
  trendSeries,
} from '../lib/chart-options.js';
import { firstPeriodOf, lastPeriodOf, previousPeriod } from '../lib/periods.js';
import type { Report } from '../lib/types.js';
import { useApi } from '../lib/use-api.js';

export interface OverviewData {
  /** The range by the chosen breakdown, each row with its previous period. */
  main: Report;
  /** By channel, for the trend (the main report when the breakdown is channel). */
  trend: Report;
  /** The last period and the one before it. */
  tiles: Report;
  last: string;
  previous: string;
}

async function loadOverview(q: {
  period: string;
  from?: string;
  to?: string;
  by: string;
}): Promise<OverviewData> {
  const granularity = q.period as Granularity;
  const range = { period: q.period, from: q.from, to: q.to };
  // A range of one period has no previous period in it: then the report adds each row's previous one.
  const last = q.to ? lastPeriodOf(q.to, granularity) : undefined;
  const single = last !== undefined && q.from !== undefined && firstPeriodOf(q.from, granularity) === last;
  const mainRequest = getJson<Report>('/report', {
    ...range,
    by: q.by,
    compare: single ? 'previous' : undefined,
  });
  const trendRequest =
    q.by === 'channel' ? mainRequest : getJson<Report>('/report', { ...range, by: 'channel' });
  const main = await mainRequest;
  const lastPeriod = main.periodTotals.at(-1)?.period ?? last ?? '';
  const previous = previousPeriod(lastPeriod);
  // The periods' totals do not depend on the range: the main report's serve the tiles when it holds both.
  const tiles = main.periodTotals.some((p) => p.period === previous)
    ? main
    : await getJson<Report>('/report', { period: q.period, from: previous, to: lastPeriod });
  return { main, trend: await trendRequest, tiles, last: lastPeriod, previous };
}

export function Overview() {
  const { state, tx, navigate } = useDashboard();
  const loaded = useApi(() => loadOverview(state), [state.period, state.from, state.to, state.by]);
  const d = loaded.data;
  // FCR needs repeat contacts (detail full), the slowest part of a report: asked for after the first view.
  const full = useApi(
    () =>
      d
        ? getJson<Report>('/report', { period: state.period, from: d.previous, to: d.last, detail: 'full' })
        : new Promise<Report>(() => {}),
    [d?.last, state.period],
  );
  return (
    <section aria-labelledby="overview-heading" class="overview">
      <ViewHead id="overview-heading" title={tx.t('viewOverview')}>
        <button type="button" class="print" onClick={() => print()}>
          {tx.t('printHint')}
        </button>
      </ViewHead>
      <RangeControls />
      {loaded.error && <ErrorBox error={loaded.error} />}
      {loaded.loading && !d && <p class="loading">{tx.t('loading')}</p>}
      {d && (
        <div aria-busy={loaded.loading}>
          <CoverageWarnings report={d.main} />
          <KpiTiles tiles={d.tiles} full={full.data} last={d.last} previous={d.previous} />
          <div class="charts">
            <section aria-labelledby="trend-heading" class="panel">
              <div class="panel-head">
                <h2 id="trend-heading">{tx.t('trendHeading')}</h2>
                <label class="target">
                  {tx.t('target')}
                  <input
                    name="target"
                    inputMode="decimal"
                    size={6}
                    value={state.target ?? ''}
                    onChange={(e) => {
                      const v = e.currentTarget.value.trim().replace(',', '.');
                      navigate({ target: /^\d+(\.\d+)?$/.test(v) ? v : undefined }, { replace: true });
                    }}
                  />
                </label>
              </div>
              <Chart
                id="trend-chart"
                option={trendOption(d.trend, tx, state.target)}
                label={tx.t('trendHeading')}
              />
              <ChartTable
                periods={periodsOf(d.trend)}
                series={trendSeries(d.trend).map((s) => ({
                  key: s.channel,
                  label: tx.channel(s.channel || null),
                  metric: 'costPerContact',
                  segment: { channel: s.channel },
                  benchmark: s.benchmarkText,
                  values: d.trend.periodTotals.map((p) => {
                    const row = d.trend.rows.find(
                      (r) => r.period === p.period && (r.channel ?? '') === s.channel,
                    );
                    return row?.costPerContact ?? null;
                  }),
                  show: (v) => tx.money(v),
                }))}
              />
            </section>
            <section aria-labelledby="composition-heading" class="panel">
              <h2 id="composition-heading">{tx.t('compositionHeading')}</h2>
              <Chart
                id="composition-chart"
                option={compositionOption(d.main, tx)}
                label={tx.t('compositionHeading')}
              />
              <ChartTable
                periods={periodsOf(d.main)}
                series={categoriesOf(d.main.periodTotals).map((c) => ({
                  key: c,
                  label: tx.category(c),
                  metric: 'cost',
                  segment: { category: c },
                  values: d.main.periodTotals.map((p) => p.costByCategory[c] ?? null),
                  show: (v) => tx.money(v),
                }))}
              />
            </section>
          </div>
          <SegmentTable report={d.main} period={d.last} previous={d.previous} />
        </div>
      )}
    </section>
  );
}
