import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { captureIo } from '../cli/io.js';
import { run } from '../cli/main.js';
import { DuckDbEngine } from '../engine/duckdb/engine.js';
import { LATEST_SCHEMA_VERSION, runMigrations, schemaVersion } from '../engine/migrate.js';
import { MIGRATIONS } from '../engine/migrations/index.js';
import { DATABASE_FILE, openWorkspace } from './workspace.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'percontact-workspace-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const cli = (...args: string[]) => captureIo(() => run(args));
const oneLine = (err: string) => {
  expect(err.trim().split('\n')).toHaveLength(1);
  expect(err).not.toMatch(/internal error|\n\s+at /);
};

describe('init and open: clear errors instead of stack traces or silent empty workspaces', () => {
  it('refuses a file, or a path through a file, as the new workspace folder', async () => {
    const file = join(dir, 'file.yaml');
    await writeFile(file, 'x: 1\n');
    let r = await cli('init', file);
    expect(r.result).toBe(3);
    expect(r.err).toBe(`percontact: ${file} is a file, not a folder; choose a new folder\n`);
    r = await cli('init', join(file, 'ws'));
    expect(r.result).toBe(2);
    oneLine(r.err);
    expect(r.err).toContain('a part of the path is a file');
  });

  it('refuses a workspace whose database file was deleted instead of starting an empty one', async () => {
    const ws = join(dir, 'ws');
    expect((await cli('init', ws)).result).toBe(0);
    await rm(join(ws, DATABASE_FILE));
    for (const args of [
      ['report', '-w', ws],
      ['import', 'contacts', join(dir, 'x.csv'), '-w', ws],
    ]) {
      const r = await cli(...args);
      expect(r.result).toBe(3);
      oneLine(r.err);
      expect(r.err).toContain(`no database (${DATABASE_FILE} is missing)`);
    }
    expect(existsSync(join(ws, DATABASE_FILE))).toBe(false);
  });

  it('brings an older database up to date even when opened only for reading', async () => {
    const ws = join(dir, 'ws');
    expect((await cli('init', ws)).result).toBe(0);
    await rm(join(ws, DATABASE_FILE));
    const old = await DuckDbEngine.open(join(ws, DATABASE_FILE));
    await runMigrations(old, MIGRATIONS.slice(0, 3));
    await old.close();
    const reader = await openWorkspace(ws, { access: 'read' });
    expect(await schemaVersion(reader.engine)).toBe(LATEST_SCHEMA_VERSION);
    await expect(reader.engine.execute('CREATE TABLE x (a INTEGER)')).rejects.toThrow(/read-only/);
    await reader.close();
  });
});
