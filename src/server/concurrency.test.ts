import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smallWorkspace } from '../app/testing.js';
import type { JobView } from './jobs.js';
import { multipart, type TestServer, testServer } from './testing.js';

let server: TestServer;

beforeAll(async () => {
  const small = await smallWorkspace();
  await small.workspace.close();
  // No cache: every read below really reads.
  server = await testServer(small.workspace.dir, {
    cacheEntries: 0,
    rateLimitPerMinute: 100_000,
    remove: small.dir,
  });
});
afterAll(() => server.stop());

/** Handled inbound voice calls in March 2026, one per 10 s from the 2nd, 08:00 UTC. */
function callsCsv(n: number): string {
  const lines = ['id,channel,direction,arrived_at,handle_seconds,outcome'];
  const start = Date.UTC(2026, 2, 2, 8);
  for (let i = 0; i < n; i++) {
    const at = new Date(start + i * 10_000).toISOString().replace('T', ' ').slice(0, 19);
    lines.push(`bulk${i},voice,inbound,${at}Z,${60 + (i % 300)},handled`);
  }
  return `${lines.join('\n')}\n`;
}

const IMPORTED = 150_000;

describe('reads during an import', () => {
  it('50 concurrent reads while an import writes: none fails, each sees all of the import or none of it', async () => {
    // Each client asks for a range of its own (March and 1 to 30 days of April, by channel or team),
    // so that no two of them are answered by one computation.
    const report = (client = 0) =>
      server.app.inject({
        url: `/api/v1/report?period=day&from=2026-03&to=2026-04-${String(1 + (client % 30)).padStart(2, '0')}&by=${client < 30 ? 'channel' : 'team'}`,
        headers: server.as('viewer'),
      });
    const before = Number((await report()).json().totals.contacts);
    // The fixture holds 4 counted contacts in March (see smallWorkspace).
    expect(before).toBe(4);
    const { payload, headers } = multipart([
      { name: 'kind', value: 'contacts' },
      { name: 'source', value: 'bulk' },
      { name: 'file', value: callsCsv(IMPORTED), filename: 'bulk.csv' },
    ]);
    const accepted = await server.app.inject({
      method: 'POST',
      url: '/api/v1/imports',
      payload,
      headers: { ...headers, ...server.as('analyst') },
    });
    const job = accepted.json() as JobView;
    while (server.context.jobs.get(job.id)?.status === 'queued') await new Promise((r) => setTimeout(r, 5));

    // 50 clients read over and over until the import has committed, so reads run before, during and after.
    const finished = () => ['succeeded', 'failed'].includes(server.context.jobs.get(job.id)?.status ?? '');
    const seen: { contacts: number; during: boolean }[] = [];
    const failures: number[] = [];
    const client = async (_: unknown, n: number) => {
      for (let i = 0; i < 200 && !finished(); i++) {
        const during = server.host.busyWith !== undefined;
        const res = await report(n);
        if (res.statusCode !== 200) failures.push(res.statusCode);
        else
          seen.push({
            contacts: Number(res.json().totals.contacts),
            during: during && server.host.busyWith !== undefined,
          });
      }
    };
    await Promise.all(Array.from({ length: 50 }, client));
    expect(server.context.jobs.get(job.id)?.status).toBe('succeeded');

    expect(failures).toEqual([]);
    const counts = new Set(seen.map((s) => s.contacts));
    expect([...counts].sort((a, b) => a - b)).toEqual([before, before + IMPORTED]);
    // Reads ran while the import was writing (it takes seconds on 150,000 rows), not only around it.
    expect(seen.filter((s) => s.during).length).toBeGreaterThanOrEqual(10);
    expect(Number((await report()).json().totals.contacts)).toBe(before + IMPORTED);
  });
});
