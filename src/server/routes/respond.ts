import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Operation, Output } from '../../app/operation.js';
import { listText } from '../../app/params.js';
import { badParameter, parseRequest } from '../../app/request.js';
import { fromText, type JsonSchema, jsonSchemaOf } from '../../app/request-text.js';
import type { Access, ServerContext } from '../context.js';
import { HttpError } from '../http-error.js';
import { type CachedResult, ResultCache } from '../result-cache.js';

/** How the answer is written: JSON (the view), or one of the operation's other formats. */
export interface Rendering {
  format: string;
  /** Columns a text table fits (default: its full width). */
  width?: number;
}

/**
 * The request of an operation from an HTTP request: the query (text converted) or the JSON body,
 * and the path parameters; `format` and `width` always from the query string.
 */
export function requestInput(
  request: FastifyRequest,
  source: 'query' | 'body',
  schema: JsonSchema,
): { input: Record<string, unknown>; rendering: Rendering } {
  const { format, width, ...query } = (request.query ?? {}) as Record<string, unknown>;
  const given = source === 'query' ? fromText(schema, query) : jsonObject(request.body);
  return {
    input: { ...given, ...((request.params ?? {}) as Record<string, unknown>) },
    rendering: renderingOf(format, width),
  };
}

function renderingOf(format: unknown, width: unknown): Rendering {
  if (format !== undefined && typeof format !== 'string') throw badParameter('format', 'give one format');
  if (width === undefined) return { format: format ?? 'json' };
  const columns = Number(width);
  if (typeof width !== 'string' || !Number.isInteger(columns) || columns < 20 || columns > 1000)
    throw badParameter('width', 'expected a whole number of columns from 20 to 1000', String(width));
  return { format: format ?? 'json', width: columns };
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
  given: { input: unknown; rendering: Rendering },
  reply: FastifyReply,
  cached: boolean,
): Promise<FastifyReply> {
  const request = parseRequest(operation.request, given.input);
  const { format, width } = given.rendering;
  const output = format === 'json' ? undefined : outputOf(operation, format);
  await ctx.host.refresh();
  const version = ctx.host.dataVersion;
  const key = ResultCache.key(operation.name, { request, format, width });
  const compute = async (): Promise<CachedResult> => {
    const body = await ctx.host.read(
      (ws) =>
        output
          ? output.render(ws, request as z.input<S>, format, width)
          : operation.run(ws, request as z.input<S>).then((view) => JSON.stringify(view)),
      ctx.options.readTimeoutMs,
    );
    return { body, type: CONTENT_TYPES[format] ?? JSON_TYPE, etag: ResultCache.etag(version, key) };
  };
  // A result of a version superseded meanwhile is not kept, but answers this request: it was current when asked.
  const keep = () => cached && version === ctx.host.dataVersion;
  const result = await ctx.cache.resolve(version, key, compute, keep);
  reply
    .header('x-data-version', version)
    .header('etag', result.etag)
    .header('cache-control', 'private, no-cache');
  if (reply.request.headers['if-none-match'] === result.etag) return reply.code(304).send();
  if (format === 'xlsx' || format === 'pdf')
    reply.header('content-disposition', `attachment; filename="${operation.name}.${format}"`);
  return reply
    .type(result.type)
    .send(typeof result.body === 'string' ? result.body : Buffer.from(result.body));
}

const JSON_TYPE = 'application/json; charset=utf-8';
const CONTENT_TYPES: Record<string, string> = {
  json: JSON_TYPE,
  table: 'text/plain; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  yaml: 'application/yaml; charset=utf-8',
  html: 'text/html; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

function outputOf(operation: Operation, format: string): Output {
  const formats = ['json', ...(operation.output?.formats ?? [])];
  if (!operation.output || !formats.includes(format))
    throw badParameter('format', `use ${listText(formats)}`, format);
  return operation.output;
}

/** Route schema for the OpenAPI document (validation is the request schema's, in the use case). */
export function documented(
  operation: { summary: string; request: z.ZodType; output?: Output | undefined },
  source: 'query' | 'body',
  tags: string[],
  access: Access,
  extra: Record<string, unknown> = {},
) {
  const schema = jsonSchemaOf(operation.request);
  const rendering = operation.output ? renderingSchema(operation.output.formats) : undefined;
  const parameters =
    source === 'query'
      ? {
          querystring: rendering ? { ...schema, properties: { ...schema.properties, ...rendering } } : schema,
        }
      : { body: schema, ...(rendering ? { querystring: { type: 'object', properties: rendering } } : {}) };
  return { json: schema, route: routeDoc(operation.summary, tags, access, { ...parameters, ...extra }) };
}

function renderingSchema(formats: readonly string[]): Record<string, JsonSchema> {
  return {
    format: {
      type: 'string',
      enum: ['json', ...formats],
      default: 'json',
      description: 'json (the view), or what the CLI prints with --format',
    },
    width: { type: 'integer', minimum: 20, maximum: 1000, description: 'columns a table fits' },
  };
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
