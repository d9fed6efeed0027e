/** Roles of the HTTP API, each including the ones before it: viewers read, analysts also write data, admins manage. */
export const ROLES = ['viewer', 'analyst', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function hasRole(held: Role, needed: Role): boolean {
  return ROLES.indexOf(held) >= ROLES.indexOf(needed);
}

/** Who makes a request: recorded with every write in the audit log. */
export interface Actor {
  /** A token's name, `local` (loopback without a token) or the CLI's user. */
  name: string;
  /** null where no role applies (the CLI, which has the workspace's files anyway). */
  role: Role | null;
  /** The token's public id, when a token authenticated the request. */
  tokenId: string | null;
}
