import { useDashboard } from '../context.js';
import { ApiError } from '../lib/api.js';

/** An API error as the user can act on it: the server's message, naming the parameter at fault. */
export function ErrorBox({ error }: { error: Error }) {
  const { tx } = useDashboard();
  const missing = error instanceof ApiError && error.status === 404 && error.code === 'NOT_FOUND';
  return (
    <div class="error" role="alert" data-code={error instanceof ApiError ? error.code : undefined}>
      <strong>{tx.t('errorTitle')}</strong>
      <p>{missing && /no endpoint/.test(error.message) ? tx.t('endpointMissing') : error.message}</p>
    </div>
  );
}
