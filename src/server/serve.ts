import { resolve } from 'node:path';
import { UserError } from '../errors.js';
import { isLoopback } from './auth.js';
import type { ServerOptions } from './context.js';
import { claimOwnership, currentOwner, releaseOwnership } from './ownership.js';
import { buildServer, type PercontactServer } from './server.js';
import { clearUploads } from './upload.js';
import { type HostOptions, WorkspaceHost } from './workspace-host.js';

export interface ServeOptions extends ServerOptions, HostOptions {
  workspace: string;
  host: string;
  port: number;
}

export interface RunningServer {
  url: string;
  server: PercontactServer;
  /** Graceful: no new requests or jobs, in-flight ones finish, the running import completes or rolls back. */
  close(): Promise<void>;
}

/** Opens the workspace, starts listening and records the server's ownership in the workspace folder. */
export async function serve(options: ServeOptions): Promise<RunningServer> {
  if (options.local && !isLoopback(options.host) && options.host !== 'localhost') {
    throw new UserError(
      'USAGE',
      `local: serves requests without a token, so it needs a loopback host (127.0.0.1 or ::1), not ${options.host}`,
      {
        parameter: 'local',
      },
    );
  }
  const dir = resolve(options.workspace);
  const owner = await currentOwner(dir);
  if (owner) {
    throw new UserError(
      'USAGE',
      `a percontact server (pid ${owner.pid}) already serves this workspace at ${owner.url}`,
      {
        parameter: 'workspace',
      },
    );
  }
  const host = await WorkspaceHost.open(dir, options);
  await clearUploads(host.dir);
  let server: PercontactServer;
  let url: string;
  try {
    server = await buildServer(host, { liveAgent: liveAgentAccount(), ...options });
    url = await server.app.listen({ host: options.host, port: options.port });
  } catch (error) {
    await host.close();
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new UserError('USAGE', `port ${options.port} on ${options.host} is in use; choose another`, {
        parameter: 'port',
      });
    }
    throw error;
  }
  await claimOwnership(host.dir, { pid: process.pid, url, startedAt: new Date().toISOString() });
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      await server.close();
      await host.close();
      await releaseOwnership(host.dir);
    })();
    return closing;
  };
  return { url, server, close };
}

/** The LiveAgent account pulls read: from the server's environment, never from a request. */
function liveAgentAccount(env: NodeJS.ProcessEnv = process.env): ServerOptions['liveAgent'] {
  const url = env.PERCONTACT_LIVEAGENT_URL;
  const apiKey = env.PERCONTACT_LIVEAGENT_API_KEY;
  return url && apiKey ? { url, apiKey } : null;
}
