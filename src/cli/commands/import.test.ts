import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../model/config.js';
import { initWorkspace, openWorkspace } from '../../workspace/workspace.js';
import { captureIo } from '../io.js';
import { run } from '../main.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const HEADER = 'id,channel,queue,arrived_at,talk_seconds,outcome\n';

async function writeContacts(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  out.write(HEADER);
  let chunk = '';
  for (let i = 0; i < rows; i++) {
    chunk += `C${i},voice,q${i % 7},2026-03-02 ${String(8 + (i % 10)).padStart(2, '0')}:00:00,${i % 600},handled\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
      chunk = '';
    }
  }
  out.end(chunk);
  await new Promise<void>((r) => out.once('finish', () => r()));
}

async function contents(dir: string): Promise<{ contacts: unknown[]; imports: number }> {
  const ws = await openWorkspace(dir);
  try {
    const contacts = await ws.engine.query('SELECT * FROM contacts ORDER BY source, id');
    const [log] = await ws.engine.query('SELECT count(*) AS n FROM imports');
    return { contacts, imports: Number(log?.n) };
  } finally {
    await ws.close();
  }
}

describe('percontact import (CLI)', () => {
  let dir: string;
  let workspace: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'percontact-cli-import-'));
    workspace = join(dir, 'ws');
    await (await initWorkspace(workspace, defaultConfig('EUR', 'Europe/Berlin'))).close();
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('prints only the summary when stderr is not a terminal', async () => {
    const file = join(dir, 'c.csv');
    await writeContacts(file, 5);
    const { result, out, err } = await captureIo(() => run(['import', 'contacts', file, '-w', workspace]));
    expect(result).toBe(0);
    expect(err).toBe('');
    expect(out).toContain('rows read          5');
    expect(out).toContain('imported           5  → 5 contacts written');
  });

  it('exits with the input-error code and lists problems as file:line: column "x" value "y": reason', async () => {
    const file = join(dir, 'bad.csv');
    await writeContacts(file, 2);
    const text = (await readFile(file, 'utf8')).replace('C1,voice', 'C1,pigeon');
    await (await import('node:fs/promises')).writeFile(file, text);
    const { result, err } = await captureIo(() => run(['import', 'contacts', file, '-w', workspace]));
    expect(result).toBe(5);
    expect(err).toContain(`${file}:3: column "channel" value "pigeon": not one of voice`);
  });

  it('leaves the workspace exactly as it was when the import is killed midway (SIGKILL)', async () => {
    const small = join(dir, 'small.csv');
    await writeContacts(small, 3);
    expect((await captureIo(() => run(['import', 'contacts', small, '-w', workspace]))).result).toBe(0);
    const before = await contents(workspace);
    const big = join(dir, 'big.csv');
    await writeContacts(big, 600_000);
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        join(repo, 'src', 'ingest', 'fixtures', 'run-cli.ts'),
        'import',
        'contacts',
        big,
        '-w',
        workspace,
        '--source',
        'big',
      ],
      {
        cwd: repo,
        env: { ...process.env, PERCONTACT_TRACE: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    const exited = new Promise<NodeJS.Signals | null>((r) => child.on('exit', (_code, signal) => r(signal)));
    await new Promise<void>((ready, fail) => {
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
        if (stderr.includes('phase writing')) ready();
      });
      child.on('exit', () => fail(new Error(`import ended before writing: ${stderr}`)));
    });
    // Midway: the INSERT of 600,000 rows has started and takes far longer than this.
    await new Promise((r) => setTimeout(r, 150));
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect(await contents(workspace)).toEqual(before);
    // The workspace still works: the same import now runs to the end.
    const { result, out } = await captureIo(() =>
      run(['import', 'contacts', big, '-w', workspace, '--source', 'big']),
    );
    expect(result).toBe(0);
    expect(out).toContain('imported           600000');
  });
});

describe('percontact import presets', () => {
  it('lists every preset by kind, the new sources and the 3CX bill costs among them', async () => {
    const { result, out } = await captureIo(() => run(['import', 'presets']));
    expect(result).toBe(0);
    const listed = out
      .trim()
      .split('\n')
      .map((line) => line.split(/\s+/).slice(0, 2).join(' '));
    for (const name of [
      'liveagent-calls',
      'liveagent-tickets',
      '3cx',
      'cisco-cucm',
      'genesys-cloud',
      'asterisk-db',
    ])
      expect(listed).toContain(`contacts ${name}`);
    expect(listed).toContain('costs 3cx');
  });
});
