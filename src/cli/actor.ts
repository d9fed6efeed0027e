import type { Actor } from '../app/actor.js';

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
