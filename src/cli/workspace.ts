import type { Workspace } from '../workspace/workspace.js';
import { io } from './io.js';

/**
 * Opens a command's workspace: `read` for commands that only read (beside each other), `write` for
 * those that change it. While another process holds it, says so on stderr and waits up to
 * PERCONTACT_BUSY_TIMEOUT seconds (default 60) before failing with the workspace-busy exit code.
 */
export async function openCommandWorkspace(dir: string, access: 'read' | 'write'): Promise<Workspace> {
  const { openWorkspace } = await import('../workspace/workspace.js');
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
