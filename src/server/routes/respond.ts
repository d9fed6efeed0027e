import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Operation } from '../../app/operation.js';
import { parseRequest } from '../../app/request.js';
import type { Access, ServerContext } from '../context.js';
import { HttpError } from '../http-error.js';
import { coerceQuery, type JsonSchema, jsonSchemaOf } from '../json-schema.js';
import { ResultCache } from '../result-cache.js';

/** The request of an operation from an HTTP request: the query (text converted) or the JSON body, and the path parameters. */
export function requestInput(
  request: FastifyRequest,
  source: 'query' | 'body',
  schema: JsonSchema,
): Record<string, unknown> {
  const given =
    source === 'query'
      ? coerceQuery(schema, (request.query ?? {}) as Record<string, unknown>)
      : jsonObject(request.body);
  return { ...given, ...((request.params ?? {}) as Record<string, unknown>) };
}

function jsonObject(body: unknown): Record<string, unknown> {
  if (body === undefined || body === null) return {};
  if (typeof body === 'string' || Buffer.isBuffer(body)) {
    throw new HttpError(
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      'send the request as a JSON object (content-type: application/json)',
    );
  }
  if (typeof body !== 'object' || Array.isArray(body))
    throw new HttpError(400, 'MALFORMED_BODY', 'expected a JSON object');
  return body as Record<string, unknown>;
}

/**
 * Answers a read operation: from the cache when the same request was answered at the same data
 * version, else by running it in a read snapshot (once for identical requests arriving together). The ETag changes with the data version, so a
 * client's `If-None-Match` gets 304 until a write changes the workspace.
 */
export async function answerRead<S extends z.ZodType>(
  ctx: ServerContext,
  operation: Operation<S>,
  input: unknown,
  reply: FastifyReply,
  cached: boolean,
): Promise<FastifyReply> {
  const request = parseRequest(operation.request, input);
  await ctx.host.refresh();
  const version = ctx.host.dataVersion;
  const key = ResultCache.key(operation.name, request);
  const compute = async () => {
    const value = await ctx.host.read(
      (ws) => operation.run(ws, request as z.input<S>),
      ctx.options.readTimeoutMs,
    );
    return { body: JSON.stringify(value), etag: ResultCache.etag(version, key) };
  };
  // A result of a version superseded meanwhile is not kept, but answers this request: it was current when asked.
  const keep = () => cached && version === ctx.host.dataVersion;
  const result = await ctx.cache.resolve(version, key, compute, keep);
  reply
    .header('x-data-version', version)
    .header('etag', result.etag)
    .header('cache-control', 'private, no-cache');
  if (reply.request.headers['if-none-match'] === result.etag) return reply.code(304).send();
  return reply.type('application/json; charset=utf-8').send(result.body);
}

/** Route schema for the OpenAPI document (validation is the request schema's, in the use case). */
export function documented(
  operation: { summary: string; request: z.ZodType },
  source: 'query' | 'body',
  tags: string[],
  access: Access,
  extra: Record<string, unknown> = {},
) {
  const schema = jsonSchemaOf(operation.request);
  const parameters = source === 'query' ? { querystring: schema } : { body: schema };
  return { json: schema, route: routeDoc(operation.summary, tags, access, { ...parameters, ...extra }) };
}

/** What the OpenAPI document says of a route besides its parameters: summary, role, tags, bearer auth. */
export function routeDoc(
  summary: string,
  tags: string[],
  access: Access,
  extra: Record<string, unknown> = {},
) {
  return { summary, description: roleText(access), tags, security: [{ bearer: [] }], ...extra };
}

/** The role an endpoint needs, in words, for the OpenAPI document and the docs page. */
export function roleText(access: Access): string {
  return access === 'public' ? 'No token needed.' : `Needs the ${access} role or higher.`;
}
