import type { Actor } from '../app/actor.js';
import type { Workspace } from '../workspace/workspace.js';

/** Who writes from the command line: the OS user (`cli:alice`), or `cli` where the system names none. */
export async function cliActor(): Promise<Actor> {
  const { userInfo } = await import('node:os');
  let user: string | undefined;
  try {
    user = userInfo().username;
  } catch {
    user = undefined;
  }
  return { name: user ? `cli:${user}` : 'cli', role: null, tokenId: null };
}

/** Opens the workspace for one use case, with the CLI's user as the actor of its writes. */
export async function withWorkspace<T>(
  dir: string,
  work: (workspace: Workspace, actor: Actor) => Promise<T>,
): Promise<T> {
  const { openWorkspace } = await import('../workspace/workspace.js');
  const workspace = await openWorkspace(dir);
  try {
    return await work(workspace, await cliActor());
  } finally {
    await workspace.close();
  }
}
