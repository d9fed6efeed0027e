import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { smallWorkspace } from '../app/testing.js';
import { CONFIG_FILE } from '../workspace/config-file.js';
import { type TestServer, testServer } from './testing.js';

let server: TestServer;
let yamlFile: string;

beforeAll(async () => {
  const { dir, workspace } = await smallWorkspace();
  yamlFile = join(workspace.dir, CONFIG_FILE);
  await workspace.close();
  server = await testServer(workspace.dir, { remove: dir });
});
afterAll(() => server.stop());

const patch = (payload: Record<string, unknown>, role: 'viewer' | 'analyst' | 'admin' = 'admin') =>
  server.app.inject({ method: 'PATCH', url: '/api/v1/config', headers: server.as(role), payload });
const voiceServiceLevel = async () => {
  const res = await server.app.inject({
    url: '/api/v1/report?period=month&from=2026-03&to=2026-03&by=channel',
    headers: server.as('viewer'),
  });
  const voice = res.json().rows.find((r: { channel: string }) => r.channel === 'voice');
  return { level: voice.serviceLevel as number, version: res.headers['x-data-version'] };
};

describe('PATCH /api/v1/config', () => {
  it('is for admins only: 403 for analysts and viewers, and the file stays as it was', async () => {
    const text = await readFile(yamlFile, 'utf8');
    for (const role of ['viewer', 'analyst'] as const) {
      const res = await patch({ serviceLevel: { thresholdSeconds: 60 } }, role);
      expect(res.statusCode).toBe(403);
      expect(res.json().error).toMatchObject({
        code: 'FORBIDDEN',
        message: `this needs the admin role; the token "${role}-token" has the ${role} role`,
      });
    }
    expect(await readFile(yamlFile, 'utf8')).toBe(text);
  });

  it('400 names the bad setting as a JSON pointer', async () => {
    const res0 = await patch({ serviceLevel: { thresholdSeconds: -5 } });
    const negative = res0.json().error;
    expect(negative).toMatchObject({ status: 400, pointer: '/serviceLevel/thresholdSeconds' });
    const res1 = await patch({ serviceLevel: { treshold: 5 } });
    const unknown = res1.json().error;
    expect(unknown).toMatchObject({ status: 400, pointer: '/serviceLevel/treshold' });
    expect((await patch({ store: { engine: 'duckdb' } })).json().error.pointer).toBe('/store');
    expect((await patch({ timezone: 'Nowhere/Land' })).json().error.pointer).toBe('/timezone');
  });

  it('changes percontact.yaml, audits the change and makes reports recompute', async () => {
    // March voice waits 10, 50 and 15 s, all answered: 2 of 3 within 20 s, all 3 within 60 s.
    const before = await voiceServiceLevel();
    expect(before.level).toBeCloseTo(2 / 3, 4);
    expect((await voiceServiceLevel()).version).toBe(before.version);
    const res = await patch({ serviceLevel: { thresholdSeconds: 60 } });
    expect(res.statusCode).toBe(200);
    // Only the setting given changes: the section's other settings stay as the file had them.
    expect(res.json().before).toEqual({ 'serviceLevel.thresholdSeconds': 20 });
    expect(res.json().after).toEqual({ 'serviceLevel.thresholdSeconds': 60 });
    const written = parse(await readFile(yamlFile, 'utf8'));
    expect(written.serviceLevel.thresholdSeconds).toBe(60);
    expect(written.serviceLevel.thresholdByChannel.email).toBe(86400);
    const after = await voiceServiceLevel();
    expect(after.version).not.toBe(before.version);
    expect(after.level).toBe(1);
    const config = await server.app.inject({ url: '/api/v1/config', headers: server.as('viewer') });
    expect(config.json().config.serviceLevel.thresholdSeconds).toBe(60);
    const audit = await server.app.inject({
      url: '/api/v1/audit?action=config.change',
      headers: server.as('analyst'),
    });
    const [entry] = audit.json().entries;
    expect(entry).toMatchObject({
      actor: 'admin-token',
      actorRole: 'admin',
      target: 'serviceLevel.thresholdSeconds',
      details: {
        before: { 'serviceLevel.thresholdSeconds': 20 },
        after: { 'serviceLevel.thresholdSeconds': 60 },
      },
      totalsBefore: { contacts: 5, cost: { EUR: '900.00' } },
      totalsAfter: { contacts: 5, cost: { EUR: '900.00' } },
    });
  });
});
