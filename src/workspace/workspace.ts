import { existsSync, statSync } from 'node:fs';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { DuckDbEngine } from '../engine/duckdb/engine.js';
import type { Engine } from '../engine/engine.js';
import { LATEST_SCHEMA_VERSION, schemaVersion } from '../engine/migrate.js';
import { openEngine } from '../engine/open-engine.js';
import { UserError } from '../errors.js';
import type { WorkspaceConfig } from '../model/config.js';
import { type BusyWait, DEFAULT_BUSY_TIMEOUT_MS, whenFree } from './busy.js';
import { CONFIG_FILE, readConfig, writeConfig } from './config-file.js';

export const DATABASE_FILE = 'percontact.duckdb';

/** An open workspace: its folder, its configuration and its engine. Close it when done. */
export interface Workspace {
  dir: string;
  config: WorkspaceConfig;
  engine: Engine;
  /**
   * How views show paths on the workspace's machine (its folder, imported files): `full` (default) for
   * the CLI, whose user has the files; `name` for the HTTP API, whose clients must not learn the
   * server's folders (an upload is shown by the name it was uploaded under).
   */
  paths?: 'full' | 'name';
  close(): Promise<void>;
}

/** A path on the workspace's machine as views show it (see Workspace.paths). */
export function shownPath(workspace: Pick<Workspace, 'paths'>, path: string): string {
  return workspace.paths === 'name' ? basename(path) : path;
}

export interface OpenOptions extends Partial<BusyWait> {
  /**
   * `read`: beside other readers (reports, status); `write` (default): alone (imports). A reader
   * waits while a writer holds the workspace, and a writer while anyone does, up to `timeoutMs`.
   */
  access?: 'read' | 'write';
}

export async function openWorkspace(dir: string, options: OpenOptions = {}): Promise<Workspace> {
  const root = resolve(dir);
  if (!existsSync(join(root, CONFIG_FILE))) {
    throw new UserError(
      'WORKSPACE_NOT_FOUND',
      `${dir} is not a percontact workspace (no ${CONFIG_FILE}; create one with: percontact init ${dir})`,
    );
  }
  const config = await readConfig(join(root, CONFIG_FILE));
  const database = join(root, DATABASE_FILE);
  if (isDuckDb(config) && !existsSync(database)) {
    // Opening would create an empty database and report on nothing as if that were the data.
    throw new UserError(
      'WORKSPACE_NOT_FOUND',
      `${dir} has a ${CONFIG_FILE} but no database (${DATABASE_FILE} is missing): restore it from a backup, or start a new workspace with percontact init`,
      { file: database },
    );
  }
  const engine = await openDatabase((readOnly) => openEngine(config.store, database, { readOnly }), options);
  return { dir: root, config, engine, close: () => engine.close() };
}

/** Opens the database, bringing its schema up to date first (which needs a moment of write access). */
async function openDatabase(
  connect: (readOnly: boolean) => Promise<Engine>,
  options: OpenOptions,
): Promise<Engine> {
  const wait = { timeoutMs: options.timeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS, onWait: options.onWait };
  const open = (readOnly: boolean) => whenFree(() => connect(readOnly), wait);
  if (options.access === 'read') {
    const reader = await open(true);
    if ((await schemaVersion(reader)) >= LATEST_SCHEMA_VERSION) return reader;
    await reader.close();
    const writer = await migrated(await open(false));
    await writer.close();
    return open(true);
  }
  return migrated(await open(false));
}

/** The embedded default: the DuckDB file in the workspace folder (a server store has no file to miss). */
function isDuckDb(config: WorkspaceConfig): boolean {
  return !config.store || config.store.engine === 'duckdb';
}

async function migrated(engine: Engine): Promise<Engine> {
  try {
    await engine.migrate();
    return engine;
  } catch (error) {
    await engine.close();
    throw error;
  }
}

/** Creates a new, empty workspace; refuses a folder that already holds files. */
export async function initWorkspace(dir: string, config: WorkspaceConfig): Promise<Workspace> {
  const root = resolve(dir);
  if (existsSync(root) && !statSync(root).isDirectory()) {
    throw new UserError('WORKSPACE_EXISTS', `${dir} is a file, not a folder; choose a new folder`, {
      parameter: 'dir',
    });
  }
  if (existsSync(root) && (await readdir(root)).length > 0) {
    throw new UserError('WORKSPACE_EXISTS', `${dir} already exists and is not empty; choose a new folder`, {
      parameter: 'dir',
    });
  }
  try {
    await mkdir(root, { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    const why = code === 'ENOTDIR' || code === 'EEXIST' ? 'a part of the path is a file' : code;
    throw new UserError('USAGE', `cannot create the folder ${dir} (${why})`, { parameter: 'dir' });
  }
  await writeConfig(join(root, CONFIG_FILE), config);
  try {
    if (isDuckDb(config)) await (await DuckDbEngine.open(join(root, DATABASE_FILE))).close();
    return await openWorkspace(root);
  } catch (error) {
    // A store that cannot be opened (a server down) leaves no workspace behind.
    await rm(join(root, CONFIG_FILE), { force: true });
    throw error;
  }
}
