import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smallWorkspace, TEST_ACTOR } from '../app/testing.js';
import { createToken } from '../app/tokens.js';
import { openWorkspace } from '../workspace/workspace.js';
import { Authenticator } from './auth.js';
import type { ServerOptions } from './context.js';
import { buildServer } from './server.js';
import { WorkspaceHost } from './workspace-host.js';

let dir: string;
let folder: string;
const tokens: string[] = [];

beforeAll(async () => {
  const small = await smallWorkspace();
  dir = small.dir;
  folder = small.workspace.dir;
  for (const name of ['a', 'b'])
    tokens.push((await createToken(small.workspace, TEST_ACTOR, { role: 'viewer', name })).token);
  await small.workspace.close();
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function withServer(
  options: ServerOptions,
  work: (s: Awaited<ReturnType<typeof buildServer>>) => Promise<void>,
) {
  const host = await WorkspaceHost.open(folder);
  const server = await buildServer(host, options);
  try {
    await work(server);
  } finally {
    await server.close();
    await host.close();
  }
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('limits', () => {
  it('rate-limits per token: one token over its limit gets 429, another token does not', async () => {
    await withServer({ rateLimitPerMinute: 3 }, async ({ app }) => {
      const statuses = [];
      for (let i = 0; i < 4; i++)
        statuses.push(
          (await app.inject({ url: '/api/v1/me', headers: bearer(tokens[0] as string) })).statusCode,
        );
      expect(statuses).toEqual([200, 200, 200, 429]);
      const limited = await app.inject({ url: '/api/v1/me', headers: bearer(tokens[0] as string) });
      expect(limited.json().error.code).toBe('RATE_LIMITED');
      expect((await app.inject({ url: '/api/v1/me', headers: bearer(tokens[1] as string) })).statusCode).toBe(
        200,
      );
      expect((await app.inject({ url: '/healthz' })).statusCode).toBe(200);
    });
  });

  it('stops a read that takes longer than the timeout with 503, and keeps serving', async () => {
    await withServer({ readTimeoutMs: 1 }, async ({ app }) => {
      for (let i = 0; i < 3; i++) {
        const res = await app.inject({
          url: '/api/v1/report?by=channel&detail=full',
          headers: bearer(tokens[0] as string),
        });
        expect([res.statusCode, res.json().error.code]).toEqual([503, 'TIMEOUT']);
      }
      expect((await app.inject({ url: '/healthz' })).statusCode).toBe(200);
    });
  });

  it('answers CORS only for the configured origins', async () => {
    await withServer({ corsOrigins: ['https://dash.example'] }, async ({ app }) => {
      const allowed = await app.inject({
        url: '/api/v1/me',
        headers: { ...bearer(tokens[0] as string), origin: 'https://dash.example' },
      });
      expect(allowed.headers['access-control-allow-origin']).toBe('https://dash.example');
      const other = await app.inject({
        url: '/api/v1/me',
        headers: { ...bearer(tokens[0] as string), origin: 'https://evil.example' },
      });
      expect(other.headers['access-control-allow-origin']).toBeUndefined();
    });
  });

  it('answers 429 to an address after many failed authentications', async () => {
    await withServer({}, async ({ app }) => {
      const wrong = { authorization: 'Bearer pct_000000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' };
      const statuses = new Set<number>();
      for (let i = 0; i < 32; i++)
        statuses.add(
          (await app.inject({ url: '/api/v1/me', headers: wrong, remoteAddress: '10.9.9.9' })).statusCode,
        );
      expect([...statuses]).toEqual([401, 429]);
      // Another address is not affected.
      expect(
        (
          await app.inject({
            url: '/api/v1/me',
            headers: bearer(tokens[0] as string),
            remoteAddress: '10.9.9.8',
          })
        ).statusCode,
      ).toBe(200);
    });
  });
});

describe('token checks take the same time whatever is wrong', () => {
  it('an unknown id costs the same scrypt work as a wrong secret of a known id', async () => {
    const host = await WorkspaceHost.open(folder);
    try {
      const auth = new Authenticator(host, false);
      await auth.reload();
      const known = tokens[0] as string;
      const wrongSecret = `${known.slice(0, 17)}${'A'.repeat(43)}`;
      const unknownId = `pct_ffffffffffff_${known.slice(17)}`;
      const time = async (text: string) => {
        const started = process.hrtime.bigint();
        await auth
          .authenticate(`Bearer ${text}`, `10.0.0.${Math.floor(Math.random() * 200)}`)
          .catch(() => undefined);
        return Number(process.hrtime.bigint() - started) / 1e6;
      };
      const median = async (text: string) => {
        const runs = [];
        for (let i = 0; i < 7; i++) runs.push(await time(text));
        return runs.sort((a, b) => a - b)[3] as number;
      };
      await time(wrongSecret);
      const [secret, id] = [await median(wrongSecret), await median(unknownId)];
      // Both run one scrypt (tens of ms); a lookup that skipped it would take microseconds.
      expect(secret).toBeGreaterThan(5);
      expect(id).toBeGreaterThan(5);
      expect(id / secret).toBeGreaterThan(0.5);
      expect(id / secret).toBeLessThan(2);
    } finally {
      await host.close();
    }
  });
});

describe('the workspace owner', () => {
  it('is the only process with the database open', async () => {
    const host = await WorkspaceHost.open(folder);
    try {
      expect(host.dataVersion).toMatch(/^[0-9a-f]{8}-0$/);
      await expect(openWorkspace(folder).then((w) => w.close())).resolves.toBeUndefined();
    } finally {
      await host.close();
    }
  });
});
