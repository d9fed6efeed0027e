import { UserError } from '../../errors.js';
import { DEFAULT_RETRY, getWithRetry, type RetryPolicy } from '../http.js';

export type ApiRecord = Record<string, unknown>;

/** A day range: `from` to `to`, both included, as YYYY-MM-DD. The API filters in UTC. */
export interface DayRange {
  from: string;
  to: string;
}

/**
 * LiveAgent's API v3 (https://ACCOUNT.ladesk.com/api/v3), read-only: calls and tickets created in
 * a day range. The key goes in the `apikey` header; `Timezone-Offset: 0` makes the answer's times
 * UTC (the account's own zone otherwise). Calls page by cursor (`_cursor`, from the answer's
 * `next_page_cursor` header), tickets by `_page` / `_perPage`. Rate-limit answers are retried.
 */
export class LiveAgentClient {
  private readonly base: URL;

  constructor(
    url: string,
    private readonly apiKey: string,
    private readonly perPage = 100,
    private readonly retry: RetryPolicy = DEFAULT_RETRY,
  ) {
    this.base = accountUrl(url);
  }

  /** Pages of calls: the first without a cursor, then each with the cursor the previous answer gave. */
  async *calls(range: DayRange): AsyncGenerator<ApiRecord[]> {
    let cursor: string | null = null;
    const seen = new Set<string>();
    for (;;) {
      const params: Record<string, string> = { _perPage: String(this.perPage), _filters: createdIn(range) };
      if (cursor) params._cursor = cursor;
      const { records, headers } = await this.get('/calls', params);
      if (records.length > 0) yield records;
      cursor = headers.get('next_page_cursor');
      if (!cursor || records.length === 0) return;
      // A cursor given twice would page forever: the answer is broken, not the data.
      if (seen.has(cursor))
        throw new UserError('REMOTE', `LiveAgent returned the same next_page_cursor twice for GET /calls`, {
          parameter: 'url',
        });
      seen.add(cursor);
    }
  }

  /** Pages of tickets, numbered from 1, until a page comes back short. */
  async *tickets(range: DayRange): AsyncGenerator<ApiRecord[]> {
    for (let page = 1; ; page++) {
      const { records } = await this.get('/tickets', {
        _page: String(page),
        _perPage: String(this.perPage),
        _filters: createdIn(range),
      });
      if (records.length > 0) yield records;
      if (records.length < this.perPage) return;
    }
  }

  private async get(
    path: string,
    params: Record<string, string>,
  ): Promise<{ records: ApiRecord[]; headers: Headers }> {
    const url = new URL(`api/v3${path}`, this.base);
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
    const response = await getWithRetry(
      url,
      { apikey: this.apiKey, Accept: 'application/json', 'Timezone-Offset': '0' },
      this.retry,
      'LiveAgent',
    );
    if (response.status === 401 || response.status === 403)
      throw new UserError(
        'REMOTE',
        `LiveAgent refused the API key (HTTP ${response.status} for GET /api/v3${path})`,
        {
          parameter: 'apiKey',
        },
      );
    if (!response.ok)
      throw new UserError(
        'REMOTE',
        `LiveAgent answered HTTP ${response.status} for GET /api/v3${path}${response.status === 404 ? ` (is ${this.base.origin} a LiveAgent account?)` : ''}`,
        { parameter: 'url', value: this.base.origin },
      );
    const body: unknown = await response.json().catch(() => undefined);
    if (!Array.isArray(body))
      throw new UserError(
        'REMOTE',
        `LiveAgent's answer to GET /api/v3${path} is not a JSON list of records`,
        {
          parameter: 'url',
        },
      );
    return { records: body as ApiRecord[], headers: response.headers };
  }
}

/** The account's base URL (`https://acme.ladesk.com`, also given with a trailing /api/v3). */
function accountUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UserError(
      'USAGE',
      `url "${text}": expected the account's address, such as https://ACCOUNT.ladesk.com`,
      {
        parameter: 'url',
        value: text,
      },
    );
  }
  url.pathname = `${url.pathname.replace(/\/api\/v3\/?$/, '').replace(/\/?$/, '')}/`;
  url.search = '';
  return url;
}

/** The API's filter for records created in the range (in UTC): `date_created` from `from` to before the day after `to`. */
export function createdIn(range: DayRange): string {
  return JSON.stringify([
    ['date_created', 'D>=', `${range.from} 00:00:00`],
    ['date_created', 'D<', `${dayAfter(range.to)} 00:00:00`],
  ]);
}

export function dayAfter(day: string): string {
  const next = new Date(`${day}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}
