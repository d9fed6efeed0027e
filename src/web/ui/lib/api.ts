/** The API's error shape (docs/server.md, Errors). */
export interface ApiErrorBody {
  status: number;
  code: string;
  message: string;
  parameter?: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly parameter?: string,
  ) {
    super(message);
  }
}

const TOKEN_KEY = 'percontact.token';

/** The token lives in this tab's session storage: gone when the tab closes, never in a URL. */
export const tokenStore = {
  get: (): string | null => sessionStorage.getItem(TOKEN_KEY),
  set: (token: string) => sessionStorage.setItem(TOKEN_KEY, token),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};

export type Params = Record<string, string | number | boolean | readonly string[] | undefined | null>;

/** A query string of the given parameters: lists comma-separated, empty ones left out. */
export function queryString(params: Params = {}): string {
  const q = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    const text = Array.isArray(value) ? value.join(',') : String(value);
    if (text !== '') q.set(name, text);
  }
  const text = q.toString();
  return text ? `?${text}` : '';
}

function headers(extra: Record<string, string> = {}): Record<string, string> {
  const token = tokenStore.get();
  return token ? { ...extra, authorization: `Bearer ${token}` } : extra;
}

async function failure(response: Response): Promise<ApiError> {
  let body: { error?: ApiErrorBody } = {};
  try {
    body = (await response.json()) as { error?: ApiErrorBody };
  } catch {
    // not JSON: the status says enough
  }
  const e = body.error;
  return new ApiError(response.status, e?.code ?? 'HTTP', e?.message ?? response.statusText, e?.parameter);
}

/** Fetches `/api/v1<path>` with the session's token; an error answer becomes an ApiError. */
export async function apiFetch(path: string, init: RequestInit = {}): Promise<Response> {
  const response = await fetch(`/api/v1${path}`, {
    ...init,
    headers: headers((init.headers as Record<string, string> | undefined) ?? {}),
  });
  if (!response.ok) throw await failure(response);
  return response;
}

export async function getJson<T>(path: string, params?: Params): Promise<T> {
  return (await apiFetch(`${path}${queryString(params)}`)).json() as Promise<T>;
}

export async function sendJson<T>(
  method: 'POST' | 'DELETE' | 'PATCH',
  path: string,
  body?: unknown,
): Promise<T> {
  const init: RequestInit =
    body === undefined
      ? { method }
      : { method, body: JSON.stringify(body), headers: { 'content-type': 'application/json' } };
  const response = await apiFetch(path, init);
  return (response.status === 204 ? undefined : await response.json()) as T;
}

/** A file the API answers (rejected rows), saved through a link, since the request needs the token. */
export async function download(path: string, filename: string): Promise<void> {
  const blob = await (await apiFetch(path)).blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
