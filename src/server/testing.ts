import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import type { Role } from '../app/actor.js';
import { TEST_ACTOR } from '../app/testing.js';
import { createToken } from '../app/tokens.js';
import { openWorkspace } from '../workspace/workspace.js';
import type { ServerOptions } from './context.js';
import { buildServer, type PercontactServer } from './server.js';
import { type HostOptions, WorkspaceHost } from './workspace-host.js';

export interface TestServer extends PercontactServer {
  host: WorkspaceHost;
  /** A token per role, created before the server started. */
  tokens: Record<Role, string>;
  /** `Authorization` headers for a role's token. */
  as(role: Role): { authorization: string };
  stop(): Promise<void>;
}

/** A server over the workspace folder `dir` (removed with `stop` when `remove`), with one token per role. */
export async function testServer(
  dir: string,
  options: ServerOptions & HostOptions & { remove?: string } = {},
): Promise<TestServer> {
  const workspace = await openWorkspace(dir);
  const tokens = {} as Record<Role, string>;
  try {
    for (const role of ['viewer', 'analyst', 'admin'] as const) {
      tokens[role] = (await createToken(workspace, TEST_ACTOR, { role, name: `${role}-token` })).token;
    }
  } finally {
    await workspace.close();
  }
  const host = await WorkspaceHost.open(dir, options);
  const server = await buildServer(host, options);
  return {
    ...server,
    host,
    tokens,
    as: (role) => ({ authorization: `Bearer ${tokens[role]}` }),
    stop: async () => {
      await server.close();
      await host.close();
      if (options.remove) await rm(options.remove, { recursive: true, force: true });
    },
  };
}

export interface Part {
  name: string;
  value: string | Buffer;
  /** Set for a file part. */
  filename?: string;
}

/** A multipart/form-data body, as browsers and curl -F send it. */
export function multipart(parts: readonly Part[]): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----percontact${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const file = part.filename === undefined ? '' : `; filename="${part.filename.replaceAll('"', '%22')}"`;
    const type = part.filename === undefined ? '' : '\r\nContent-Type: application/octet-stream';
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"${file}${type}\r\n\r\n`,
      ),
    );
    chunks.push(Buffer.isBuffer(part.value) ? part.value : Buffer.from(part.value));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
