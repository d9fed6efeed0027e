import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultConfig } from '../model/config.js';
import { initWorkspace, type Workspace } from '../workspace/workspace.js';
import { type ImportOptions, importFiles } from './import-files.js';
import type { ImportSummary } from './pipeline/summary.js';

/** Test support: a fresh workspace in a temporary folder, and files written next to it. */
export interface TestWorkspace {
  ws: Workspace;
  dir: string;
  file(name: string, content: string | Buffer): Promise<string>;
  import(options: Omit<ImportOptions, 'kind'> & { kind?: ImportOptions['kind'] }): Promise<ImportSummary>;
  rows(sql: string): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

/** Files written into `dir` and imported into `ws` (contacts unless the options say otherwise). */
export function fileHelpers(ws: Workspace, dir: string): Pick<TestWorkspace, 'file' | 'import'> {
  return {
    async file(name, content) {
      const path = join(dir, name);
      await writeFile(path, content);
      return path;
    },
    import: (options) => importFiles(ws, { kind: 'contacts', ...options }),
  };
}

export async function testWorkspace(currency = 'EUR', timeZone = 'Europe/Berlin'): Promise<TestWorkspace> {
  const dir = await mkdtemp(join(tmpdir(), 'percontact-ingest-'));
  const ws = await initWorkspace(join(dir, 'ws'), defaultConfig(currency, timeZone));
  return {
    ws,
    dir,
    ...fileHelpers(ws, dir),
    rows: (sql) => ws.engine.query(sql),
    async close() {
      await ws.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
