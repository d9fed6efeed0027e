import { existsSync } from 'node:fs';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Engine } from '../engine/engine.js';
import { openEngine } from '../engine/open-engine.js';
import { UserError } from '../errors.js';
import type { WorkspaceConfig } from '../model/config.js';
import { CONFIG_FILE, readConfig, writeConfig } from './config-file.js';

export const DATABASE_FILE = 'percontact.duckdb';

/** An open workspace: its folder, its configuration and its engine. Close it when done. */
export interface Workspace {
  dir: string;
  config: WorkspaceConfig;
  engine: Engine;
  close(): Promise<void>;
}

export async function openWorkspace(dir: string): Promise<Workspace> {
  const root = resolve(dir);
  if (!existsSync(join(root, CONFIG_FILE))) {
    throw new UserError(
      'WORKSPACE_NOT_FOUND',
      `${dir} is not a percontact workspace (no ${CONFIG_FILE}; create one with: percontact init ${dir})`,
    );
  }
  const config = await readConfig(join(root, CONFIG_FILE));
  const engine = await openEngine(config.store, join(root, DATABASE_FILE));
  await engine.migrate();
  return { dir: root, config, engine, close: () => engine.close() };
}

/** Creates a new, empty workspace; refuses a folder that already holds files. */
export async function initWorkspace(dir: string, config: WorkspaceConfig): Promise<Workspace> {
  const root = resolve(dir);
  if (existsSync(root) && (await readdir(root)).length > 0) {
    throw new UserError('WORKSPACE_EXISTS', `${dir} already exists and is not empty; choose a new folder`);
  }
  await mkdir(root, { recursive: true });
  await writeConfig(join(root, CONFIG_FILE), config);
  try {
    return await openWorkspace(root);
  } catch (error) {
    // A store that cannot be opened (a server down) leaves no workspace behind.
    await rm(join(root, CONFIG_FILE), { force: true });
    throw error;
  }
}
