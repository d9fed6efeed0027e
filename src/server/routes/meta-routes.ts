import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.js';
import { docsPage } from '../docs-page.js';
import { routeDoc } from './respond.js';

/** Health checks, the OpenAPI document, the docs page and who the caller is. */
export function registerMetaRoutes(
  app: FastifyInstance,
  ctx: ServerContext,
  state: { closing: boolean },
): void {
  const open = { access: 'public' as const, rateLimit: false as const };
  const hidden = { hide: true };
  app.get('/healthz', { schema: hidden, config: open }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: hidden, config: open }, async (_request, reply) => {
    const reason = state.closing ? 'shutting down' : await configProblem(ctx);
    if (reason) return reply.code(503).send({ status: 'unavailable', reason });
    return { status: 'ready', dataVersion: ctx.host.dataVersion, writing: ctx.host.busyWith ?? null };
  });
  app.get('/api/v1/openapi.json', { schema: hidden, config: open }, async () => app.swagger());
  let page: string | undefined;
  app.get('/api/v1/docs', { schema: hidden, config: open }, async (_request, reply) => {
    page ??= docsPage(app.swagger() as unknown as Parameters<typeof docsPage>[0]);
    return reply.type('text/html; charset=utf-8').send(page);
  });
  app.get(
    '/api/v1/me',
    {
      schema: routeDoc(
        'Who the token belongs to and its role (what a client may show)',
        ['workspace'],
        'viewer',
      ),
      config: { access: 'viewer' },
    },
    async (request) => {
      const p = request.principal;
      return { name: p?.name, role: p?.role, tokenId: p?.tokenId ?? null, dataVersion: ctx.host.dataVersion };
    },
  );
}

async function configProblem(ctx: ServerContext): Promise<string | undefined> {
  try {
    await ctx.host.refresh();
    void ctx.host.config;
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}
