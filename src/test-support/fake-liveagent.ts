import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiRecord } from '../sources/liveagent/client.js';

/**
 * Test support: a local stand-in for LiveAgent's API v3, serving `GET /api/v3/calls` (cursor
 * paging: `_cursor`, the `next_page_cursor` header, a base64 JSON of the last id as LiveAgent
 * documents it) and `GET /api/v3/tickets` (`_page` / `_perPage`) from given records, with the
 * `apikey` header checked. `answer` can replace any answer (rate limits, failures, a dropped
 * connection) by the request's number per path.
 */
export interface FakeLiveAgent {
  url: string;
  /** Requests seen, in order: path, query and the key header it carried. */
  requests: {
    path: string;
    query: URLSearchParams;
    apikey: string | undefined;
    offset: string | undefined;
  }[];
  close(): Promise<void>;
}

export type Interfere = (
  path: string,
  nth: number,
  res: ServerResponse,
  req: IncomingMessage,
) => 'handled' | undefined;

export async function fakeLiveAgent(
  key: string,
  data: { calls: ApiRecord[]; tickets: ApiRecord[] },
  interfere: Interfere = () => undefined,
): Promise<FakeLiveAgent> {
  const requests: FakeLiveAgent['requests'] = [];
  const counts = new Map<string, number>();
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const apikey = req.headers.apikey as string | undefined;
    const offset = req.headers['timezone-offset'] as string | undefined;
    requests.push({ path: url.pathname, query: url.searchParams, apikey, offset });
    const nth = (counts.get(url.pathname) ?? 0) + 1;
    counts.set(url.pathname, nth);
    if (interfere(url.pathname, nth, res, req) === 'handled') return;
    if (apikey !== key) return json(res, 401, { message: 'Unauthorized' });
    const perPage = Number(url.searchParams.get('_perPage') ?? 10);
    const filters = JSON.parse(url.searchParams.get('_filters') ?? '[]') as [string, string, string][];
    const created = (r: ApiRecord) =>
      filters.every(([, op, value]) =>
        op === 'D>=' ? String(r.date_created) >= value : String(r.date_created) < value,
      );
    if (url.pathname === '/api/v3/calls') {
      const cursor = url.searchParams.get('_cursor');
      const after = cursor
        ? (JSON.parse(Buffer.from(cursor, 'base64').toString()) as { id: string }).id
        : null;
      const rest = data.calls.filter(created).filter((c) => after === null || String(c.id) > after);
      const page = rest.slice(0, perPage);
      const last = page[page.length - 1];
      const headers: Record<string, string> =
        rest.length > perPage && last
          ? { next_page_cursor: Buffer.from(JSON.stringify({ id: String(last.id) })).toString('base64') }
          : {};
      return json(res, 200, page, headers);
    }
    if (url.pathname === '/api/v3/tickets') {
      const page = Number(url.searchParams.get('_page') ?? 1);
      return json(res, 200, data.tickets.filter(created).slice((page - 1) * perPage, page * perPage));
    }
    json(res, 404, { message: 'Not found' });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

export function json(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}
