import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { smallWorkspace, TEST_ACTOR } from '../app/testing.js';
import { createToken } from '../app/tokens.js';
import { isUserError } from '../errors.js';
import { openWorkspace } from '../workspace/workspace.js';
import type { JobView } from './jobs.js';
import { OWNERSHIP_FILE } from './ownership.js';
import { serve } from './serve.js';
import { multipart } from './testing.js';

let dir: string;
let folder: string;
let token: string;

beforeEach(async () => {
  const small = await smallWorkspace();
  dir = small.dir;
  folder = small.workspace.dir;
  token = (await createToken(small.workspace, TEST_ACTOR, { role: 'analyst', name: 'loader' })).token;
  await small.workspace.close();
});
afterEach(() => rm(dir, { recursive: true, force: true }));

function calls(prefix: string, n: number): string {
  const lines = ['id,channel,direction,arrived_at,handle_seconds,outcome'];
  for (let i = 0; i < n; i++)
    lines.push(`${prefix}${i},voice,inbound,2026-03-0${1 + (i % 9)} 10:00:00,120,handled`);
  return `${lines.join('\n')}\n`;
}

describe('percontact serve', () => {
  it('listens, records its ownership in the workspace folder, and answers over a real socket', async () => {
    const running = await serve({ workspace: folder, host: '127.0.0.1', port: 0 });
    try {
      const owner = JSON.parse(await readFile(join(folder, OWNERSHIP_FILE), 'utf8'));
      expect(owner).toMatchObject({ pid: process.pid, url: running.url });
      const health = await fetch(`${running.url}/healthz`);
      expect(await health.json()).toEqual({ status: 'ok' });
      const me = await fetch(`${running.url}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
      expect(((await me.json()) as { role: string }).role).toBe('analyst');
      const second = await serve({ workspace: folder, host: '127.0.0.1', port: 0 }).catch((e: unknown) => e);
      expect(isUserError(second) && second.message).toMatch(/already serves this workspace/);
    } finally {
      await running.close();
    }
    expect(existsSync(join(folder, OWNERSHIP_FILE))).toBe(false);
  });

  it('refuses --local on an address other than loopback', async () => {
    const error = await serve({ workspace: folder, host: '0.0.0.0', port: 0, local: true }).catch(
      (e: unknown) => e,
    );
    expect(isUserError(error) && error.location?.parameter).toBe('local');
    // Begins with its parameter, so the CLI can show it as --local.
    expect(isUserError(error) && error.message).toMatch(/^local: serves requests without a token/);
  });

  it('on shutdown refuses new requests with 503, lets the running import and requests in flight finish, cancels the queued one', async () => {
    const running = await serve({ workspace: folder, host: '127.0.0.1', port: 0 });
    const submit = async (prefix: string) => {
      const { payload, headers } = multipart([
        { name: 'kind', value: 'contacts' },
        { name: 'source', value: prefix },
        { name: 'file', value: calls(prefix, 60_000), filename: `${prefix}.csv` },
      ]);
      const res = await running.server.app.inject({
        method: 'POST',
        url: '/api/v1/imports',
        payload,
        headers: { ...headers, authorization: `Bearer ${token}` },
      });
      return res.json() as JobView;
    };
    const first = await submit('first');
    const second = await submit('second');
    const jobs = running.server.context.jobs;
    while (jobs.get(first.id)?.status === 'queued') await new Promise((r) => setTimeout(r, 5));
    const auth = { authorization: `Bearer ${token}` };
    // A request in flight when shutdown begins: the running import's event stream, open until it ends.
    const events = await fetch(`${running.url}/api/v1/jobs/${first.id}/events`, { headers: auth });
    // close() refuses new requests from its first step on; asked at once, the import still runs.
    const closed = running.close();
    const late = await fetch(`${running.url}/api/v1/report?from=2026-03&to=2026-03`, { headers: auth });
    const importRanMeanwhile = jobs.get(first.id)?.status === 'running';
    expect([late.status, ((await late.json()) as { error: { code: string } }).error.code]).toEqual([
      503,
      'SHUTTING_DOWN',
    ]);
    expect(late.headers.get('retry-after')).toBe('10');
    expect(late.headers.get('connection')).toBe('close');
    const followed = await fetch(`${running.url}/api/v1/jobs/${first.id}`, { headers: auth });
    expect(followed.status).toBe(200);
    await closed;
    expect(importRanMeanwhile).toBe(true);
    expect(await events.text()).toMatch(/"status":"succeeded"/);
    expect(jobs.get(first.id)?.status).toBe('succeeded');
    expect(jobs.get(second.id)?.status).toBe('cancelled');
    const ws = await openWorkspace(folder);
    try {
      const rows = await ws.engine.query(
        'SELECT source, COUNT(*) AS n FROM contacts GROUP BY source ORDER BY source',
      );
      expect(rows).toEqual([
        { source: 'first', n: 60_000 },
        { source: 'test', n: 5 },
      ]);
    } finally {
      await ws.close();
    }
  });
});
