import { z } from 'zod';
import { ROLES } from '../actor.js';
import { oneOf } from '../params.js';
import { hasControlCharacters } from '../plain-text.js';

const tokenName = z
  .string({ error: () => 'expected a name' })
  .trim()
  .min(1, { error: () => 'expected a name' })
  .max(100, { error: () => 'is longer than 100 characters' })
  .refine((text) => !hasControlCharacters(text), { error: () => 'contains control characters' });

const tokenId = z.string().regex(/^[0-9a-f]{12}$/, { error: () => 'expected a token id (12 hex digits)' });

export const createTokenRequest = z.strictObject({
  role: oneOf(ROLES).describe(
    'viewer (reads), analyst (also imports and edits costs) or admin (also tokens and config)',
  ),
  name: tokenName.describe('who or what uses the token, e.g. "dashboard" or "finance-export"'),
});
export type CreateTokenRequest = z.input<typeof createTokenRequest>;

export const listTokensRequest = z.strictObject({
  revoked: z
    .boolean({ error: () => 'expected true or false' })
    .default(false)
    .describe('include revoked tokens'),
});
export type ListTokensRequest = z.input<typeof listTokensRequest>;

export const revokeTokenRequest = z.strictObject({ id: tokenId.describe('the token id (pct_<id>_…)') });
export type RevokeTokenRequest = z.input<typeof revokeTokenRequest>;
