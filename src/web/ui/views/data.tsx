import { useState } from 'preact/hooks';
import { CoverageMap } from '../components/coverage-map.js';
import { ErrorBox } from '../components/error-box.js';
import { ImportsList } from '../components/imports-list.js';
import { Settings } from '../components/settings.js';
import { Upload } from '../components/upload.js';
import { ViewHead } from '../components/view-head.js';
import { useDashboard } from '../context.js';

/** Upload, the import log, what each month and channel holds, and the definitions in force. */
export function DataPage() {
  const { tx, me } = useDashboard();
  const analyst = me.role === 'analyst' || me.role === 'admin';
  const [version, setVersion] = useState(0);
  const [error, setError] = useState<Error | null>(null);
  const changed = () => setVersion((v) => v + 1);
  return (
    <section aria-labelledby="data-heading">
      <ViewHead id="data-heading" title={tx.t('viewData')} />
      {error && <ErrorBox error={error} />}
      {analyst ? (
        <Upload onImported={changed} />
      ) : (
        <p class="panel muted" id="no-upload">
          {tx.t('viewerNoUpload')}
        </p>
      )}
      {analyst && <ImportsList version={version} onChanged={changed} onError={setError} />}
      <CoverageMap version={version} />
      <Settings />
    </section>
  );
}
