import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** In the workspace folder while a server owns the workspace: who (pid) and where (URL). */
export const OWNERSHIP_FILE = '.percontact-server.json';

export interface Ownership {
  pid: number;
  url: string;
  startedAt: string;
}

export async function claimOwnership(dir: string, ownership: Ownership): Promise<void> {
  const path = join(dir, OWNERSHIP_FILE);
  await writeFile(`${path}.tmp`, `${JSON.stringify(ownership, null, 2)}\n`);
  await rename(`${path}.tmp`, path);
}

export async function releaseOwnership(dir: string): Promise<void> {
  await rm(join(dir, OWNERSHIP_FILE), { force: true });
}

/** The server that owns the workspace, if its process still runs (a crashed server's file is ignored). */
export async function currentOwner(dir: string): Promise<Ownership | undefined> {
  const text = await readFile(join(dir, OWNERSHIP_FILE), 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  try {
    const owner = JSON.parse(text) as Ownership;
    return Number.isInteger(owner.pid) && isRunning(owner.pid) ? owner : undefined;
  } catch {
    return undefined;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
