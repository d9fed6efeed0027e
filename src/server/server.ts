import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import { hasRole } from '../app/actor.js';
import { Authenticator } from './auth.js';
import { type Access, DEFAULT_OPTIONS, type ServerContext, type ServerOptions } from './context.js';
import { loadDashboard } from './dashboard-files.js';
import { body, errorBody } from './error-body.js';
import { HttpError } from './http-error.js';
import { Jobs } from './jobs.js';
import { ResultCache } from './result-cache.js';
import { registerDashboardRoutes } from './routes/dashboard-routes.js';
import { registerImportRoutes } from './routes/import-routes.js';
import { registerMetaRoutes } from './routes/meta-routes.js';
import { registerReadRoutes } from './routes/read-routes.js';
import { registerWriteRoutes } from './routes/write-routes.js';
import type { WorkspaceHost } from './workspace-host.js';

/** What a client refused during shutdown waits before trying again (a restart takes seconds). */
const RETRY_AFTER_SECONDS = 10;

function answeredWhileClosing(method: string, url: string): boolean {
  const path = url.split('?')[0] ?? url;
  return path === '/healthz' || path === '/readyz' || (method === 'GET' && path.startsWith('/api/v1/jobs/'));
}

export interface PercontactServer {
  app: FastifyInstance;
  context: ServerContext;
  /**
   * Stops taking requests (503 with Retry-After) and jobs, lets the requests in flight and the running
   * import finish (or roll back), then closes the server.
   */
  close(): Promise<void>;
}

/**
 * The HTTP API over an open workspace: JSON under /api/v1, requests validated by the use cases'
 * schemas, one error handler, bearer tokens with roles, rate limits per token, security headers,
 * CORS only for configured origins. The workspace host stays the caller's to close.
 */
export async function buildServer(host: WorkspaceHost, given: ServerOptions = {}): Promise<PercontactServer> {
  const options = { ...DEFAULT_OPTIONS, ...given };
  const app = Fastify({
    logger: options.logger,
    bodyLimit: options.jsonLimitBytes,
    requestTimeout: options.requestTimeoutMs,
    trustProxy: false,
    return503OnClosing: true,
  });
  const context: ServerContext = {
    host,
    auth: new Authenticator(host, options.local),
    cache: new ResultCache(options.cacheEntries),
    jobs: new Jobs((error) => app.log.error({ err: error }, 'job failed with a bug')),
    options,
  };
  await context.auth.reload();
  const state = { closing: false };

  // Validation is the use cases' (zod); the route schemas only feed the OpenAPI document.
  app.setValidatorCompiler(() => () => true);
  app.setErrorHandler((error, request, reply) => {
    const answer = errorBody(error);
    if (!answer) {
      request.log.error({ err: error }, 'internal error');
      return reply
        .code(500)
        .send(body(500, 'INTERNAL', `internal error (please report; request ${request.id})`));
    }
    if (error instanceof HttpError) reply.headers(error.headers);
    return reply.code(answer.error.status).send(answer);
  });
  app.setNotFoundHandler((request, reply) =>
    reply
      .code(404)
      .send(
        body(
          404,
          'NOT_FOUND',
          `no endpoint ${request.method} ${request.url.split('?')[0]} (see /api/v1/docs)`,
        ),
      ),
  );

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'percontact API',
        version: '1',
        description:
          'What each customer contact really costs: the operations of the percontact CLI over HTTP.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
  });
  await app.register(helmet, {
    global: true,
    // Plain HTTP on a loopback or LAN address is the normal case: no HTTPS upgrade, no HSTS (a TLS proxy sets its own).
    hsts: false,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
  });
  if (options.corsOrigins.length > 0) await app.register(cors, { origin: [...options.corsOrigins] });
  await app.register(multipart, { limits: { fields: 20, fieldSize: 10_000, parts: options.maxFiles + 25 } });

  // From the moment shutdown begins no new request is taken (health checks and the jobs a client
  // follows aside, so it sees the running import end); requests already past here finish.
  app.addHook('onRequest', async (request) => {
    if (state.closing && !answeredWhileClosing(request.method, request.url)) {
      throw new HttpError(503, 'SHUTTING_DOWN', 'the server is shutting down; try again when it is back', {
        'retry-after': String(RETRY_AFTER_SECONDS),
        connection: 'close',
      });
    }
  });
  app.addHook('onRequest', async (request) => {
    const access: Access = request.routeOptions.config?.access ?? 'viewer';
    if (access === 'public') return;
    const principal = await context.auth.authenticate(
      request.headers.authorization,
      request.socket.remoteAddress,
    );
    request.principal = principal;
    if (principal.role && !hasRole(principal.role, access)) {
      throw new HttpError(
        403,
        'FORBIDDEN',
        `this needs the ${access} role; the token "${principal.name}" has the ${principal.role} role`,
      );
    }
  });
  await app.register(rateLimit, {
    global: true,
    hook: 'preHandler',
    max: options.rateLimitPerMinute,
    timeWindow: 60_000,
    keyGenerator: (request) => request.principal?.rateKey ?? request.ip,
    errorResponseBuilder: (_request, limit) =>
      new HttpError(
        429,
        'RATE_LIMITED',
        `more than ${limit.max} requests a minute; try again in ${limit.after}`,
      ),
  });

  registerMetaRoutes(app, context, state);
  registerReadRoutes(app, context);
  registerWriteRoutes(app, context);
  registerImportRoutes(app, context);
  registerDashboardRoutes(app, await loadDashboard(options.dashboardDir));
  await app.ready();

  return {
    app,
    context,
    close: async () => {
      state.closing = true;
      await context.jobs.close();
      await app.close();
    },
  };
}
