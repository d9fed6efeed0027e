import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smallWorkspace } from '../app/testing.js';
import { type FakeLiveAgent, fakeLiveAgent } from '../test-support/fake-liveagent.js';
import type { JobView } from './jobs.js';
import { type TestServer, testServer } from './testing.js';

const KEY = 'la-server-key-55x1';
/** One answered inbound call and one e-mail ticket in March 2026, in LiveAgent's API v3 shapes. */
const CALLS = [
  {
    id: 'c1',
    ticket_id: 't-c1',
    type: 'I',
    from_number: '+4930111',
    to_number: '101',
    date_created: '2026-03-02 08:00:00',
    date_answered: '2026-03-02 08:00:20',
    date_finished: '2026-03-02 08:04:20',
  },
];
const TICKETS = [
  {
    id: 't1',
    owner_contactid: 'k1',
    departmentid: 'support',
    agentid: 'eva',
    status: 'R',
    tags: [],
    code: 'T1',
    channel_type: 'E',
    date_created: '2026-03-02 07:00:00',
    date_resolved: null,
    subject: 'Frage',
  },
];

let liveagent: FakeLiveAgent;
let server: TestServer;
let unconfigured: TestServer;

beforeAll(async () => {
  liveagent = await fakeLiveAgent(KEY, { calls: CALLS, tickets: TICKETS });
  const small = await smallWorkspace();
  await small.workspace.close();
  server = await testServer(small.workspace.dir, {
    liveAgent: { url: liveagent.url, apiKey: KEY },
    remove: small.dir,
  });
  const other = await smallWorkspace();
  await other.workspace.close();
  unconfigured = await testServer(other.workspace.dir, { remove: other.dir });
});
afterAll(async () => {
  await server.stop();
  await unconfigured.stop();
  await liveagent.close();
});

const pull = (s: TestServer, payload: object, role: 'viewer' | 'analyst' = 'analyst') =>
  s.app.inject({ method: 'POST', url: '/api/v1/pull/liveagent', payload, headers: s.as(role) });

async function finished(s: TestServer, id: string): Promise<JobView> {
  for (;;) {
    const job = s.context.jobs.get(id);
    if (job && ['succeeded', 'failed'].includes(job.status)) return job;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('pull liveagent over HTTP', () => {
  it("pulls from the server's own account as a job: both records imported, audited, the key never sent back", async () => {
    const accepted = await pull(server, { from: '2026-03-01', to: '2026-03-31' });
    expect(accepted.statusCode).toBe(202);
    const job = await finished(server, accepted.json().id);
    expect(job.status).toBe('succeeded');
    const result = job.result as { calls: { fetched: number }; tickets: { fetched: number }; folder: string };
    expect([result.calls.fetched, result.tickets.fetched]).toEqual([1, 1]);
    // The folder by its name, not the server's path.
    expect(result.folder).toMatch(/^liveagent-/);
    expect(liveagent.requests.every((r) => r.apikey === KEY)).toBe(true);
    expect(JSON.stringify(job)).not.toContain(KEY);
    const [entry] = (await server.app.inject({ url: '/api/v1/audit', headers: server.as('analyst') })).json()
      .entries;
    // smallWorkspace holds 5 contacts; the call and the ticket make 7.
    expect(entry).toMatchObject({ action: 'import', target: 'liveagent 2026-03-01 to 2026-03-31' });
    expect([entry.totalsBefore.contacts, entry.totalsAfter.contacts]).toEqual([5, 7]);
  });

  it('refuses a key or address in the request, a viewer, and a server without an account', async () => {
    const keyed = await pull(server, { from: '2026-03-01', to: '2026-03-31', apiKey: 'x' });
    expect([keyed.statusCode, keyed.json().error.pointer]).toEqual([400, '/apiKey']);
    const url = await pull(server, { from: '2026-03-01', to: '2026-03-31', url: 'http://evil.example' });
    expect([url.statusCode, url.json().error.pointer]).toEqual([400, '/url']);
    expect((await pull(server, { from: '2026-03-01', to: '2026-03-31' }, 'viewer')).statusCode).toBe(403);
    const none = await pull(unconfigured, { from: '2026-03-01', to: '2026-03-31' });
    expect([none.statusCode, none.json().error.code]).toEqual([503, 'CONFIG_INVALID']);
  });
});
