import { createHash } from 'node:crypto';
import type { Actor } from '../app/actor.js';
import { parseTokenText, secretMatches, unmatchableHash } from '../app/token-secret.js';
import { type StoredToken, storedTokens } from '../app/tokens.js';
import { HttpError } from './http-error.js';
import type { WorkspaceHost } from './workspace-host.js';

/** Who a request comes from, and the key its rate limit counts under. */
export interface Principal extends Actor {
  rateKey: string;
}

const LOCAL: Principal = { name: 'local', role: 'admin', tokenId: null, rateKey: 'local' };
const BEARER = /^Bearer ([^\s]+)$/;

/** How many failed authentications one address may make per minute before it gets 429s. */
const FAILURES_PER_MINUTE = 30;

/**
 * Bearer tokens checked against the workspace's scrypt hashes. A verified token is remembered (by
 * the SHA-256 of its text) until the tokens change, so only its first request pays for scrypt. An
 * unknown id is checked against a hash no secret matches: every wrong token costs the same work.
 * Without a token, only loopback requests to a server started with `local` are served.
 */
export class Authenticator {
  private tokens = new Map<string, StoredToken>();
  private readonly verified = new Map<string, Principal>();
  private readonly failures = new Map<string, { count: number; until: number }>();

  constructor(
    private readonly host: WorkspaceHost,
    private readonly local: boolean,
  ) {}

  /** (Re)reads the tokens; call after every token change. */
  async reload(): Promise<void> {
    const all = await this.host.read((ws) => storedTokens(ws.engine));
    this.tokens = new Map(all.filter((t) => t.revokedAt === null).map((t) => [t.id, t]));
    this.verified.clear();
  }

  get hasTokens(): boolean {
    return this.tokens.size > 0;
  }

  async authenticate(header: string | undefined, remoteAddress: string | undefined): Promise<Principal> {
    const address = remoteAddress ?? 'unknown';
    this.refuseWhileFailing(address);
    if (header === undefined) {
      if (this.local && isLoopback(address)) return LOCAL;
      throw this.failed(address, this.noTokenMessage());
    }
    const text = BEARER.exec(header)?.[1];
    const principal = text === undefined ? undefined : await this.verify(text);
    if (!principal) throw this.failed(address, 'unknown or revoked token (give Authorization: Bearer pct_…)');
    return principal;
  }

  private async verify(text: string): Promise<Principal | undefined> {
    const digest = createHash('sha256').update(text).digest('hex');
    const known = this.verified.get(digest);
    if (known) return known;
    const parts = parseTokenText(text);
    const stored = parts ? this.tokens.get(parts.id) : undefined;
    const matches = await secretMatches(parts?.secret ?? text, stored?.hash ?? (await unmatchableHash()));
    if (!matches || !stored) return undefined;
    const principal: Principal = {
      name: stored.name,
      role: stored.role,
      tokenId: stored.id,
      rateKey: stored.id,
    };
    this.verified.set(digest, principal);
    return principal;
  }

  private noTokenMessage(): string {
    return this.hasTokens
      ? 'this request needs a token: Authorization: Bearer pct_…'
      : 'this server has no tokens yet: its operator creates one in the workspace and restarts the server (or lets it answer loopback requests without one)';
  }

  private failed(address: string, message: string): HttpError {
    const now = Date.now();
    const entry = this.failures.get(address);
    if (!entry || entry.until <= now) this.failures.set(address, { count: 1, until: now + 60_000 });
    else entry.count++;
    return new HttpError(401, 'UNAUTHORIZED', message, { 'www-authenticate': 'Bearer realm="percontact"' });
  }

  private refuseWhileFailing(address: string): void {
    const entry = this.failures.get(address);
    if (!entry || entry.until <= Date.now() || entry.count < FAILURES_PER_MINUTE) return;
    const seconds = Math.ceil((entry.until - Date.now()) / 1000);
    throw new HttpError(
      429,
      'TOO_MANY_FAILURES',
      `too many failed authentications; try again in ${seconds} s`,
      {
        'retry-after': String(seconds),
      },
    );
  }
}

export function isLoopback(address: string): boolean {
  return (
    address === '127.0.0.1' ||
    address === '::1' ||
    address === '::ffff:127.0.0.1' ||
    address.startsWith('127.')
  );
}
