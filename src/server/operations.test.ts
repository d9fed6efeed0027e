import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planBaseline } from '../app/plan-baseline.js';
import { planRun } from '../app/plan-run.js';
import { report } from '../app/report.js';
import { simulatePlan } from '../app/simulate.js';
import { workspaceStatus } from '../app/status.js';
import { createDemoWorkspace } from '../demo/demo-workspace.js';
import { type TestServer, testServer } from './testing.js';

/**
 * The operations phase 2 put under /api/v1: status, plans, simulate and every report option. The
 * library's answers for the same requests are computed first, on the workspace before the server
 * owns it; the API must answer exactly those (it is the same use case, reached over HTTP).
 */
let dir: string;
let server: TestServer;
const library: Record<string, unknown> = {};
const SCENARIO = {
  levers: { ivr: { containment: 0.1, project_cost: '3600', amortise_months: 12 }, wages: { change: 0.02 } },
  constraints: { service_level: 'baseline' },
};
const RANGE = { from: '2026-08', to: '2026-10' };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'percontact-operations-'));
  const ws = await createDemoWorkspace({
    dir: join(dir, 'demo'),
    seed: 7,
    months: 3,
    endMonth: '2026-10',
    scale: 0.05,
  });
  library.status = await workspaceStatus(ws, { from: '2026-09' });
  library.trend = await report(ws, { period: 'month', to: '2026-10', trend: 3 });
  library.german = await report(ws, { ...RANGE, locale: 'de-DE' });
  library.prorated = await report(ws, { from: '2026-08-10', to: '2026-10', prorateToContacts: true });
  library.baseline = await planBaseline(ws, RANGE);
  library.plan = await planRun(ws, { ...RANGE, scenario: SCENARIO });
  library.simulate = await simulatePlan(undefined, {
    calls: 100,
    aht: 180,
    patience: 300,
    agents: 13,
    replications: 4,
  });
  await ws.close();
  server = await testServer(join(dir, 'demo'), { rateLimitPerMinute: 10_000 });
}, 120_000);
afterAll(async () => {
  await server.stop();
  await rm(dir, { recursive: true, force: true });
});

const get = (url: string, role: 'viewer' | 'analyst' | 'admin' = 'viewer') =>
  server.app.inject({ url, headers: server.as(role) });
const post = (url: string, payload: object, role: 'viewer' | 'analyst' | 'admin' = 'analyst') =>
  server.app.inject({ method: 'POST', url, payload, headers: server.as(role) });

describe('status', () => {
  it('answers the coverage map as the library computes it; a bad month is a 400 at /from', async () => {
    const res = await get('/api/v1/status?from=2026-09');
    expect(res.statusCode).toBe(200);
    // The library's view, with the workspace named by its folder's name (the API shows no server paths).
    expect(res.json()).toEqual({ ...(library.status as object), workspace: 'demo' });
    const bad = (await get('/api/v1/status?from=2026-13')).json().error;
    expect(bad).toMatchObject({ status: 400, pointer: '/from' });
  });
});

describe('every report option', () => {
  it('trend, prorateToContacts and locale (the notes in German)', async () => {
    expect((await get('/api/v1/report?period=month&to=2026-10&trend=3')).json()).toEqual(library.trend);
    const german = (await get('/api/v1/report?from=2026-08&to=2026-10&locale=de-DE')).json();
    expect(german).toEqual(library.german);
    const english = (await get('/api/v1/report?from=2026-08&to=2026-10')).json();
    // The same notes (codes and values), worded in each language.
    expect(german.notes.map((n: { code: string }) => n.code)).toEqual(
      english.notes.map((n: { code: string }) => n.code),
    );
    expect(german.notes.map((n: { text: string }) => n.text)).not.toEqual(
      english.notes.map((n: { text: string }) => n.text),
    );
    const prorated = await get('/api/v1/report?from=2026-08-10&to=2026-10&prorateToContacts=true');
    expect(prorated.json()).toEqual(library.prorated);
  });

  it('answers the other formats the CLI prints, with their content types', async () => {
    const csv = await get('/api/v1/report?from=2026-08&to=2026-10&by=channel&format=csv');
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.body.split('\r\n')[0]).toMatch(/^period,channel,/);
    const pdf = await get('/api/v1/report?from=2026-08&to=2026-10&format=pdf');
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
    const table = await get('/api/v1/report?to=2026-10&trend=3&format=table&locale=de-DE');
    expect(table.body).toContain('Kosten je Kontakt nach Kanal');
  });

  it('refuses what does not go together, naming the parameter', async () => {
    const trendFrom = (await get('/api/v1/report?from=2026-08&trend=3')).json().error;
    expect(trendFrom).toMatchObject({ status: 400, pointer: '/from' });
    const csvTrend = (await get('/api/v1/report?trend=3&format=csv')).json().error;
    expect(csvTrend).toMatchObject({ status: 400, pointer: '/format' });
    const docx = (await get('/api/v1/report?format=docx')).json().error;
    expect(docx).toMatchObject({ status: 400, pointer: '/format' });
    expect(docx.message).toContain('json, table, csv, html, xlsx or pdf');
    expect((await get('/api/v1/report?locale=fr-FR')).json().error.pointer).toBe('/locale');
  });
});

describe('plans', () => {
  it('plan baseline of a range: the library view, or its YAML with format=yaml; analysts only', async () => {
    const url = '/api/v1/plan/baseline?from=2026-08&to=2026-10';
    expect((await get(url, 'analyst')).json()).toEqual(JSON.parse(JSON.stringify(library.baseline)));
    const yaml = await get(`${url}&format=yaml`, 'analyst');
    expect(yaml.headers['content-type']).toMatch(/^application\/yaml/);
    expect(yaml.body).toBe((library.baseline as { yaml: string }).yaml);
    expect((await get(url, 'viewer')).statusCode).toBe(403);
  });

  it('plan run takes the scenario as JSON, against the range or an uploaded baseline', async () => {
    const fromRange = await post('/api/v1/plan/run', { ...RANGE, scenario: SCENARIO });
    expect(fromRange.statusCode).toBe(200);
    expect(fromRange.json()).toEqual(JSON.parse(JSON.stringify(library.plan)));
    const baseline = (library.baseline as { yaml: string }).yaml;
    const fromFile = await post('/api/v1/plan/run', { baseline, scenario: SCENARIO });
    expect(fromFile.json()).toEqual(fromRange.json());
    // The scenario as YAML text is the same scenario.
    const asYaml = await post('/api/v1/plan/run', {
      ...RANGE,
      scenario:
        'levers:\n  ivr: { containment: 0.1, project_cost: "3600", amortise_months: 12 }\n  wages: { change: 0.02 }\nconstraints: { service_level: baseline }\n',
    });
    expect(asYaml.json()).toEqual(fromRange.json());
    expect((await post('/api/v1/plan/run', { scenario: SCENARIO }, 'viewer')).statusCode).toBe(403);
  });

  it('names a bad lever by its JSON pointer inside the body', async () => {
    const bad = await post('/api/v1/plan/run', {
      ...RANGE,
      scenario: { levers: { ivr: { containment: 1.5 } } },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error).toMatchObject({
      pointer: '/scenario/levers/ivr/containment',
      location: { value: '1.5' },
    });
    const both = await post('/api/v1/plan/run', {
      from: '2026-08',
      baseline: (library.baseline as { yaml: string }).yaml,
      scenario: SCENARIO,
    });
    expect([both.statusCode, both.json().error.pointer]).toEqual([400, '/from']);
    const missing = await post('/api/v1/plan/run', RANGE);
    expect([missing.statusCode, missing.json().error.pointer]).toEqual([400, '/scenario']);
  });

  it('plan optimise evaluates every combination of the ranges', async () => {
    const res = await post('/api/v1/plan/optimise', {
      ...RANGE,
      levers: {
        levers: { ivr: { containment: { from: 0, to: 0.2, step: 0.1 } } },
        constraints: { service_level: 'baseline' },
      },
    });
    expect(res.statusCode).toBe(200);
    // containment 0, 0.1 and 0.2.
    expect(res.json().evaluated).toBe(3);
  });
});

describe('simulate', () => {
  it('answers the seeded simulation the library gives; analysts only; 400 at /replications', async () => {
    const url = '/api/v1/simulate?calls=100&aht=180&patience=300&agents=13&replications=4';
    expect((await get(url, 'analyst')).json()).toEqual(library.simulate);
    expect((await get(url, 'viewer')).statusCode).toBe(403);
    const one = (await get('/api/v1/simulate?calls=100&aht=180&replications=1', 'analyst')).json().error;
    expect(one).toMatchObject({ status: 400, pointer: '/replications' });
  });
});

describe('the OpenAPI document', () => {
  it('lists every operation, with format where an operation renders other outputs', async () => {
    const doc = (await server.app.inject({ url: '/api/v1/openapi.json' })).json();
    for (const path of [
      '/api/v1/status',
      '/api/v1/imports',
      '/api/v1/plan/run',
      '/api/v1/simulate',
      '/api/v1/pull/liveagent',
    ])
      expect(Object.keys(doc.paths)).toContain(path);
    expect(doc.paths['/api/v1/imports'].delete ?? doc.paths['/api/v1/imports/{id}'].delete).toBeDefined();
    const formats = doc.paths['/api/v1/report'].get.parameters.find(
      (p: { name: string }) => p.name === 'format',
    );
    expect(formats.schema.enum).toEqual(['json', 'table', 'csv', 'html', 'xlsx', 'pdf']);
  });
});
