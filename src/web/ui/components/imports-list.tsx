import type { ImportEntry, ImportsView } from '../../../app/imports.js';
import { useDashboard } from '../context.js';
import { getJson, sendJson } from '../lib/api.js';
import { useApi } from '../lib/use-api.js';
import { ErrorBox } from './error-box.js';
import { Figure } from './figure.js';
import { Table } from './table.js';

/** The import log with each import's stored rows; an analyst removes an import's rows here. */
export function ImportsList({
  version,
  onChanged,
  onError,
}: {
  version: number;
  onChanged(): void;
  onError(e: Error): void;
}) {
  const { tx } = useDashboard();
  const loaded = useApi(() => getJson<ImportsView>('/imports'), [version]);
  const remove = async (entry: ImportEntry) => {
    if (!confirm(tx.t('removeConfirm', { id: entry.shortId }))) return;
    try {
      await sendJson('DELETE', `/imports/${encodeURIComponent(entry.id)}`);
      onChanged();
    } catch (e) {
      onError(e as Error);
    }
  };
  const imports = loaded.data?.imports ?? [];
  return (
    <section class="panel" aria-labelledby="imports-heading">
      <h2 id="imports-heading">{tx.t('importsHeading')}</h2>
      {loaded.error && <ErrorBox error={loaded.error} />}
      {loaded.data && imports.length === 0 && <p>{tx.t('noImports')}</p>}
      {imports.length > 0 && (
        <Table
          label={tx.t('importsHeading')}
          tall
          class="imports"
          columns={[
            { label: tx.t('importedAt') },
            { label: tx.t('importKind') },
            { label: tx.t('importFiles') },
            { label: tx.t('rowsRead'), num: true },
            { label: tx.t('rowsStored'), num: true },
            { label: tx.t('remove'), hidden: true },
          ]}
        >
          <tbody>
            {[...imports].reverse().map((i) => (
              <tr key={i.id} data-import={i.id}>
                <td>{tx.dateTime(i.finishedAt)}</td>
                <td>{i.kind}</td>
                <td>{i.files.join(', ')}</td>
                <td class="num">
                  <Figure metric="import.rowsRead" value={i.rowsRead} shown={tx.count(i.rowsRead)} />
                </td>
                <td class="num">
                  <Figure metric="import.rowsStored" value={i.rowsStored} shown={tx.count(i.rowsStored)} />
                </td>
                <td>
                  <button
                    type="button"
                    onClick={() => remove(i)}
                    aria-label={`${tx.t('remove')} ${i.shortId} (${i.files.join(', ')})`}
                  >
                    {tx.t('remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </section>
  );
}
