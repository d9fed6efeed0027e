import { useState } from 'preact/hooks';
import { useDashboard } from '../context.js';
import { subtractDecimals } from '../lib/decimal.js';
import { type SortDirection, sortRows } from '../lib/sort.js';
import type { Report, ReportRow } from '../lib/types.js';
import { Figure } from './figure.js';
import { Scroll } from './scroll.js';

interface Column {
  key: string;
  label: string;
  value(row: ReportRow): string | number | null | undefined;
  show(row: ReportRow): string;
  /** The metric explain takes apart when the cell is clicked. */
  explain?: string;
}

/** The last period's rows by channel, queue or team, sortable by any column; figures open their explanation. */
export function SegmentTable({
  report,
  period,
  previous,
}: {
  report: Report;
  period: string;
  previous: string;
}) {
  const { tx, explain } = useDashboard();
  const dimension = (report.by[0] ?? 'channel') as 'channel' | 'queue' | 'team';
  const [sort, setSort] = useState<{ key: string; direction: SortDirection }>({
    key: 'contacts',
    direction: 'descending',
  });
  // The change from the previous period: the report's comparison where it made one, else the difference of the two rows shown.
  const change = (row: ReportRow): string | null => {
    if (row.compare) return row.compare.change.costPerContact;
    const before = report.rows.find((r) => r.period === previous && r[dimension] === row[dimension]);
    return row.costPerContact !== null && before?.costPerContact
      ? subtractDecimals(row.costPerContact, before.costPerContact)
      : null;
  };
  const segmentName = (row: ReportRow) =>
    dimension === 'channel' ? tx.channel(row.channel ?? null) : (row[dimension] ?? tx.t('segmentNone'));
  const columns: Column[] = [
    { key: 'segment', label: capitalised(tx.dimension(dimension)), value: segmentName, show: segmentName },
    {
      key: 'contacts',
      label: tx.term({ en: 'Contacts', de: 'Kontakte' }),
      value: (r) => r.contacts,
      show: (r) => tx.count(r.contacts),
    },
    {
      key: 'cost',
      label: tx.term({ en: 'Cost', de: 'Kosten' }),
      value: (r) => r.cost,
      show: (r) => tx.money(r.cost),
      explain: 'costPerContact',
    },
    {
      key: 'costPerContact',
      label: tx.term({ en: 'Cost per contact', de: 'Kosten je Kontakt' }),
      value: (r) => r.costPerContact,
      show: (r) => tx.money(r.costPerContact),
      explain: 'costPerContact',
    },
    {
      key: 'costPerContact.change',
      label: tx.t('changeCpc'),
      value: change,
      show: (r) => tx.moneyChange(change(r)),
    },
    {
      key: 'ahtSeconds',
      label: 'AHT',
      value: (r) => r.ahtSeconds,
      show: (r) => tx.seconds(r.ahtSeconds),
      explain: 'ahtSeconds',
    },
    {
      key: 'serviceLevel',
      label: tx.term({ en: 'Service level', de: 'Servicelevel' }),
      value: (r) => r.serviceLevel,
      show: (r) => tx.percent(r.serviceLevel),
      explain: 'serviceLevel',
    },
    {
      key: 'abandonRate',
      label: tx.term({ en: 'Abandon rate', de: 'Abbruchquote' }),
      value: (r) => r.abandonRate,
      show: (r) => tx.percent(r.abandonRate),
      explain: 'abandonRate',
    },
    { key: 'csatMean', label: 'CSAT', value: (r) => r.csatMean, show: (r) => tx.percent(r.csatMean) },
  ];
  const column = columns.find((c) => c.key === sort.key) ?? (columns[1] as Column);
  const rows = sortRows(
    report.rows.filter((r) => r.period === period),
    column.value,
    sort.direction,
    tx.locale,
  );
  const toggle = (key: string) =>
    setSort((s) => ({
      key,
      direction: s.key === key && s.direction === 'descending' ? 'ascending' : 'descending',
    }));
  return (
    <section aria-labelledby="segments-heading" class="panel">
      <h2 id="segments-heading">
        {tx.t('tableHeading', { period: tx.period(period), dimension: tx.dimension(dimension) })}
      </h2>
      <Scroll label={tx.dimension(dimension)}>
        <table class="segments">
          <thead>
            <tr>
              {columns.map((c) => (
                <th
                  key={c.key}
                  scope="col"
                  aria-sort={c.key === sort.key ? sort.direction : undefined}
                  class={c.key === 'segment' ? '' : 'num'}
                >
                  <button
                    type="button"
                    class="sort"
                    onClick={() => toggle(c.key)}
                    aria-label={tx.t('sortBy', { column: c.label })}
                  >
                    {c.label}
                    <span aria-hidden="true" class="arrow">
                      {c.key === sort.key ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}
                    </span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const segment = { [dimension]: row[dimension] ?? null };
              const name = segmentName(row);
              return (
                <tr key={String(row[dimension])}>
                  <th scope="row">{name}</th>
                  {columns.slice(1).map((c) => {
                    const raw = c.value(row);
                    const figure = (
                      <Figure
                        metric={c.key}
                        value={raw}
                        shown={c.show(row)}
                        period={period}
                        segment={segment}
                      />
                    );
                    const target = {
                      metric: c.explain as string,
                      period,
                      segment: row[dimension] ? { [dimension]: row[dimension] as string } : {},
                    };
                    return (
                      <td key={c.key} class="num">
                        {c.explain && raw !== null && raw !== undefined && row[dimension] ? (
                          <button
                            type="button"
                            class="figure-button"
                            aria-label={`${tx.t('explainThis', { figure: `${c.label} ${name}` })}: ${c.show(row)}`}
                            onClick={(e) => explain({ ...target, opener: e.currentTarget })}
                          >
                            {figure}
                          </button>
                        ) : (
                          figure
                        )}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </Scroll>
    </section>
  );
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
