import type {} from '@fastify/swagger';
import type { Role } from '../app/actor.js';
import type { Authenticator, Principal } from './auth.js';
import { DASHBOARD_DIR } from './dashboard-files.js';
import type { Jobs } from './jobs.js';
import type { ResultCache } from './result-cache.js';
import type { WorkspaceHost } from './workspace-host.js';

export interface ServerOptions {
  /** Serve requests without a token from loopback addresses (the server must listen on loopback). */
  local?: boolean;
  /** Bytes per uploaded file (default 200 MB): larger ones are refused with 413 and nothing is written. */
  uploadLimitBytes?: number;
  /** Files per import (default 10). */
  maxFiles?: number;
  /** Requests per minute per token (or per address without one); default 600. */
  rateLimitPerMinute?: number;
  /** Time to receive a whole request, upload included (default 120 s). */
  requestTimeoutMs?: number;
  /** A read running longer is interrupted and answered 503 (default 30 s). */
  readTimeoutMs?: number;
  /** Cached results at most (default 500; 0 turns the cache off). */
  cacheEntries?: number;
  /** Origins allowed to call the API from a browser page of theirs; default none (CORS off). */
  corsOrigins?: readonly string[];
  /** JSON request bodies at most (default 4 MB). */
  jsonLimitBytes?: number;
  /** Log requests (pino, to stdout); default off. */
  logger?: boolean;
  /** The built dashboard served at `/` (default: the package's dist/web). */
  dashboardDir?: string;
  /**
   * The LiveAgent account POST /pull/liveagent reads (from the server's environment, see serve.ts);
   * null: pulls are refused.
   */
  liveAgent?: { url: string; apiKey: string } | null;
}

export type ResolvedOptions = Required<ServerOptions>;

export const DEFAULT_OPTIONS: ResolvedOptions = {
  local: false,
  uploadLimitBytes: 200 * 1024 * 1024,
  maxFiles: 10,
  rateLimitPerMinute: 600,
  requestTimeoutMs: 120_000,
  readTimeoutMs: 30_000,
  cacheEntries: 500,
  corsOrigins: [],
  jsonLimitBytes: 4 * 1024 * 1024,
  logger: false,
  dashboardDir: DASHBOARD_DIR,
  liveAgent: null,
};

/** What route modules share. */
export interface ServerContext {
  host: WorkspaceHost;
  auth: Authenticator;
  cache: ResultCache;
  jobs: Jobs;
  options: ResolvedOptions;
}

/** Who may call a route: `public` needs no token; a role includes the ones below it. */
export type Access = Role | 'public';

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
  interface FastifyContextConfig {
    access?: Access;
  }
}
