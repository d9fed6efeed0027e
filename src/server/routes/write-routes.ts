import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import type { Actor } from '../../app/actor.js';
import { changeConfig, changeConfigRequest } from '../../app/change-config.js';
import {
  addCost,
  addCostRequest,
  editCost,
  editCostRequest,
  removeCost,
  removeCostRequest,
} from '../../app/costs.js';
import { removeImport, removeImportRequest } from '../../app/imports.js';
import { parseRequest } from '../../app/request.js';
import { createToken, createTokenRequest, revokeToken, revokeTokenRequest } from '../../app/tokens.js';
import type { Workspace } from '../../workspace/workspace.js';
import type { Access, ServerContext } from '../context.js';
import { documented, requestInput, routeDoc } from './respond.js';

interface WriteRoute<S extends z.ZodType> {
  method: 'POST' | 'PATCH' | 'DELETE';
  url: string;
  summary: string;
  request: S;
  access: Access;
  tag: string;
  status: 200 | 201;
  run(workspace: Workspace, actor: Actor, request: z.input<S>): Promise<unknown>;
  /** After the write has committed (e.g. re-read the tokens). */
  afterCommit?: (ctx: ServerContext) => Promise<void>;
}

const route = <S extends z.ZodType>(r: WriteRoute<S>) => r as unknown as WriteRoute<z.ZodType>;
const ID_PARAMS = { params: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] } };
const reloadTokens = (ctx: ServerContext) => ctx.auth.reload();
// The next read picks up the new percontact.yaml anyway; refreshing now spares it the stat.
const reloadConfig = (ctx: ServerContext) => ctx.host.refresh();

const WRITES: WriteRoute<z.ZodType>[] = [
  route({
    method: 'POST',
    url: '/costs',
    summary: 'Add a cost line (validated as import costs validates a ledger; audited)',
    request: addCostRequest,
    access: 'analyst',
    tag: 'costs',
    status: 201,
    run: addCost,
  }),
  route({
    method: 'PATCH',
    url: '/costs/:id',
    summary: 'Change fields of a cost line (audited with the line before and after)',
    request: editCostRequest,
    access: 'analyst',
    tag: 'costs',
    status: 200,
    run: editCost,
  }),
  route({
    method: 'DELETE',
    url: '/costs/:id',
    summary: 'Remove a cost line (audited)',
    request: removeCostRequest,
    access: 'analyst',
    tag: 'costs',
    status: 200,
    run: removeCost,
  }),
  route({
    method: 'DELETE',
    url: '/imports/:id',
    summary:
      'Remove an import: exactly the rows it stored, all or nothing (audited with the totals before and after)',
    request: removeImportRequest,
    access: 'analyst',
    tag: 'imports',
    status: 200,
    run: removeImport,
  }),
  route({
    method: 'POST',
    url: '/tokens',
    summary: 'Create a token; the answer holds it once, the workspace only its hash',
    request: createTokenRequest,
    access: 'admin',
    tag: 'tokens',
    status: 201,
    run: createToken,
    afterCommit: reloadTokens,
  }),
  route({
    method: 'DELETE',
    url: '/tokens/:id',
    summary: 'Revoke a token: it stops authenticating at once',
    request: revokeTokenRequest,
    access: 'admin',
    tag: 'tokens',
    status: 200,
    run: revokeToken,
    afterCommit: reloadTokens,
  }),
  route({
    method: 'PATCH',
    url: '/config',
    summary:
      'Change settings of percontact.yaml: a JSON merge patch (null resets a section), checked as the file is; audited with the settings before and after',
    request: changeConfigRequest,
    access: 'admin',
    tag: 'workspace',
    status: 200,
    run: changeConfig,
    afterCommit: reloadConfig,
  }),
];

/** Writes: validated before they queue, run one at a time, each audited in its own transaction. */
export function registerWriteRoutes(app: FastifyInstance, ctx: ServerContext): void {
  for (const write of WRITES) {
    const doc = documented(
      write,
      'body',
      [write.tag],
      write.access,
      write.url.includes(':id') ? ID_PARAMS : {},
    );
    app.route({
      method: write.method,
      url: `/api/v1${write.url}`,
      schema:
        write.method === 'DELETE' ? routeDoc(write.summary, [write.tag], write.access, ID_PARAMS) : doc.route,
      config: { access: write.access },
      handler: async (request, reply) => {
        const input = parseRequest(write.request, requestInput(request, 'body', doc.json).input);
        const actor = request.principal as Actor;
        const result = await ctx.host.write(`${write.method} ${write.url}`, (ws) =>
          write.run(ws, actor, input),
        );
        await write.afterCommit?.(ctx);
        return reply.code(write.status).send(result);
      },
    });
  }
}
