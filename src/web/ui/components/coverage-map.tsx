import type { StatusCell, StatusView } from '../../../app/status.js';
import { useDashboard } from '../context.js';
import type { Texts } from '../i18n/texts.js';
import { getJson } from '../lib/api.js';
import { useApi } from '../lib/use-api.js';
import { ErrorBox } from './error-box.js';
import { Table } from './table.js';

export type { StatusCell };

/** Which inputs a cell lacks: none means cost per contact rests on everything it needs. */
export function missingInputs(cell: StatusCell, tx: Texts): string[] {
  if (cell.contacts === 0 && cell.costLines === 0) return [];
  return [
    cell.contacts === 0 && tx.t('inputContacts'),
    cell.costLines === 0 && tx.t('inputCosts'),
    cell.handled > cell.handledWithHandleTime && tx.t('inputHandleTime'),
    cell.agentTimeSeconds === 0 && tx.t('inputAgentTime'),
  ].filter((x): x is string => typeof x === 'string');
}

/**
 * The months from the first to the last with contacts: a ledger line amortised over years reaches
 * months long after the data, which would bury the map in empty rows.
 */
export function monthsWithContacts(s: { months: string[]; cells: StatusCell[] }): string[] {
  const withContacts = new Set(s.cells.filter((c) => c.contacts > 0).map((c) => c.month));
  const first = s.months.findIndex((m) => withContacts.has(m));
  const last = s.months.findLastIndex((m) => withContacts.has(m));
  return first < 0 ? s.months : s.months.slice(first, last + 1);
}

/** Months × channels: what each holds of contacts, costs, handle time and agent time. */
export function CoverageMap({ version }: { version: number }) {
  const { tx } = useDashboard();
  const loaded = useApi(() => getJson<StatusView>('/status'), [version]);
  const s = loaded.data;
  const months = s ? monthsWithContacts(s) : [];
  return (
    <section class="panel" aria-labelledby="coverage-map-heading">
      <h2 id="coverage-map-heading">{tx.t('coverageMap')}</h2>
      {loaded.error && <ErrorBox error={loaded.error} />}
      {s && (
        <Table
          label={tx.t('coverageMap')}
          class="coverage-map"
          columns={[{ label: tx.t('month') }, ...s.channels.map((c) => ({ label: tx.channel(c) }))]}
        >
          <tbody>
            {months.map((m) => (
              <tr key={m}>
                <th scope="row">{tx.period(m)}</th>
                {s.channels.map((c) => {
                  const cell = s.cells.find((x) => x.month === m && x.channel === c);
                  const empty = !cell || (cell.contacts === 0 && cell.costLines === 0);
                  const missing = cell ? missingInputs(cell, tx) : [];
                  const state = empty ? 'empty' : missing.length > 0 ? 'partial' : 'full';
                  return (
                    <td
                      key={c}
                      class={state}
                      data-month={m}
                      data-channel={c}
                      data-coverage={state}
                      data-metric="status.contacts"
                      data-value={cell?.contacts ?? 0}
                    >
                      {empty
                        ? tx.t('cellEmpty')
                        : `${tx.count(cell?.contacts ?? 0)} · ${missing.length > 0 ? tx.t('cellMissing', { inputs: missing.join(', ') }) : '✓'}`}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </section>
  );
}
