import { useDashboard } from '../context.js';
import { Figure } from './figure.js';
import { Table } from './table.js';

export interface TableSeries {
  key: string;
  label: string;
  metric: string;
  segment: Record<string, string>;
  values: (string | null)[];
  /** The segment's benchmark, a column of its own where any series has one. */
  benchmark?: string | null;
  show(value: string): string;
}

/** The figures a chart draws, as a table under a disclosure: readable without the chart, and machine-readable. */
export function ChartTable({ periods, series }: { periods: string[]; series: TableSeries[] }) {
  const { tx } = useDashboard();
  const benchmarks = series.some((s) => s.benchmark);
  return (
    <details class="chart-data">
      <summary>{tx.t('chartData')}</summary>
      <Table
        label={tx.t('chartData')}
        columns={[
          { label: tx.t('segment') },
          ...periods.map((p) => ({ label: tx.period(p) })),
          ...(benchmarks ? [{ label: tx.t('benchmarkColumn') }] : []),
        ]}
      >
        <tbody>
          {series.map((s) => (
            <tr key={s.key}>
              <th scope="row">{s.label}</th>
              {s.values.map((v, i) => (
                <td key={periods[i]} class="num">
                  <Figure
                    metric={s.metric}
                    value={v}
                    shown={v === null ? '' : s.show(v)}
                    period={periods[i]}
                    segment={s.segment}
                  />
                </td>
              ))}
              {benchmarks && (
                <td class="num">
                  <Figure
                    metric={`${s.metric}.benchmark`}
                    value={s.benchmark}
                    shown={s.benchmark ? s.show(s.benchmark) : ''}
                    period={periods.at(-1)}
                    segment={s.segment}
                  />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </Table>
    </details>
  );
}
