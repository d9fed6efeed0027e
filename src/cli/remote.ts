import { EXIT_CODES, type InputLocation, UserError, type UserErrorCode } from '../errors.js';

/**
 * The CLI as a client of `percontact serve` (`--server URL`): the same requests, sent to the API,
 * with the token from PERCONTACT_TOKEN. Answers are the API's JSON (what --format json prints) or,
 * with `format`, the other outputs the server renders exactly as the CLI would.
 */
export const TOKEN_ENV = 'PERCONTACT_TOKEN';

export interface Call {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Under /api/v1, e.g. `/report` or `/imports/1234abcd`. */
  path: string;
  /** Sent as the query string (GET) or as a JSON body. */
  request?: Record<string, unknown>;
  /** Query parameters besides the request: `format`, `width`. */
  query?: Record<string, string>;
  /** A multipart body instead (an upload). */
  form?: FormData;
}

/** The answer's bytes (a PDF, a table's text) or its JSON. */
export interface Answer {
  type: string;
  bytes: Uint8Array;
  json(): unknown;
  text(): string;
}

export async function callServer(server: string, call: Call): Promise<Answer> {
  const url = new URL(`/api/v1${call.path}`, base(server));
  const query = new URLSearchParams(call.query ?? {});
  if (call.method === 'GET')
    for (const [k, v] of Object.entries(call.request ?? {})) appendQuery(query, k, v);
  url.search = query.toString();
  const token = process.env[TOKEN_ENV];
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  let body: string | FormData | undefined;
  if (call.form) body = call.form;
  else if (call.method !== 'GET' && call.request) {
    body = JSON.stringify(call.request);
    headers['content-type'] = 'application/json';
  }
  let response: Response;
  try {
    response = await fetch(url, { method: call.method, headers, ...(body === undefined ? {} : { body }) });
  } catch (error) {
    const reason = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
    throw new UserError('REMOTE', `cannot reach the server at ${url.origin} (${reason})`, {
      parameter: 'server',
    });
  }
  const bytes = new Uint8Array(await response.arrayBuffer());
  const answer: Answer = {
    type: response.headers.get('content-type') ?? '',
    bytes,
    text: () => Buffer.from(bytes).toString('utf8'),
    json: () => JSON.parse(Buffer.from(bytes).toString('utf8')),
  };
  if (!response.ok) throw remoteError(response.status, answer);
  return answer;
}

function base(server: string): URL {
  try {
    return new URL(server);
  } catch {
    throw new UserError('USAGE', `not a URL: ${server} (give the address percontact serve prints)`, {
      parameter: 'server',
      value: server,
    });
  }
}

function appendQuery(query: URLSearchParams, key: string, value: unknown): void {
  if (value === undefined || value === null) return;
  if (Array.isArray(value)) query.append(key, value.join(','));
  else query.append(key, typeof value === 'object' ? JSON.stringify(value) : String(value));
}

/**
 * The API's error as the user error it was on the server (same code, message and parameter), so the
 * CLI reports it as it reports its own; the HTTP layer's refusals (401, 403, 429) as the server's.
 */
function remoteError(status: number, answer: Answer): UserError {
  let error: {
    code?: string;
    message?: string;
    parameter?: string;
    location?: InputLocation;
    details?: string[];
  };
  try {
    error = (answer.json() as { error?: typeof error }).error ?? {};
  } catch {
    error = {};
  }
  const message = error.message ?? `HTTP ${status}`;
  const location = { ...(error.location ?? {}), ...(error.parameter ? { parameter: error.parameter } : {}) };
  if (error.code && error.code in EXIT_CODES)
    return new UserError(error.code as UserErrorCode, message, location, error.details ?? []);
  const hint = status === 401 ? [`set ${TOKEN_ENV} to a token of this server (percontact token create)`] : [];
  return new UserError('REMOTE', `the server refused: ${message}`, undefined, hint);
}

interface JobAnswer {
  id: string;
  status: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
  phase: string | null;
  result: unknown;
  error: { status: number } | null;
}

/**
 * Follows a job the server accepted (an import, a pull) until it is over: its result, or its error as
 * the user error it was. `onPhase` hears each new phase.
 */
export async function followJob(
  server: string,
  accepted: Answer,
  onPhase?: (phase: string) => void,
): Promise<unknown> {
  let job = accepted.json() as JobAnswer;
  let phase: string | null = null;
  for (;;) {
    if (job.phase && job.phase !== phase) onPhase?.(job.phase);
    phase = job.phase;
    if (job.status === 'succeeded') return job.result;
    if (job.status === 'failed' || job.status === 'cancelled') {
      const failed = { json: () => ({ error: job.error }) } as Answer;
      throw remoteError(job.error?.status ?? 500, failed);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    job = (await callServer(server, { method: 'GET', path: `/jobs/${job.id}` })).json() as JobAnswer;
  }
}

const POLL_MS = 200;
