import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { captureIo } from '../cli/io.js';
import { run } from '../cli/main.js';
import { isUserError } from '../errors.js';
import { type TestWorkspace, testWorkspace } from '../ingest/testing.js';
import type { RetryPolicy } from '../sources/http.js';
import { type FakeLiveAgent, fakeLiveAgent, json } from '../test-support/fake-liveagent.js';
import { pullLiveAgent } from './pull.js';
import { TEST_ACTOR } from './testing.js';

const KEY = 'la-test-key-0865evv883j6';

/** Five calls and four tickets in LiveAgent's API v3 shapes (GET /calls, GET /tickets), UTC times. */
const call = (id: string, created: string, answered: string | null, finished: string, type = 'I') => ({
  id,
  ticket_id: `t-${id}`,
  type,
  from_number: '+4930111',
  from_name: null,
  to_number: '101',
  to_name: 'Eva',
  via_number: '+4930999',
  date_created: created,
  date_answered: answered,
  date_finished: finished,
  call_duration: null,
});
const CALLS = [
  call('c1', '2026-03-02 08:00:00', '2026-03-02 08:00:20', '2026-03-02 08:04:20'),
  call('c2', '2026-03-02 08:10:00', null, '2026-03-02 08:11:00'),
  call('c3', '2026-03-03 09:00:00', '2026-03-03 09:00:05', '2026-03-03 09:02:05', 'O'),
  call('c4', '2026-03-04 10:00:00', '2026-03-04 10:00:10', '2026-03-04 10:01:10'),
  call('c5', '2026-03-31 23:59:00', '2026-03-31 23:59:30', '2026-04-01 00:09:30'),
  // Created after the range: the API's filter leaves it out.
  call('c6', '2026-04-01 00:00:00', '2026-04-01 00:00:10', '2026-04-01 00:01:10'),
];
const ticket = (id: string, status: string, channel: string, created: string) => ({
  id,
  owner_contactid: 'k1',
  departmentid: 'support',
  agentid: 'eva',
  status,
  tags: [],
  code: id.toUpperCase(),
  channel_type: channel,
  date_created: created,
  date_resolved: null,
  subject: 'Frage',
});
const TICKETS = [
  ticket('t1', 'R', 'E', '2026-03-02 07:00:00'),
  ticket('t2', 'A', 'B', '2026-03-05 12:00:00'),
  // The ticket of call c1: the call stands for it.
  ticket('t-c1', 'R', 'C', '2026-03-02 08:00:00'),
  ticket('t4', 'X', 'E', '2026-03-06 12:00:00'),
];

/** No real waiting in tests; the waits asked for are recorded. */
function quickRetry(waits: number[] = []): RetryPolicy {
  return { attempts: 4, baseDelayMs: 100, maxDelayMs: 5000, sleep: async (ms) => void waits.push(ms) };
}

describe('pull liveagent (against a local server serving the documented API v3 shapes)', () => {
  let t: TestWorkspace;
  let server: FakeLiveAgent | undefined;
  beforeEach(async () => {
    t = await testWorkspace('EUR', 'Europe/Berlin');
  });
  afterEach(async () => {
    await server?.close();
    server = undefined;
    await t.close();
  });

  const pull = (retry = quickRetry()) =>
    pullLiveAgent(
      t.ws,
      TEST_ACTOR,
      { from: '2026-03-01', to: '2026-03-31', perPage: 2 },
      { url: server?.url ?? '', apiKey: KEY, retry },
    );

  it('pages calls by cursor and tickets by page, and imports both; pulling again changes nothing', async () => {
    server = await fakeLiveAgent(KEY, { calls: CALLS, tickets: TICKETS });
    const view = await pull();
    // Five calls in March in pages of 2: 2 + 2 + 1, each page after the first asked for with the
    // cursor the previous answer's next_page_cursor header gave.
    const calls = server.requests.filter((r) => r.path === '/api/v3/calls');
    expect(calls.map((r) => r.query.get('_cursor'))).toEqual([
      null,
      Buffer.from('{"id":"c2"}').toString('base64'),
      Buffer.from('{"id":"c4"}').toString('base64'),
    ]);
    // Four tickets: pages 1 and 2 full, page 3 empty ends it.
    const tickets = server.requests.filter((r) => r.path === '/api/v3/tickets');
    expect(tickets.map((r) => r.query.get('_page'))).toEqual(['1', '2', '3']);
    expect(JSON.parse(tickets[0]?.query.get('_filters') ?? '')).toEqual([
      ['date_created', 'D>=', '2026-03-01 00:00:00'],
      ['date_created', 'D<', '2026-04-01 00:00:00'],
    ]);
    // Every request carried the key and asked for UTC times.
    expect(server.requests.every((r) => r.apikey === KEY && r.offset === '0')).toBe(true);
    expect(view.calls).toMatchObject({ fetched: 5, pages: 3, leftOut: 0 });
    expect(view.tickets).toMatchObject({ fetched: 4, pages: 2, leftOut: 1 });
    expect(view.imports.map((s) => [s.mapping, s.read, s.imported, s.skipped])).toEqual([
      ['preset liveagent-calls', 5, 5, []],
      ['preset liveagent-tickets', 3, 2, [{ reason: 'deleted ticket', rows: 1 }]],
    ]);
    const rows = await t.rows(
      'SELECT id, channel, outcome, wait_seconds, talk_seconds, arrived_at FROM contacts ORDER BY id',
    );
    expect(rows.map((r) => r.id)).toEqual(['c1', 'c2', 'c3', 'c4', 'c5', 't1', 't2']);
    // c1: UTC times as asked: answered 20 s after it came in, talked 4 minutes.
    expect(rows[0]).toEqual({
      id: 'c1',
      channel: 'voice',
      outcome: 'handled',
      wait_seconds: 20,
      talk_seconds: 240,
      arrived_at: new Date('2026-03-02T08:00:00Z'),
    });
    expect(rows[1]).toMatchObject({ id: 'c2', outcome: 'abandoned', wait_seconds: 60 });
    const again = await pull();
    expect(again.imports.map((s) => [s.imported, s.duplicates])).toEqual([
      [0, 5],
      [0, 2],
    ]);
    expect(await t.rows('SELECT count(*) AS n FROM contacts')).toEqual([{ n: 7 }]);
  });

  it('waits out rate limits: Retry-After when given, else doubling backoff', async () => {
    server = await fakeLiveAgent(KEY, { calls: CALLS, tickets: TICKETS }, (path, nth, res) => {
      if (path === '/api/v3/calls' && nth === 2) {
        json(res, 429, { message: 'Too many requests' }, { 'retry-after': '3' });
        return 'handled';
      }
      if (path === '/api/v3/tickets' && (nth === 1 || nth === 2)) {
        json(res, 429, { message: 'Too many requests' });
        return 'handled';
      }
      return undefined;
    });
    const waits: number[] = [];
    const view = await pull(quickRetry(waits));
    // 3 s as the answer said, then 100 ms and 200 ms for the two refusals of tickets page 1.
    expect(waits).toEqual([3000, 100, 200]);
    expect(view.imports.map((s) => s.imported)).toEqual([5, 2]);
  });

  it('an interrupted pull imports nothing: calls fetched, then the connection drops for good', async () => {
    server = await fakeLiveAgent(KEY, { calls: CALLS, tickets: TICKETS }, (path, nth, res) => {
      if (path === '/api/v3/tickets' && nth >= 2) {
        res.socket?.destroy();
        return 'handled';
      }
      return undefined;
    });
    const error = await pull().catch((e: unknown) => e);
    expect(isUserError(error) && error.code).toBe('REMOTE');
    expect((error as Error).message).toMatch(
      /^LiveAgent did not answer GET \/api\/v3\/tickets after 4 tries \(last: no answer .*\); nothing was imported$/,
    );
    expect(await t.rows('SELECT count(*) AS n FROM contacts')).toEqual([{ n: 0 }]);
    expect(await t.rows('SELECT count(*) AS n FROM imports')).toEqual([{ n: 0 }]);
    // The partial download is gone too.
    expect(existsSync(join(t.ws.dir, 'pulls')) ? readdirSync(join(t.ws.dir, 'pulls')) : []).toEqual([]);
  });

  it('an invalid record refuses both imports: the calls do not land without the tickets', async () => {
    const broken = [...TICKETS, { ...ticket('t9', 'R', 'E', '2026-03-07 12:00:00'), channel_type: 'Z' }];
    server = await fakeLiveAgent(KEY, { calls: CALLS, tickets: broken });
    const error = await pull().catch((e: unknown) => e);
    expect(isUserError(error) && error.details[0]).toMatch(
      /tickets\.jsonl:4: column "channel_type" value "Z": not one of/,
    );
    expect(await t.rows('SELECT count(*) AS n FROM contacts')).toEqual([{ n: 0 }]);
  });

  it('the CLI reads the key from the named variable and never prints it', async () => {
    server = await fakeLiveAgent(KEY, { calls: CALLS, tickets: TICKETS });
    process.env.PERCONTACT_TEST_LA_KEY = KEY;
    const args = [
      'pull',
      'liveagent',
      '-w',
      t.ws.dir,
      '--url',
      server.url,
      '--from',
      '2026-03-01',
      '--to',
      '2026-03-31',
    ];
    try {
      const ok = await captureIo(() => run([...args, '--api-key-env', 'PERCONTACT_TEST_LA_KEY']));
      expect(ok.result).toBe(0);
      expect(ok.out).toContain('calls    5 fetched in 1 pages');
      expect(ok.out).toContain('imported contacts from');
      expect(ok.out + ok.err).not.toContain(KEY);
      process.env.PERCONTACT_TEST_LA_KEY = 'wrong-key-123';
      const refused = await captureIo(() => run([...args, '--api-key-env', 'PERCONTACT_TEST_LA_KEY']));
      expect(refused.result).toBe(8);
      expect(refused.err).toBe(
        'percontact: LiveAgent refused the API key (HTTP 401 for GET /api/v3/calls)\n',
      );
      const unset = await captureIo(() => run([...args, '--api-key-env', 'PERCONTACT_TEST_NO_SUCH_VAR']));
      expect(unset.result).toBe(2);
      expect(unset.err).toContain('PERCONTACT_TEST_NO_SUCH_VAR: that environment variable is not set');
    } finally {
      delete process.env.PERCONTACT_TEST_LA_KEY;
    }
  });
});
