import type { Actor } from '../app/actor.js';
import type { Workspace } from '../workspace/workspace.js';

/** Opens the workspace for one use case, with the CLI's user as the actor of its writes. */
export async function withWorkspace<T>(
  dir: string,
  work: (workspace: Workspace, actor: Actor) => Promise<T>,
): Promise<T> {
  const { openWorkspace } = await import('../workspace/workspace.js');
  const { userInfo } = await import('node:os');
  const workspace = await openWorkspace(dir);
  try {
    return await work(workspace, { name: `cli:${userInfo().username}`, role: null, tokenId: null });
  } finally {
    await workspace.close();
  }
}
