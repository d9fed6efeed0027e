import type { Engine } from '../engine/engine.js';
import { column, eq, literal } from '../engine/query.js';
import { selectRows } from '../engine/run-query.js';
import { API_TOKENS_TABLE } from '../engine/schema.js';
import { UserError } from '../errors.js';
import { tokensText } from '../report/tokens-text.js';
import type { Workspace } from '../workspace/workspace.js';
import type { Actor, Role } from './actor.js';
import { audited } from './audit.js';
import { operation, viewOutput } from './operation.js';
import { parseRequest } from './request.js';
import {
  type CreateTokenRequest,
  createTokenRequest,
  type ListTokensRequest,
  listTokensRequest,
  type RevokeTokenRequest,
  revokeTokenRequest,
} from './requests/tokens.js';
import { removeRows } from './store.js';
import { hashSecret, newTokenText } from './token-secret.js';

/** A token as the workspace keeps it: everything but the secret, plus the secret's hash. */
export interface StoredToken extends TokenView {
  hash: string;
}

export interface TokenView {
  id: string;
  name: string;
  role: Role;
  createdAt: string;
  createdBy: string;
  revokedAt: string | null;
}

export interface CreatedToken extends TokenView {
  /** The token itself: shown this once, never stored. */
  token: string;
}

/** Creates a token; the workspace keeps only a hash of its secret. */
export async function createToken(
  workspace: Workspace,
  actor: Actor,
  request: CreateTokenRequest,
): Promise<CreatedToken> {
  const r = parseRequest(createTokenRequest, request);
  const { id, secret, text } = newTokenText();
  const hash = await hashSecret(secret);
  const createdAt = new Date();
  const view: TokenView = {
    id,
    name: r.name,
    role: r.role,
    createdAt: createdAt.toISOString(),
    createdBy: actor.name,
    revokedAt: null,
  };
  await audited(workspace.engine, actor, {
    action: 'token.create',
    work: async () => {
      await workspace.engine.append(API_TOKENS_TABLE, [
        [id, r.name, r.role, hash, createdAt, actor.name, null],
      ]);
      return { result: undefined, target: id, details: { name: r.name, role: r.role } };
    },
  });
  return { ...view, token: text };
}

export async function listTokens(
  workspace: Workspace,
  request: ListTokensRequest = {},
): Promise<{ tokens: TokenView[] }> {
  const r = parseRequest(listTokensRequest, request);
  const tokens = (await storedTokens(workspace.engine))
    .filter((t) => r.revoked || t.revokedAt === null)
    .map(({ hash: _, ...view }) => view);
  return { tokens };
}

export * from './requests/tokens.js';

/** Revokes a token: it stops authenticating at once. The record stays, for the audit log. */
export async function revokeToken(
  workspace: Workspace,
  actor: Actor,
  request: RevokeTokenRequest,
): Promise<TokenView> {
  const r = parseRequest(revokeTokenRequest, request);
  return audited(workspace.engine, actor, {
    action: 'token.revoke',
    work: async () => {
      const [token] = await storedTokens(workspace.engine, r.id);
      if (!token || token.revokedAt !== null) {
        throw new UserError('NOT_FOUND', `no active token ${r.id}`, { parameter: 'id', value: r.id });
      }
      const revokedAt = new Date();
      await removeRows(workspace.engine, API_TOKENS_TABLE, eq(column('id'), literal(r.id)));
      await workspace.engine.append(API_TOKENS_TABLE, [
        [token.id, token.name, token.role, token.hash, new Date(token.createdAt), token.createdBy, revokedAt],
      ]);
      const { hash: _, ...view } = token;
      const revoked = { ...view, revokedAt: revokedAt.toISOString() };
      return { result: revoked, target: r.id, details: { name: token.name, role: token.role } };
    },
  });
}

/** Every token record, hashes included (for authentication; never for display). */
export async function storedTokens(engine: Engine, id?: string): Promise<StoredToken[]> {
  const rows = await selectRows(engine, {
    from: API_TOKENS_TABLE.name,
    columns: API_TOKENS_TABLE.columns.map((c) => ({ name: c.name, expr: column(c.name) })),
    ...(id === undefined ? {} : { where: eq(column('id'), literal(id)) }),
    orderBy: [column('created_at'), column('id')],
  });
  return rows.map((row) => ({
    id: String(row.id),
    name: String(row.name),
    role: row.role as Role,
    hash: String(row.hash),
    createdAt: (row.created_at as Date).toISOString(),
    createdBy: String(row.created_by),
    revokedAt: row.revoked_at instanceof Date ? row.revoked_at.toISOString() : null,
  }));
}

export const listTokensOperation = operation({
  name: 'listTokens',
  summary: 'The API tokens (never their secrets)',
  request: listTokensRequest,
  run: listTokens,
  output: viewOutput(listTokens, ['table'], (view) => tokensText(view), listTokensRequest),
});
