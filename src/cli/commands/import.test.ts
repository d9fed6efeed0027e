import { spawn } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../model/config.js';
import { spawnCli } from '../../test-support/cli-process.js';
import { asteriskCdrTable, CDR_ROWS } from '../../test-support/engines/asterisk-table.js';
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

  it('refuses to replace rows another file brought in, and says which flags decide', async () => {
    const a = join(dir, 'a.csv');
    const b = join(dir, 'b.csv');
    await writeContacts(a, 2);
    await writeContacts(b, 2);
    await writeFile(b, (await readFile(b, 'utf8')).replaceAll('voice', 'chat'));
    const first = await captureIo(() => run(['import', 'contacts', a, '-w', workspace, '--source', 'pbx']));
    expect(first.out.split('\n')[0]).toMatch(
      new RegExp(`^imported contacts from ${a} \\(preset generic, source pbx; import [0-9a-f]{8}\\)$`),
    );
    const refused = await captureIo(() => run(['import', 'contacts', b, '-w', workspace, '--source', 'pbx']));
    expect(refused.result).toBe(5);
    expect(refused.err).toBe(
      `percontact: import refused, nothing was changed: it would replace 2 contacts stored under the source name "pbx" that came from ${a}; give this file a source of its own, or replace them on purpose\n` +
        '  use --source NAME to keep both, or --replace to replace them\n',
    );
    const replaced = await captureIo(() =>
      run(['import', 'contacts', b, '-w', workspace, '--source', 'pbx', '--replace']),
    );
    expect(replaced.result).toBe(0);
    expect(replaced.out).toContain('(2 replaced a stored one)');
  });

  it.skipIf(!process.env.PERCONTACT_TEST_PG_URL)(
    'imports contacts --from-table postgres://…?table=cdr --preset asterisk-cdr (needs PERCONTACT_TEST_PG_URL)',
    async () => {
      const cdr = await asteriskCdrTable(process.env.PERCONTACT_TEST_PG_URL as string);
      try {
        await cdr.insert(CDR_ROWS);
        const args = ['import', 'contacts', '--from-table', cdr.locator, '--preset', 'asterisk-cdr'];
        const { result, out } = await captureIo(() => run([...args, '-w', workspace]));
        expect(result).toBe(0);
        // CDR_ROWS: five legs of four calls (L3 rang two devices).
        expect(out).toContain(`imported contacts from ${cdr.locator} (preset asterisk-cdr, source asterisk`);
        expect(out).toContain('imported           5  → 4 contacts written');
      } finally {
        await cdr.drop();
      }
    },
  );

  it('exits with the input-error code and lists problems as file:line: column "x" value "y": reason', async () => {
    const file = join(dir, 'bad.csv');
    await writeContacts(file, 2);
    const text = (await readFile(file, 'utf8')).replace('C1,voice', 'C1,pigeon');
    await writeFile(file, text);
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
    const child = spawnCli(['import', 'contacts', big, '-w', workspace, '--source', 'big'], {
      PERCONTACT_TRACE: '1',
    });
    await child.stderrContains('phase writing');
    // Midway: the INSERT of 600,000 rows has started and takes far longer than this.
    await new Promise((r) => setTimeout(r, 150));
    child.child.kill('SIGKILL');
    expect((await child.exited).signal).toBe('SIGKILL');
    expect(await contents(workspace)).toEqual(before);
    // The workspace still works: the same import now runs to the end.
    const { result, out } = await captureIo(() =>
      run(['import', 'contacts', big, '-w', workspace, '--source', 'big']),
    );
    expect(result).toBe(0);
    expect(out).toContain('imported           600000');
  });

  it.skipIf(!existsSync('/usr/bin/script'))(
    'restores the cursor and autowrap when Ctrl-C interrupts an import on a terminal',
    async () => {
      const before = await contents(workspace);
      const big = join(dir, 'big.csv');
      await writeContacts(big, 600_000);
      const cli = join(repo, 'src', 'ingest', 'fixtures', 'run-cli.ts');
      const command = [process.execPath, '--import', 'tsx', cli, 'import', 'contacts', big, '-w', workspace]
        .map((arg) => `'${arg}'`)
        .join(' ');
      // script(1) runs the import on a pseudo-terminal, so it draws its progress bar as on a user's screen.
      const child = spawn('script', ['-qfec', command, '/dev/null'], { cwd: repo, stdio: 'pipe' });
      let screen = '';
      const exited = new Promise<void>((r) => child.on('exit', () => r()));
      await new Promise<void>((writing, fail) => {
        child.stdout.on('data', (d: Buffer) => {
          screen += d.toString('latin1');
          if (screen.includes('writing')) writing();
        });
        child.on('exit', () => fail(new Error(`import ended before writing: ${screen}`)));
      });
      child.stdin.write('\x03');
      await exited;
      const last = (sequence: string) => screen.lastIndexOf(sequence);
      expect(last('\x1b[?25l')).toBeGreaterThanOrEqual(0); // the bar hid the cursor…
      expect(last('\x1b[?25h')).toBeGreaterThan(last('\x1b[?25l')); // …and showed it again
      expect(last('\x1b[?7h')).toBeGreaterThan(last('\x1b[?7l')); // autowrap back on
      expect(await contents(workspace)).toEqual(before);
    },
  );
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
