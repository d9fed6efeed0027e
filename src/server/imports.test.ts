import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { smallWorkspace } from '../app/testing.js';
import type { JobView } from './jobs.js';
import { multipart, type Part, type TestServer, testServer } from './testing.js';

let dir: string;
let server: TestServer;

beforeEach(async () => {
  const small = await smallWorkspace();
  dir = small.dir;
  await small.workspace.close();
  server = await testServer(small.workspace.dir, { uploadLimitBytes: 64 * 1024, remove: dir });
});
afterEach(() => server.stop());

const HEADER = 'id,channel,direction,arrived_at,handle_seconds,outcome';
const csv = (...rows: string[]) => `${[HEADER, ...rows].join('\n')}\n`;
const GOOD = csv(
  'n1,chat,inbound,2026-03-10 10:00:00,300,handled',
  'n2,chat,inbound,2026-03-11 10:00:00,100,handled',
);

async function upload(parts: Part[], role: 'viewer' | 'analyst' = 'analyst') {
  const { payload, headers } = multipart(parts);
  return server.app.inject({
    method: 'POST',
    url: '/api/v1/imports',
    payload,
    headers: { ...headers, ...server.as(role) },
  });
}

/** Follows the job's server-sent events to the end: every event's name and job. */
async function events(id: string): Promise<{ event: string; job: JobView }[]> {
  const res = await server.app.inject({ url: `/api/v1/jobs/${id}/events`, headers: server.as('analyst') });
  expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
  return res.body
    .trim()
    .split('\n\n')
    .map((block) => {
      const [event, data] = block.split('\n');
      return {
        event: String(event).replace('event: ', ''),
        job: JSON.parse(String(data).replace('data: ', '')),
      };
    });
}

const contacts = async () =>
  Number(
    (await server.app.inject({ url: '/api/v1/report', headers: server.as('viewer') })).json().totals.contacts,
  );
const audit = async () =>
  (await server.app.inject({ url: '/api/v1/audit', headers: server.as('analyst') })).json().entries;

describe('imports over HTTP', () => {
  it('runs an upload as a job, reports progress as events and lands all rows, audited', async () => {
    expect(await contacts()).toBe(5);
    const res = await upload([
      { name: 'kind', value: 'contacts' },
      { name: 'source', value: 'helpdesk' },
      { name: 'file', value: GOOD, filename: 'march.csv' },
    ]);
    expect(res.statusCode).toBe(202);
    const job = res.json() as JobView;
    expect(res.headers.location).toBe(`/api/v1/jobs/${job.id}`);
    const stream = await events(job.id);
    const last = stream.at(-1);
    expect(last?.event).toBe('done');
    expect(last?.job).toMatchObject({
      status: 'succeeded',
      result: { read: 2, imported: 2, rejected: 0, duplicates: 0, files: ['march.csv'] },
    });
    expect(stream.some((e) => e.job.phase === 'writing')).toBe(true);
    // Counted contacts: 5 before; the two handled inbound chats count too.
    expect(await contacts()).toBe(7);
    const [entry] = await audit();
    expect(entry).toMatchObject({ action: 'import', actor: 'analyst-token', target: 'contacts: march.csv' });
    expect([entry.totalsBefore.contacts, entry.totalsAfter.contacts]).toEqual([5, 7]);
    const status = (
      await server.app.inject({ url: `/api/v1/jobs/${job.id}`, headers: server.as('analyst') })
    ).json();
    expect(status.status).toBe('succeeded');
  });

  it('a strict import with a bad row fails as a job with the row located, and writes nothing', async () => {
    const bad = csv(
      'b1,chat,inbound,2026-03-10 10:00:00,300,handled',
      'b2,chat,inbound,not a date,100,handled',
    );
    const job = (
      await upload([
        { name: 'kind', value: 'contacts' },
        { name: 'file', value: bad, filename: 'bad.csv' },
      ])
    ).json();
    const last = (await events(job.id)).at(-1);
    expect(last?.job.status).toBe('failed');
    expect(last?.job.error).toMatchObject({ code: 'INVALID_INPUT' });
    // Named as uploaded, at its line; no path of the server's.
    expect(last?.job.error?.location).toEqual({ file: 'bad.csv', line: 3 });
    expect(JSON.stringify(last?.job.error)).not.toContain('percontact-upload');
    expect(await contacts()).toBe(5);
    expect(await audit()).toEqual(
      expect.not.arrayContaining([expect.objectContaining({ action: 'import' })]),
    );
  });

  it('with skipInvalid imports the good rows and offers the rejects as CSV', async () => {
    const mixed = csv(
      's1,chat,inbound,2026-03-10 10:00:00,300,handled',
      's2,chat,inbound,not a date,100,handled',
    );
    const job = (
      await upload([
        { name: 'kind', value: 'contacts' },
        { name: 'skipInvalid', value: 'true' },
        { name: 'file', value: mixed, filename: 'mixed.csv' },
      ])
    ).json();
    const result = (await events(job.id)).at(-1)?.job.result as Record<string, unknown>;
    expect(result).toMatchObject({
      read: 2,
      imported: 1,
      rejected: 1,
      rejectsFile: `/api/v1/jobs/${job.id}/rejects`,
    });
    const rejects = await server.app.inject({
      url: String(result.rejectsFile),
      headers: server.as('analyst'),
    });
    expect(rejects.headers['content-type']).toMatch(/^text\/csv/);
    expect(rejects.body.split('\n')[0]).toBe('file,line,reason,record');
    expect(rejects.body).toContain('not a date');
    expect(rejects.body.split('\n')[1]).toMatch(/^mixed\.csv,3,/);
  });

  it('keeps uploaded files inside their folder whatever their names say, and removes them after', async () => {
    const outside = async () =>
      [...(await readdir(tmpdir())), ...(await readdir(dirname(server.host.dir)))].filter((f) =>
        f.startsWith('evil'),
      );
    const before = await outside();
    const job = (
      await upload([
        { name: 'kind', value: 'contacts' },
        { name: 'file', value: GOOD, filename: '../../../../tmp/evil.csv' },
        {
          name: 'file',
          value: csv('w1,email,inbound,2026-03-12 10:00:00,60,handled'),
          filename: '..\\..\\windows\\evil2.csv',
        },
      ])
    ).json();
    const last = (await events(job.id)).at(-1);
    // The two files share the name "evil": their rows are stored under that source.
    expect(last?.job.result).toMatchObject({ imported: 3, files: ['evil.csv', 'evil2.csv'], source: 'evil' });
    expect(await outside()).toEqual(before);
    expect(await readdir(join(server.host.dir, 'uploads'))).toEqual([]);
  });

  it('treats a re-upload of the same file as the same file: idempotent', async () => {
    const parts = [
      { name: 'kind', value: 'contacts' },
      { name: 'file', value: GOOD, filename: 'march.csv' },
    ];
    const first = (await events((await upload(parts)).json().id)).at(-1)?.job.result;
    const again = (await events((await upload(parts)).json().id)).at(-1)?.job.result;
    expect(first).toMatchObject({ imported: 2, source: 'march' });
    expect(again).toMatchObject({ imported: 0, duplicates: 2, source: 'march' });
    expect(await contacts()).toBe(7);
  });

  it('refuses a file above the upload limit with 413 and leaves the workspace as it was', async () => {
    const big = csv(
      ...Array.from({ length: 3000 }, (_, i) => `x${i},chat,inbound,2026-03-10 10:00:00,300,handled`),
    );
    expect(big.length).toBeGreaterThan(64 * 1024);
    const res = await upload([
      { name: 'kind', value: 'contacts' },
      { name: 'file', value: big, filename: 'big.csv' },
    ]);
    expect([res.statusCode, res.json().error.code]).toEqual([413, 'TOO_LARGE']);
    expect(await contacts()).toBe(5);
    expect(
      (await server.app.inject({ url: '/api/v1/jobs', headers: server.as('analyst') })).json().jobs,
    ).toEqual([]);
    expect(await readdir(join(server.host.dir, 'uploads'))).toEqual([]);
  });

  it('403 for a viewer, 400 naming the field for bad options, 415 for a non-multipart body', async () => {
    const viewer = await upload(
      [
        { name: 'kind', value: 'contacts' },
        { name: 'file', value: GOOD, filename: 'a.csv' },
      ],
      'viewer',
    );
    expect(viewer.statusCode).toBe(403);
    const kind = await upload([
      { name: 'kind', value: 'calls' },
      { name: 'file', value: GOOD, filename: 'a.csv' },
    ]);
    expect([kind.statusCode, kind.json().error.pointer]).toEqual([400, '/kind']);
    const none = await upload([{ name: 'kind', value: 'contacts' }]);
    expect([none.statusCode, none.json().error.pointer]).toEqual([400, '/file']);
    const eleven = Array.from({ length: 11 }, (_, i) => ({
      name: 'file',
      value: GOOD,
      filename: `f${i}.csv`,
    }));
    const many = await upload([{ name: 'kind', value: 'contacts' }, ...eleven]);
    expect([many.statusCode, many.json().error.message]).toEqual([413, 'at most 10 files per import']);
    const json = await server.app.inject({
      method: 'POST',
      url: '/api/v1/imports',
      headers: server.as('analyst'),
      payload: { kind: 'contacts' },
    });
    expect(json.statusCode).toBe(415);
    expect(await contacts()).toBe(5);
  });

  it('reads a mapping uploaded beside the file', async () => {
    const mapping = [
      'fields:',
      '  id: Ticket',
      '  channel: { value: email }',
      '  direction: { value: inbound }',
      '  arrived_at: Created',
      '  outcome: { value: handled }',
      '  handle_seconds: Seconds',
      '',
    ].join('\n');
    const file = 'Ticket,Created,Seconds\nt1,2026-03-20 08:00:00,120\n';
    const job = (
      await upload([
        { name: 'kind', value: 'contacts' },
        { name: 'mapping', value: mapping, filename: 'tickets.yaml' },
        { name: 'file', value: file, filename: 'tickets.csv' },
      ])
    ).json();
    const last = (await events(job.id)).at(-1);
    expect([last?.job.status, last?.job.error]).toEqual(['succeeded', null]);
    expect(await contacts()).toBe(6);
  });
});

describe('the import log over HTTP', () => {
  it('lists imports and removes one, all of its rows, audited with the totals before and after', async () => {
    const job = (
      await upload([
        { name: 'kind', value: 'contacts' },
        { name: 'file', value: GOOD, filename: 'march.csv' },
      ])
    ).json();
    expect((await events(job.id)).at(-1)?.job.status).toBe('succeeded');
    const listed = await server.app.inject({ url: '/api/v1/imports', headers: server.as('analyst') });
    const [entry] = listed.json().imports;
    expect(entry).toMatchObject({ kind: 'contacts', source: 'march', rowsStored: 2, removedAt: null });
    // Over the API a file is named as it was uploaded, and no answer shows the server's folders.
    expect(entry.files).toEqual(['march.csv']);
    for (const url of [
      '/api/v1/imports',
      '/api/v1/imports?format=table',
      '/api/v1/status',
      '/api/v1/status?format=table',
    ]) {
      const body = (await server.app.inject({ url, headers: server.as('admin') })).body;
      expect([url, body.includes(server.host.dir)]).toEqual([url, false]);
    }
    const status = await server.app.inject({ url: '/api/v1/status', headers: server.as('viewer') });
    expect(status.json().workspace).toBe('ws');
    expect(
      (await server.app.inject({ url: '/api/v1/imports', headers: server.as('viewer') })).statusCode,
    ).toBe(403);

    const remove = (id: string, role: 'viewer' | 'analyst' = 'analyst') =>
      server.app.inject({ method: 'DELETE', url: `/api/v1/imports/${id}`, headers: server.as(role) });
    expect((await remove(entry.shortId, 'viewer')).statusCode).toBe(403);
    const removed = await remove(entry.shortId);
    expect(removed.statusCode).toBe(200);
    // smallWorkspace's 5 contacts, the 2 uploaded ones, then the 5 again.
    expect(removed.json()).toMatchObject({
      rows: { contacts: 2 },
      before: { contacts: 7 },
      after: { contacts: 5 },
    });
    expect(await contacts()).toBe(5);
    const [last] = await audit();
    expect(last).toMatchObject({ action: 'import.remove', actor: 'analyst-token', target: entry.id });
    expect([last.totalsBefore.contacts, last.totalsAfter.contacts]).toEqual([7, 5]);

    expect((await remove(entry.shortId)).statusCode).toBe(404);
    const short = await remove('ab');
    expect([short.statusCode, short.json().error.pointer]).toEqual([400, '/id']);
    const unknown = await remove('ffffffff');
    expect([unknown.statusCode, unknown.json().error.message]).toEqual([
      404,
      'no import ffffffff in the import log',
    ]);
  });
});
