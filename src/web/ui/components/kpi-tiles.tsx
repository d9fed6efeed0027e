import { useDashboard } from '../context.js';
import { KPIS, type Kpi, kpiValue, missingReason } from '../lib/kpis.js';
import type { Report, ReportRow } from '../lib/types.js';
import { Figure } from './figure.js';

export interface KpiTilesProps {
  tiles: Report;
  /** The same periods with detail full, for the figures that need it (FCR); undefined while it loads. */
  full?: Report;
  last: string;
  previous: string;
}

/** The key figures of the last period of the range, each against the previous period and its benchmark. */
export function KpiTiles({ tiles, full, last, previous }: KpiTilesProps) {
  const { tx } = useDashboard();
  const rows = (r: Report) => ({
    now: r.periodTotals.find((p) => p.period === last),
    before: r.periodTotals.find((p) => p.period === previous && p.contacts > 0),
  });
  const headline = rows(tiles);
  const detailed = full ? rows(full) : undefined;
  return (
    <section aria-labelledby="kpi-heading">
      <h2 id="kpi-heading">{tx.t('kpiHeading', { period: tx.period(last) })}</h2>
      <ul class="tiles">
        {KPIS.map((kpi) =>
          kpi.detail && !detailed ? (
            <LoadingTile key={kpi.key} kpi={kpi} period={last} />
          ) : (
            <Tile key={kpi.key} kpi={kpi} {...(kpi.detail ? detailed : headline)} period={last} />
          ),
        )}
      </ul>
    </section>
  );
}

function LoadingTile({ kpi, period }: { kpi: Kpi; period: string }) {
  const { tx } = useDashboard();
  return (
    <li class="tile" data-kpi={kpi.key} aria-busy="true">
      <h3>{tx.term(kpi.label)}</h3>
      <p class="tile-figure">
        <span
          class="figure tile-value loading-figure"
          data-metric={kpi.key}
          data-period={period}
          data-loading="true"
        >
          {tx.t('loading')}
        </span>
      </p>
    </li>
  );
}

function Tile({
  kpi,
  now,
  before,
  period,
}: {
  kpi: Kpi;
  now?: ReportRow;
  before?: ReportRow;
  period: string;
}) {
  const { tx, explain } = useDashboard();
  const value = kpiValue(now, kpi.key);
  const previous = kpiValue(before, kpi.key);
  const label = tx.term(kpi.label);
  const figure = (
    <Figure
      metric={kpi.key}
      value={value}
      shown={value === null ? '' : kpi.show(tx, value)}
      period={period}
      class="tile-value"
    />
  );
  const bench = kpi.key === 'costPerContact' ? now?.benchmark : undefined;
  const change = value !== null && previous !== null ? kpi.change(tx, value, previous) : undefined;
  const direction = value !== null && previous !== null ? Math.sign(Number(value) - Number(previous)) : 0;
  const good =
    kpi.better === 'neither' || direction === 0
      ? 'neutral'
      : direction < 0 === (kpi.better === 'lower')
        ? 'good'
        : 'bad';
  return (
    <li class="tile" data-kpi={kpi.key}>
      <h3>{label}</h3>
      {kpi.explain && value !== null ? (
        <button
          type="button"
          class="figure-button"
          aria-label={`${tx.t('explainThis', { figure: label })}: ${kpi.show(tx, value)}`}
          onClick={(e) =>
            explain({ metric: kpi.explain as string, period, segment: {}, opener: e.currentTarget })
          }
        >
          {figure}
        </button>
      ) : (
        <p class="tile-figure">{figure}</p>
      )}
      {value === null && (
        <p class="tile-missing">
          {tx.t('notComputableWhy', { period: tx.period(period), reason: missingReason(tx, now, kpi.key) })}
        </p>
      )}
      <p class={`tile-change ${good}`}>
        {change !== undefined && before ? (
          <Figure
            metric={`${kpi.key}.previous`}
            value={previous}
            shown={tx.t('vsPrevious', { change, period: tx.period(before.period) })}
            period={before.period}
          />
        ) : (
          tx.t('noPrevious')
        )}
      </p>
      <p class="tile-bench">
        {bench?.value ? (
          <button
            type="button"
            class="has-source"
            title={tx.t('benchmarkSource', {
              source: bench.source,
              year: bench.year === null ? '—' : String(bench.year),
              published: bench.published,
              table: bench.tableVersion,
            })}
          >
            <Figure
              metric={`${kpi.key}.benchmark`}
              value={bench.value}
              shown={tx.t('benchmark', { value: tx.money(bench.value) })}
              period={period}
            />
            <span class="source">{bench.source}</span>
          </button>
        ) : (
          <span class="muted">{tx.t('noBenchmark')}</span>
        )}
      </p>
    </li>
  );
}
