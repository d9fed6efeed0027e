import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * Token text: `pct_<id>_<secret>`. The id (12 hex digits) is public and finds the stored record; the
 * secret (32 random bytes, base64url) is shown once and stored only as a salted scrypt hash.
 */
const TOKEN_TEXT = /^pct_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;
const COST = { N: 16384, r: 8, p: 1 } as const;
const KEY_BYTES = 32;

export interface TokenText {
  id: string;
  secret: string;
  text: string;
}

export function newTokenText(): TokenText {
  const id = randomBytes(6).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  return { id, secret, text: `pct_${id}_${secret}` };
}

export function parseTokenText(text: string): { id: string; secret: string } | undefined {
  const match = TOKEN_TEXT.exec(text);
  return match ? { id: match[1] as string, secret: match[2] as string } : undefined;
}

/** `scrypt$N$r$p$salt$key`, salt and key in base64url. */
export async function hashSecret(secret: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(secret, salt, COST);
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** Whether `secret` matches a stored hash; the comparison takes the same time wherever they differ. */
export async function secretMatches(secret: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, key] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await derive(secret, Buffer.from(salt, 'base64url'), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/**
 * A hash no secret matches, checked against when a token's id is unknown, so that an unknown id
 * costs the same scrypt work as a wrong secret and the answer's timing tells nothing.
 */
let unmatchable: Promise<string> | undefined;
export function unmatchableHash(): Promise<string> {
  unmatchable ??= hashSecret(randomBytes(32).toString('base64url'));
  return unmatchable;
}

function derive(secret: string, salt: Buffer, cost: { N: number; r: number; p: number }): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(secret, salt, KEY_BYTES, { ...cost, maxmem: 128 * cost.N * cost.r * 2 }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}
