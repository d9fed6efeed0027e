import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDbEngine } from './duckdb/engine.js';
import type { Staging } from './engine.js';

/**
 * A fresh in-memory DuckDB for a server store's imports: what it cannot keep in memory it spills to
 * a temporary folder of its own, removed with it.
 */
export async function inMemoryStaging(): Promise<Staging> {
  const folder = mkdtempSync(join(tmpdir(), 'percontact-staging-'));
  const engine = await DuckDbEngine.open(':memory:');
  await engine.execute(`SET temp_directory = '${folder.replaceAll("'", "''")}'`);
  return {
    engine,
    isStore: false,
    async close() {
      await engine.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
