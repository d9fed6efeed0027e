import { useRef, useState } from 'preact/hooks';
import { useDashboard } from '../context.js';
import type { TermKey } from '../i18n/terms.js';
import { apiFetch, download } from '../lib/api.js';
import { jobPercent, SUMMARY_PARTS, summaryAddsUp, summaryParts } from '../lib/import-summary.js';
import { followEvents } from '../lib/sse.js';
import type { JobView } from '../lib/types.js';
import { ErrorBox } from './error-box.js';
import { Figure } from './figure.js';

const KINDS: [string, TermKey][] = [
  ['contacts', 'kindContacts'],
  ['volumes', 'kindVolumes'],
  ['costs', 'kindCosts'],
  ['fx', 'kindFx'],
  ['agents', 'kindAgents'],
  ['agent-time', 'kindAgentTime'],
];

const PART_TERMS: Record<(typeof SUMMARY_PARTS)[number], TermKey> = {
  imported: 'rowsImported',
  rejected: 'rowsRejected',
  duplicates: 'rowsDuplicates',
  skipped: 'rowsSkipped',
};

/** A file upload run as an import job: its progress from the job's events, then its summary. */
export function Upload({ onImported }: { onImported(): void }) {
  const { tx } = useDashboard();
  const form = useRef<HTMLFormElement>(null);
  const [job, setJob] = useState<JobView | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    const f = form.current;
    if (!f) return;
    const data = new FormData(f);
    // Text fields first: the server reads the import's options before its files.
    const body = new FormData();
    for (const name of ['kind', 'preset', 'source', 'timezone']) {
      const v = String(data.get(name) ?? '').trim();
      if (v) body.set(name, v);
    }
    for (const name of ['skipInvalid', 'replace']) if (data.get(name)) body.set(name, 'true');
    const mapping = data.get('mapping');
    if (mapping instanceof File && mapping.size > 0) body.append('mapping', mapping, mapping.name);
    for (const file of data.getAll('file'))
      if (file instanceof File && file.size > 0) body.append('file', file, file.name);
    setBusy(true);
    setError(null);
    setJob(null);
    try {
      const queued = (await (await apiFetch('/imports', { method: 'POST', body })).json()) as JobView;
      setJob(queued);
      let last = queued;
      await followEvents(`/jobs/${queued.id}/events`, (e) => {
        last = JSON.parse(e.data) as JobView;
        setJob(last);
      });
      if (last.status === 'succeeded') onImported();
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };

  const percent = job ? jobPercent(job) : undefined;
  const statusText = job
    ? job.status === 'running'
      ? tx.t('jobRunning', { phase: job.phase ?? '' })
      : tx.t(
          (
            {
              queued: 'jobQueued',
              succeeded: 'jobSucceeded',
              failed: 'jobFailed',
              cancelled: 'jobCancelled',
            } as const
          )[job.status],
        )
    : '';
  const result = job?.status === 'succeeded' ? job.result : null;
  const parts = result ? summaryParts(result) : undefined;
  return (
    <section class="panel" aria-labelledby="upload-heading" id="upload">
      <h2 id="upload-heading">{tx.t('uploadHeading')}</h2>
      <form ref={form} class="form-grid" onSubmit={submit}>
        <label class="field">
          {tx.t('kind')}
          <select name="kind">
            {KINDS.map(([k, term]) => (
              <option key={k} value={k}>
                {tx.t(term)}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          {tx.t('preset')}
          <input name="preset" size={18} placeholder="zendesk-tickets" />
        </label>
        <label class="field">
          {tx.t('mappingFile')}
          <input type="file" name="mapping" accept=".yaml,.yml" />
        </label>
        <label class="field">
          {tx.t('files')}
          <input type="file" name="file" multiple required />
        </label>
        <label class="inline">
          <input type="checkbox" name="skipInvalid" />
          {tx.t('skipInvalid')}
        </label>
        <label class="inline">
          <input type="checkbox" name="replace" />
          {tx.t('replace')}
        </label>
        <button type="submit" class="primary" disabled={busy}>
          {tx.t('upload')}
        </button>
      </form>
      {error && <ErrorBox error={error} />}
      {job && (
        <div class="job" data-job={job.id} data-status={job.status}>
          <label for="import-progress">{tx.t('progress')}</label>
          <progress id="import-progress" max={100} value={percent} data-value={percent} />
          <p role="status" class="job-status">
            {statusText}
          </p>
          {job.error && <p class="error">{job.error.message}</p>}
        </div>
      )}
      {result && (
        <section aria-labelledby="summary-heading" class="import-summary">
          <h3 id="summary-heading">{tx.t('summaryHeading')}</h3>
          <ul class="summary">
            <li>
              {tx.t('rowsRead')}
              <Figure metric="import.read" value={result.read} shown={tx.count(result.read)} />
            </li>
            {SUMMARY_PARTS.map((k) => (
              <li key={k}>
                {tx.t(PART_TERMS[k])}
                <Figure metric={`import.${k}`} value={parts?.[k]} shown={tx.count(parts?.[k])} />
              </li>
            ))}
          </ul>
          <p class={summaryAddsUp(result) ? 'sum-check ok' : 'sum-check bad'}>
            {summaryAddsUp(result) ? '✓ ' : '≠ '}
            {tx.t('summaryCheck')}
          </p>
          {result.rejectsFile && (
            <button
              type="button"
              onClick={() =>
                download(
                  (result.rejectsFile as string).replace(/^\/api\/v1/, ''),
                  `rejects-${job?.id}.csv`,
                ).catch(setError)
              }
            >
              {tx.t('downloadRejects')}
            </button>
          )}
        </section>
      )}
    </section>
  );
}
