import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smallWorkspace } from '../app/testing.js';
import { createDemoWorkspace } from '../demo/demo-workspace.js';
import { resolveDefinitions } from '../metrics/definitions.js';
import { explain } from '../metrics/explain.js';
import { explainView } from '../report/explain-render.js';
import { renderReport } from '../report/render.js';
import { buildServer } from './server.js';
import { type TestServer, testServer } from './testing.js';
import { WorkspaceHost } from './workspace-host.js';

let dir: string;
let ws: string;
let server: TestServer;
const expected: Record<string, unknown> = {};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'percontact-server-'));
  ws = join(dir, 'demo');
  const demo = await createDemoWorkspace({ dir: ws, seed: 5, months: 4, endMonth: '2026-04', scale: 0.03 });
  // The library's answers, computed before the server owns the workspace.
  const options = { granularity: 'month' as const, from: '2026-02', to: '2026-04', by: ['channel' as const] };
  expected.report = JSON.parse(await renderReport(demo, options, 'json'));
  expected.compared = JSON.parse(
    await renderReport(demo, { ...options, by: ['channel', 'team'], detail: 'full' }, 'json', {
      compare: 'previous',
    }),
  );
  const definitions = resolveDefinitions(demo.config);
  expected.explain = explainView(
    await explain(demo.engine, definitions, { period: '2026-03', segment: { channel: 'voice' } }),
    'costPerContact',
  );
  await demo.close();
  server = await testServer(ws, { rateLimitPerMinute: 10_000 });
});
afterAll(async () => {
  await server.stop();
  await rm(dir, { recursive: true, force: true });
});

const get = (url: string, role: 'viewer' | 'analyst' | 'admin' | null = 'viewer', headers = {}) =>
  server.app.inject({ url, headers: { ...(role ? server.as(role) : {}), ...headers } });

describe('reads', () => {
  it('the report endpoint answers the library report for the same parameters', async () => {
    const res = await get('/api/v1/report?period=month&from=2026-02&to=2026-04&by=channel');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.json()).toEqual(expected.report);
    const compared = await get(
      '/api/v1/report?from=2026-02&to=2026-04&by=channel&by=team&detail=full&compare=previous',
    );
    expect(compared.json()).toEqual(expected.compared);
  });

  it('explain, drivers, benchmarks, config, staff and costs answer', async () => {
    expect((await get('/api/v1/explain?period=2026-03&channel=voice')).json()).toEqual(expected.explain);
    const drivers = await get('/api/v1/drivers?from=2026-02&to=2026-03');
    expect(drivers.statusCode).toBe(200);
    expect(drivers.json()).toHaveProperty('bridge');
    expect((await get('/api/v1/benchmarks')).json().benchmarks.length).toBeGreaterThan(3);
    expect((await get('/api/v1/config')).json().config.timezone).toBe('Europe/Berlin');
    // Erlang C, 100 calls in 30 min, AHT 180 s: 14 agents reach 80 % within 20 s (../shared/reference/erlang.json, case 1).
    const staff = (await get('/api/v1/staff?calls=100&aht=180&sl=0.8')).json();
    expect(staff.agents).toBe(14);
    const csv = 'interval_start,calls,aht_seconds\n2026-03-02 08:00,100,180\n';
    const posted = await server.app.inject({
      method: 'POST',
      url: '/api/v1/staff',
      headers: server.as('viewer'),
      payload: { intervals: csv, sl: 0.8 },
    });
    expect(posted.json().intervals[0].agents).toBe(14);
    const costs = (await get('/api/v1/costs?limit=5')).json();
    expect(costs.costLines).toHaveLength(5);
    expect(costs.total).toBeGreaterThan(5);
    const one = await get(`/api/v1/costs/${encodeURIComponent(costs.costLines[0].id)}`);
    expect(one.json()).toEqual(costs.costLines[0]);
  });

  it('answers a repeated read from the cache and 304 for its ETag until a write changes the data', async () => {
    const url = '/api/v1/report?from=2026-03&to=2026-03';
    const first = await get(url);
    const etag = first.headers.etag as string;
    expect((await get(url)).headers.etag).toBe(etag);
    expect((await get(url, 'viewer', { 'if-none-match': etag })).statusCode).toBe(304);
    const before = Number(first.json().totals.cost);
    const add = await server.app.inject({
      method: 'POST',
      url: '/api/v1/costs',
      headers: server.as('analyst'),
      payload: { id: 'cache-check', category: 'facilities', amount: '1000.00', period: '2026-03' },
    });
    expect(add.statusCode).toBe(201);
    const after = await get(url, 'viewer', { 'if-none-match': etag });
    expect(after.statusCode).toBe(200);
    expect(after.headers['x-data-version']).not.toBe(first.headers['x-data-version']);
    // A March-only shared line adds its whole amount to March.
    expect(Number(after.json().totals.cost)).toBeCloseTo(before + 1000, 2);
    await server.app.inject({
      method: 'DELETE',
      url: '/api/v1/costs/cache-check',
      headers: server.as('analyst'),
    });
    expect(Number((await get(url)).json().totals.cost)).toBeCloseTo(before, 2);
  });
});

describe('validation and errors', () => {
  it('400 with each parameter as a JSON pointer and its reason', async () => {
    const res = await get('/api/v1/report?period=fortnight&by=channel,colour&perod=x');
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error).toMatchObject({ code: 'USAGE', parameter: 'period', pointer: '/period' });
    expect(error.issues.map((i: { pointer: string }) => i.pointer)).toEqual(['/period', '/by/1', '/perod']);
    expect(error.issues[0].reason).toBe('use day, week, month, quarter or year');
    expect(JSON.stringify(error)).not.toMatch(/--|stack|at .*\.ts/);
  });

  it('names numbers and periods the way the request does', async () => {
    expect((await get('/api/v1/staff?calls=many&aht=180')).json().error.pointer).toBe('/calls');
    expect((await get('/api/v1/report?from=2026-13')).json().error.pointer).toBe('/from');
    const reversed = (await get('/api/v1/report?from=2026-04&to=2026-02')).json().error;
    expect(reversed.pointer).toBe('/to');
  });

  it('400 for malformed JSON, 415 for other media types, 404 for unknown ids and endpoints', async () => {
    const bad = await server.app.inject({
      method: 'POST',
      url: '/api/v1/costs',
      headers: { ...server.as('analyst'), 'content-type': 'application/json' },
      payload: '{"amount": ',
    });
    expect([bad.statusCode, bad.json().error.code]).toEqual([400, 'MALFORMED_BODY']);
    const text = await server.app.inject({
      method: 'POST',
      url: '/api/v1/costs',
      headers: { ...server.as('analyst'), 'content-type': 'text/plain' },
      payload: 'amount=1',
    });
    expect(text.statusCode).toBe(415);
    expect((await get('/api/v1/costs/nope')).statusCode).toBe(404);
    expect((await get('/api/v1/nothing')).json().error.code).toBe('NOT_FOUND');
  });

  it('422 naming currency for a cost line no rate converts; the reports of its month still answer', async () => {
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/v1/costs',
      headers: server.as('analyst'),
      payload: { id: 'yen', category: 'technology', amount: '1000', currency: 'JPY', period: '2026-03' },
    });
    expect([res.statusCode, res.json().error.pointer]).toEqual([422, '/currency']);
    expect(res.json().error.message).toMatch(/no JPY rate on or before 2026-03-01/);
    expect((await get('/api/v1/costs/yen')).statusCode).toBe(404);
    expect((await get('/api/v1/report?from=2026-03&to=2026-03')).statusCode).toBe(200);
  });

  it('treats SQL-like dimension values as data: no match, no error, nothing changed', async () => {
    const res = await get(
      `/api/v1/explain?period=2026-03&channel=voice&queue=${encodeURIComponent("voice' OR 1=1 --")}`,
    );
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toContain("voice' OR 1=1 --");
    const nul = await get(`/api/v1/explain?period=2026-03&queue=${encodeURIComponent('a\u0000b')}`);
    expect([nul.statusCode, nul.json().error.pointer]).toEqual([400, '/queue']);
    expect((await get('/api/v1/report?from=2026-02&to=2026-04&by=channel')).json()).toEqual(expected.report);
  });
});

describe('auth', () => {
  it('401 without a token and with a wrong one; 403 for a role too low', async () => {
    const none = await get('/api/v1/report', null);
    expect([none.statusCode, none.json().error.code]).toEqual([401, 'UNAUTHORIZED']);
    expect(none.headers['www-authenticate']).toMatch(/^Bearer/);
    const viewer = server.tokens.viewer;
    const wrongSecret = `${viewer.slice(0, -4)}${viewer.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`;
    for (const header of [
      `Bearer ${wrongSecret}`,
      'Bearer pct_000000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      'Basic abc',
      'Bearer',
    ]) {
      const res = await server.app.inject({ url: '/api/v1/report', headers: { authorization: header } });
      expect([header, res.statusCode]).toEqual([header, 401]);
    }
    const forbidden = await server.app.inject({
      method: 'POST',
      url: '/api/v1/costs',
      headers: server.as('viewer'),
      payload: {},
    });
    expect([forbidden.statusCode, forbidden.json().error.code]).toEqual([403, 'FORBIDDEN']);
    expect((await get('/api/v1/tokens', 'analyst')).statusCode).toBe(403);
    expect((await get('/api/v1/audit', 'viewer')).statusCode).toBe(403);
    expect((await get('/api/v1/me', 'analyst')).json()).toMatchObject({
      name: 'analyst-token',
      role: 'analyst',
    });
  });

  it('admins create and revoke tokens; a revoked token stops working at once', async () => {
    const created = await server.app.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      headers: server.as('admin'),
      payload: { role: 'viewer', name: 'temp' },
    });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json();
    const auth = { authorization: `Bearer ${token}` };
    expect((await server.app.inject({ url: '/api/v1/me', headers: auth })).statusCode).toBe(200);
    const listed = (await get('/api/v1/tokens', 'admin')).json().tokens;
    expect(listed.map((t: { id: string }) => t.id)).toContain(id);
    expect(JSON.stringify(listed)).not.toMatch(/scrypt|hash/);
    expect(
      (
        await server.app.inject({
          method: 'DELETE',
          url: `/api/v1/tokens/${id}`,
          headers: server.as('admin'),
        })
      ).statusCode,
    ).toBe(200);
    expect((await server.app.inject({ url: '/api/v1/me', headers: auth })).statusCode).toBe(401);
    const audit = (await get('/api/v1/audit?action=token.revoke', 'admin')).json();
    expect(audit.entries[0]).toMatchObject({
      action: 'token.revoke',
      target: id,
      actor: 'admin-token',
      actorRole: 'admin',
    });
  });

  it('without a token only loopback requests to a --local server are served', async () => {
    const { dir: other, workspace } = await smallWorkspace();
    const folder = workspace.dir;
    await workspace.close();
    const host = await WorkspaceHost.open(folder);
    const local = await buildServer(host, { local: true });
    const closed = await buildServer(host, {});
    try {
      const loopback = await local.app.inject({ url: '/api/v1/me' });
      expect([loopback.statusCode, loopback.json().role]).toEqual([200, 'admin']);
      const lan = await local.app.inject({ url: '/api/v1/me', remoteAddress: '192.168.1.20' });
      expect(lan.statusCode).toBe(401);
      const notLocal = await closed.app.inject({ url: '/api/v1/me' });
      expect([notLocal.statusCode, notLocal.json().error.message]).toEqual([
        401,
        expect.stringContaining('this server has no tokens yet'),
      ]);
      // The CLI adds its commands to a 401 (cli/remote.ts); the API's message names none.
      expect(notLocal.json().error.message).not.toMatch(/percontact|--/);
    } finally {
      await local.close();
      await closed.close();
      await host.close();
      await rm(other, { recursive: true, force: true });
    }
  });
});

describe('costs over HTTP', () => {
  it('add, edit, remove with validation and audit; totals before and after', async () => {
    const analyst = server.as('analyst');
    const bad = await server.app.inject({
      method: 'POST',
      url: '/api/v1/costs',
      headers: analyst,
      payload: { category: 'snacks', amount: 12.5, period: '2026-03' },
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.issues.map((i: { pointer: string }) => i.pointer)
        .sort(),
    ).toEqual(['/amount', '/category']);
    const add = await server.app.inject({
      method: 'POST',
      url: '/api/v1/costs',
      headers: analyst,
      payload: {
        id: 'http-1',
        category: 'telephony',
        amount: '250.00',
        periodStart: '2026-03-01',
        periodEnd: '2026-04-01',
        channel: 'voice',
      },
    });
    expect(add.json()).toMatchObject({ id: 'http-1', currency: 'EUR', channel: 'voice', importId: null });
    const edit = await server.app.inject({
      method: 'PATCH',
      url: '/api/v1/costs/http-1',
      headers: analyst,
      payload: { amount: '300.00' },
    });
    expect(edit.json().amount).toBe('300.00');
    const badEdit = await server.app.inject({
      method: 'PATCH',
      url: '/api/v1/costs/http-1',
      headers: analyst,
      payload: { periodEnd: '2026-02-01' },
    });
    expect([badEdit.statusCode, badEdit.json().error.pointer]).toEqual([400, '/periodEnd']);
    const removed = await server.app.inject({
      method: 'DELETE',
      url: '/api/v1/costs/http-1',
      headers: analyst,
    });
    expect(removed.json().amount).toBe('300.00');
    const audit = (await get('/api/v1/audit?limit=3', 'analyst')).json().entries;
    expect(audit.map((e: { action: string }) => e.action)).toEqual(['cost.remove', 'cost.edit', 'cost.add']);
    const [rm, , added] = audit;
    expect(Number(added.totalsAfter.cost.EUR) - Number(added.totalsBefore.cost.EUR)).toBeCloseTo(250, 2);
    expect(Number(rm.totalsBefore.cost.EUR) - Number(rm.totalsAfter.cost.EUR)).toBeCloseTo(300, 2);
    expect(added.actor).toBe('analyst-token');
  });
});

describe('the API describes itself', () => {
  it('serves an OpenAPI 3.1 document built from the request schemas, and an offline docs page', async () => {
    const doc = (await get('/api/v1/openapi.json', null)).json();
    expect(doc.openapi).toBe('3.1.0');
    const report = doc.paths['/api/v1/report'].get;
    const period = report.parameters.find((p: { name: string }) => p.name === 'period');
    expect(period.schema.enum).toEqual(['day', 'week', 'month', 'quarter', 'year']);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/costs/{id}', '/api/v1/imports', '/api/v1/jobs/{id}/events']),
    );
    const page = await get('/api/v1/docs', null);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('/api/v1/report');
    expect(page.body).not.toMatch(/<script|https?:\/\/(?!json-schema)/);
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('health and readiness without a token; security headers everywhere; no CORS by default', async () => {
    expect((await get('/healthz', null)).json()).toEqual({ status: 'ok' });
    const ready = await get('/readyz', null);
    expect(ready.json()).toMatchObject({ status: 'ready', writing: null });
    const res = await get('/api/v1/report?from=2026-03&to=2026-03', 'viewer', {
      origin: 'https://evil.example',
    });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });
});
