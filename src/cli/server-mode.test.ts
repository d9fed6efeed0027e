import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_ACTOR } from '../app/testing.js';
import { createToken } from '../app/tokens.js';
import { createDemoWorkspace } from '../demo/demo-workspace.js';
import { type RunningServer, serve } from '../server/serve.js';
import { captureIo } from './io.js';
import { run } from './main.js';
import { TOKEN_ENV } from './remote.js';

/**
 * The CLI beside a running server: a real `percontact serve` on a free port of this machine owns the
 * workspace. Commands on the folder say which server owns it; with `--server` the same commands talk to
 * it and print what they print on the folder (computed here before the server started).
 */
let dir: string;
let ws: string;
let server: RunningServer;
const tokens: Record<'viewer' | 'analyst', string> = { viewer: '', analyst: '' };
const before: Record<string, string> = {};
const RANGE = ['--from', '2026-08', '--to', '2026-10'];

const cli = (...args: string[]) => captureIo(() => run(args));
async function as<T>(role: keyof typeof tokens | string, work: () => Promise<T>): Promise<T> {
  const saved = process.env[TOKEN_ENV];
  process.env[TOKEN_ENV] = role in tokens ? tokens[role as keyof typeof tokens] : role;
  try {
    return await work();
  } finally {
    if (saved === undefined) delete process.env[TOKEN_ENV];
    else process.env[TOKEN_ENV] = saved;
  }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'percontact-cli-server-'));
  ws = join(dir, 'demo');
  const demo = await createDemoWorkspace({ dir: ws, seed: 7, months: 3, endMonth: '2026-10', scale: 0.03 });
  for (const role of ['viewer', 'analyst'] as const)
    tokens[role] = (await createToken(demo, TEST_ACTOR, { role, name: `${role}-cli` })).token;
  await demo.close();
  before.json = (await cli('report', '-w', ws, ...RANGE, '--by', 'channel', '--format', 'json')).out;
  before.table = (await cli('report', '-w', ws, ...RANGE, '--by', 'channel', '--locale', 'de-DE')).out;
  before.status = (await cli('status', '-w', ws, '--format', 'json')).out;
  before.explain = (await cli('explain', '-w', ws, '--period', '2026-09', '--channel', 'voice')).out;
  server = await serve({ workspace: ws, host: '127.0.0.1', port: 0 });
}, 120_000);
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe('a workspace a server owns', () => {
  it('the CLI names the server at once instead of waiting for the file', async () => {
    const started = Date.now();
    const r = await cli('report', '-w', ws);
    expect(r.result).toBe(7);
    expect(r.err.split('\n')[0]).toBe(
      `percontact: a server owns this workspace: ${server.url} (pid ${process.pid})`,
    );
    expect(r.err).toContain(`--server ${server.url}`);
    expect(Date.now() - started).toBeLessThan(5000);
    expect((await cli('import', 'contacts', join(dir, 'x.csv'), '-w', ws)).result).toBe(7);
  });

  it('with --server, reads print what they print on the folder', async () => {
    await as('viewer', async () => {
      const json = await cli(
        'report',
        '--server',
        server.url,
        ...RANGE,
        '--by',
        'channel',
        '--format',
        'json',
      );
      expect([json.result, json.err]).toEqual([0, '']);
      expect(JSON.parse(json.out)).toEqual(JSON.parse(before.json as string));
      // Rendered by the server exactly as on the folder, German included.
      const table = await cli(
        'report',
        '--server',
        server.url,
        ...RANGE,
        '--by',
        'channel',
        '--locale',
        'de-DE',
      );
      expect(table.out).toBe(before.table);
      // The same, but the server names its workspace folder by its name only, not by its path.
      const folderStatus = JSON.parse(before.status as string);
      expect(JSON.parse((await cli('status', '--server', server.url, '--format', 'json')).out)).toEqual({
        ...folderStatus,
        workspace: basename(folderStatus.workspace),
      });
      const explain = await cli(
        'explain',
        '--server',
        server.url,
        '--period',
        '2026-09',
        '--channel',
        'voice',
      );
      expect(explain.out).toBe(before.explain);
      const pdf = join(dir, 'report.pdf');
      expect((await cli('report', '--server', server.url, '--format', 'pdf', '--out', pdf)).result).toBe(0);
      expect((await readFile(pdf)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    });
  });

  it("names the flag of a parameter the server refused, and says when the token's role is too low", async () => {
    await as('viewer', async () => {
      const bad = await cli('report', '--server', server.url, '--period', 'fortnight');
      expect([bad.result, bad.err]).toEqual([
        2,
        'percontact: --period "fortnight": use day, week, month, quarter or year\n',
      ]);
      const low = await cli('imports', 'list', '--server', server.url);
      expect(low.result).toBe(8);
      expect(low.err).toMatch(/^percontact: the server refused: this needs the analyst role/);
    });
    await as('pct_000000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', async () => {
      const wrong = await cli('status', '--server', server.url);
      expect(wrong.result).toBe(8);
      expect(wrong.err).toContain(`set ${TOKEN_ENV} to a token of this server`);
    });
    const nowhere = await cli('status', '--server', 'http://127.0.0.1:1');
    expect([nowhere.result, nowhere.err]).toEqual([
      8,
      expect.stringMatching(/^percontact: cannot reach the server at http:\/\/127\.0\.0\.1:1/),
    ]);
  });

  it('imports over the server, audited as the token, and removes the import again', async () => {
    const file = join(dir, 'chats.csv');
    await writeFile(
      file,
      'id,channel,direction,arrived_at,handle_seconds,outcome\nq1,chat,inbound,2026-09-10 10:00:00,300,handled\nq2,chat,inbound,2026-09-11 10:00:00,100,handled\n',
    );
    await as('analyst', async () => {
      const imported = await cli('import', 'contacts', file, '--server', server.url, '--source', 'cli-chats');
      expect([imported.result, imported.err]).toEqual([0, '']);
      expect(imported.out).toMatch(/^imported contacts from chats\.csv/);
      const listed = JSON.parse(
        (await cli('imports', 'list', '--server', server.url, '--format', 'json')).out,
      );
      const entry = listed.imports.find((e: { source: string }) => e.source === 'cli-chats');
      // The server names an upload by the name it was sent with (never by its path on the server).
      expect(entry.rowsStored).toBe(2);
      expect(entry.files).toEqual(['chats.csv']);
      const removed = await cli(
        'imports',
        'remove',
        entry.shortId,
        '--server',
        server.url,
        '--format',
        'json',
      );
      expect(JSON.parse(removed.out)).toMatchObject({ rows: { contacts: 2 } });
      const audit = JSON.parse(
        (await cli('audit', '--server', server.url, '--format', 'json', '--limit', '2')).out,
      );
      expect(audit.entries.map((e: { action: string; actor: string }) => [e.action, e.actor])).toEqual([
        ['import.remove', 'analyst-cli'],
        ['import', 'analyst-cli'],
      ]);
    });
  });
});
