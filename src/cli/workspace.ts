import { UserError } from '../errors.js';
import type { Workspace } from '../workspace/workspace.js';
import { io } from './io.js';

/**
 * Opens a command's workspace: `read` for commands that only read (beside each other), `write` for
 * those that change it. A workspace a server owns is refused at once, naming the server. While another
 * process holds it, says so on stderr and waits up to PERCONTACT_BUSY_TIMEOUT seconds (default 60)
 * before failing with the workspace-busy exit code.
 */
export async function openCommandWorkspace(dir: string, access: 'read' | 'write'): Promise<Workspace> {
  const { openWorkspace } = await import('../workspace/workspace.js');
  const { currentOwner } = await import('../server/ownership.js');
  const { resolve } = await import('node:path');
  // A running server holds the database file; waiting for it would only time out.
  const owner = await currentOwner(resolve(dir));
  if (owner) {
    throw new UserError(
      'WORKSPACE_BUSY',
      `a server owns this workspace: ${owner.url} (pid ${owner.pid})`,
      { parameter: 'workspace' },
      [`run the command with --server ${owner.url} (and PERCONTACT_TOKEN set), or stop the server`],
    );
  }
  const seconds = Number(process.env.PERCONTACT_BUSY_TIMEOUT);
  return openWorkspace(dir, {
    access,
    ...(process.env.PERCONTACT_BUSY_TIMEOUT && Number.isFinite(seconds) && seconds >= 0
      ? { timeoutMs: seconds * 1000 }
      : {}),
    onWait: (holder, timeoutMs) =>
      io.err(`percontact: waiting: ${holder.what} (giving up after ${Math.round(timeoutMs / 1000)} s)\n`),
  });
}
