import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { DashboardFile } from '../dashboard-files.js';

const NOT_BUILT = `<!doctype html><html lang="en"><meta charset="utf-8"><title>percontact</title>
<p>The dashboard is not built in this copy of percontact: run <code>npm run build</code> (a clone builds it on <code>npm ci</code>). The API is at <a href="/api/v1/docs">/api/v1/docs</a>.</p></html>`;

/**
 * The dashboard at `/` and its assets at `/assets/…`: static files, no token needed (the page holds
 * no data; every figure comes from the API with the user's token).
 */
export function registerDashboardRoutes(
  app: FastifyInstance,
  files: Map<string, DashboardFile> | undefined,
): void {
  const open = { access: 'public' as const, rateLimit: false as const };
  const hidden = { hide: true };
  const send = (file: DashboardFile | undefined, request: FastifyRequest, reply: FastifyReply) => {
    if (!file) return reply.callNotFound();
    const gzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    reply
      .type(file.type)
      .header('vary', 'accept-encoding')
      .header('cache-control', file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    if (gzip) reply.header('content-encoding', 'gzip');
    return reply.send(gzip ? file.gzip : file.body);
  };
  app.get('/', { schema: hidden, config: open }, (request, reply) =>
    files ? send(files.get('/'), request, reply) : reply.type('text/html; charset=utf-8').send(NOT_BUILT),
  );
  app.get('/assets/*', { schema: hidden, config: open }, (request, reply) =>
    send(files?.get(request.url.split('?')[0] ?? ''), request, reply),
  );
}
