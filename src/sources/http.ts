import { UserError } from '../errors.js';

/** How a client waits out rate limits and passing failures. */
export interface RetryPolicy {
  /** Tries per request, the first included. */
  attempts: number;
  /** Wait before the second try; it doubles for each further one (unless the answer says how long). */
  baseDelayMs: number;
  maxDelayMs: number;
  sleep?: (ms: number) => Promise<void>;
  /** Told before each wait, so that a user sees why nothing seems to happen. */
  onRetry?: (text: string) => void;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 6, baseDelayMs: 1000, maxDelayMs: 60_000 };

/** Answers worth another try: rate limited, or the service briefly unavailable. */
const RETRYABLE = new Set([429, 502, 503, 504]);

/**
 * GET with retries: a 429 or 5xx gateway answer, or a connection that fails, is tried again after
 * the answer's Retry-After (seconds or an HTTP date) or an exponential backoff. Other answers are
 * returned as they are. `service` names the remote side in messages; no header value (the API key)
 * ever appears in one.
 */
export async function getWithRetry(
  url: URL,
  headers: Record<string, string>,
  retry: RetryPolicy,
  service: string,
): Promise<Response> {
  const sleep = retry.sleep ?? ((ms: number) => new Promise<void>((done) => setTimeout(done, ms)));
  let last = '';
  for (let attempt = 1; attempt <= retry.attempts; attempt++) {
    let wait = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (attempt - 1));
    try {
      const response = await fetch(url, { headers });
      if (!RETRYABLE.has(response.status)) return response;
      last = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
      wait = retryAfter(response.headers.get('retry-after'), retry.maxDelayMs) ?? wait;
      await response.body?.cancel();
    } catch (error) {
      const cause = (error as Error).cause as { code?: string } | undefined;
      // A host name that does not resolve will not resolve on a later try either.
      if (cause?.code === 'ENOTFOUND')
        throw new UserError(
          'REMOTE',
          `${service}: no such host ${url.hostname} (check the URL); nothing was imported`,
          {
            parameter: 'url',
            value: url.origin,
          },
        );
      last = `no answer (${cause ?? (error as Error).message})`;
    }
    if (attempt < retry.attempts) {
      retry.onRetry?.(
        `${service}: GET ${url.pathname}: ${last}; try ${attempt + 1} of ${retry.attempts} in ${(wait / 1000).toFixed(wait < 1000 ? 1 : 0)} s`,
      );
      await sleep(wait);
    }
  }
  throw new UserError(
    'REMOTE',
    `${service} did not answer GET ${url.pathname} after ${retry.attempts} tries (last: ${last}); nothing was imported`,
    { parameter: 'url', value: url.origin },
  );
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date; capped; undefined when absent or unreadable. */
export function retryAfter(value: string | null, capMs: number): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(value) - Date.now();
  return Number.isFinite(ms) ? Math.min(capMs, Math.max(0, ms)) : undefined;
}
