import { execFileSync } from 'node:child_process';
import { constants, createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDbEngine } from './duckdb/engine.js';
import type { BulkCsv, Staging } from './engine.js';

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
    tunable: true,
    async close() {
      await engine.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/**
 * Moves rows from a writer to a reader of the bulk CSV form through a named pipe at `path`, so
 * that one engine writes while the other loads (both at once, on their own threads); returns what
 * the writer reports. The reader gets a BulkCsv whose `rows` is not known yet (NaN). A failure of
 * either side ends the other (the pipe is closed or drained), and the writer's error wins: it is
 * the cause (a strict import's first bad row), the reader's only its consequence.
 */
export async function pipeRows(
  path: string,
  write: (path: string) => Promise<BulkCsv>,
  read: (file: BulkCsv) => Promise<unknown>,
): Promise<BulkCsv> {
  execFileSync('mkfifo', [path]);
  let written = false;
  let readDone = false;
  const writer = write(path).finally(() => {
    written = true;
  });
  const reader = read({ bulkCsv: path, rows: Number.NaN }).finally(() => {
    readDone = true;
  });
  const [w, r] = await Promise.allSettled([
    writer.catch(async (error: unknown) => {
      // A writer that failed before opening the pipe leaves the reader waiting for one: close it.
      while (!readDone) {
        await endPipe(path);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      throw error;
    }),
    reader.catch(async (error: unknown) => {
      // A reader that gave up leaves the writer blocked on a full pipe: drain it.
      if (!written) await drain(path, () => written);
      throw error;
    }),
  ]);
  await rm(path, { force: true });
  if (w.status === 'rejected') throw w.reason;
  if (r.status === 'rejected') throw r.reason;
  return w.value;
}

/** Opens the pipe for writing without blocking (no reader yet: nothing to do) and closes it: EOF. */
async function endPipe(path: string): Promise<void> {
  try {
    const handle = await open(path, constants.O_WRONLY | constants.O_NONBLOCK);
    await handle.close();
  } catch {
    // ENXIO: no reader has opened the pipe yet.
  }
}

async function drain(path: string, done: () => boolean): Promise<void> {
  while (!done()) {
    await new Promise<void>((resolve) => {
      const stream = createReadStream(path);
      stream.on('data', () => {});
      stream.on('close', () => resolve());
      stream.on('error', () => resolve());
    });
  }
}
