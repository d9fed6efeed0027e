import type { Actor } from '../app/actor.js';
import type { Operation, Rendered } from '../app/operation.js';
import { listText } from '../app/params.js';
import { parseRequest } from '../app/request.js';
import { UserError } from '../errors.js';
import type { Workspace } from '../workspace/workspace.js';
import { cliActor } from './actor.js';
import { io } from './io.js';
import type { Call } from './remote.js';
import { openCommandWorkspace } from './workspace.js';

/** Where a command's use case runs: on the workspace folder, or on the server that owns it. */
export interface Where {
  workspace?: string | undefined;
  server?: string | undefined;
}

export interface Printing {
  format: string;
  /** Write to this file instead of stdout. */
  out?: string | undefined;
  /** `required`: the operation reads a workspace; `optional`: only some requests do (staff's history). */
  workspace: 'required' | 'optional';
}

/**
 * Runs a read use case and prints its view: JSON for `--format json`, else the operation's rendering
 * of that format. On a workspace folder it opens the folder for reading beside other readers; with
 * `--server` it sends the same request to the API, which renders the same output.
 */
export async function printOperation(
  op: Operation,
  request: Record<string, unknown>,
  where: Where,
  printing: Printing,
): Promise<void> {
  const { format } = printing;
  const place = placeOf(where, printing.workspace);
  const formats = [...new Set([op.output?.formats[0] ?? 'json', 'json', ...(op.output?.formats ?? [])])];
  if (!formats.includes(format)) throw new UserError('USAGE', `--format ${format}: use ${listText(formats)}`);
  // A request the use case refuses is said before any workspace is opened.
  parseRequest(op.request, request);
  if ((format === 'xlsx' || format === 'pdf') && !printing.out && process.stdout.isTTY) {
    throw new UserError(
      'USAGE',
      `--format ${format} is binary: write it to a file with --out FILE or redirect stdout`,
    );
  }
  const width = !printing.out && process.stdout.isTTY ? process.stdout.columns : undefined;
  const output = place.server
    ? await remoteOutput(place.server, op, request, format, width)
    : await onWorkspace(place.workspace, (ws) =>
        format === 'json'
          ? op.run(ws as Workspace, request)
          : (op.output as NonNullable<Operation['output']>).render(ws as Workspace, request, format, width),
      );
  if (format !== 'json') return emit(output as Rendered, printing.out);
  for (const warning of op.warnings?.(output) ?? []) io.err(`percontact: ${warning}\n`);
  await emit(json(output), printing.out);
}

export const json = (view: unknown) => `${JSON.stringify(view, null, 2)}\n`;

function placeOf(where: Where, needs: 'required' | 'optional'): Where {
  if (where.server && where.workspace)
    throw new UserError('USAGE', '--workspace and --server: give one (the server has its workspace)');
  if (!where.server && !where.workspace && needs === 'required')
    throw new UserError('USAGE', 'give --workspace DIR (or --server URL of the server that owns it)', {
      parameter: 'workspace',
    });
  return where;
}

/** Runs `work` on the workspace opened for reading (closed after), or on none when the command has none. */
export async function onWorkspace<T>(
  dir: string | undefined,
  work: (ws: Workspace | undefined) => Promise<T>,
): Promise<T> {
  if (!dir) return work(undefined);
  const workspace = await openCommandWorkspace(dir, 'read');
  try {
    return await work(workspace);
  } finally {
    await workspace.close();
  }
}

async function remoteOutput(
  server: string,
  op: Operation,
  request: Record<string, unknown>,
  format: string,
  width: number | undefined,
): Promise<unknown> {
  const [{ readRouteOf }, { callServer }] = await Promise.all([
    import('../server/routes/read-routes.js'),
    import('./remote.js'),
  ]);
  const route = readRouteOf(op.name);
  const method = route.methods?.includes('GET') === false ? 'POST' : 'GET';
  const path = route.url.replace(':id', encodeURIComponent(String(request.id ?? '')));
  const { id: _, ...rest } = request;
  const answer = await callServer(server, {
    method,
    path,
    request: route.url.includes(':id') ? rest : request,
    query: { format, ...(width ? { width: String(width) } : {}) },
  });
  if (format === 'json') return answer.json();
  return format === 'xlsx' || format === 'pdf' ? answer.bytes : answer.text();
}

export interface Write<V> {
  /** The use case on the workspace, with the CLI's user as the actor (audited). */
  local(workspace: Workspace, actor: Actor): Promise<V>;
  /** The same request to the server (its token's name is the actor). */
  remote: Call;
  /** The result as text for `--format table`. */
  text(view: V): string;
}

/** Runs a write use case on the workspace (opened alone) or on the server, and prints its result. */
export async function printWrite<V>(where: Where, format: string, write: Write<V>): Promise<void> {
  const place = placeOf(where, 'required');
  let view: V;
  if (place.server) {
    const { callServer } = await import('./remote.js');
    view = (await callServer(place.server, write.remote)).json() as V;
  } else {
    const workspace = await openCommandWorkspace(place.workspace as string, 'write');
    try {
      view = await write.local(workspace, await cliActor());
    } finally {
      await workspace.close();
    }
  }
  io.out(format === 'json' ? json(view) : write.text(view));
}

/** Writes an output to a file, or to stdout (binary data bypasses io). */
export async function emit(output: Rendered, file: string | undefined): Promise<void> {
  if (file) {
    const { writeFile } = await import('node:fs/promises');
    try {
      await writeFile(file, output);
    } catch (error) {
      throw new UserError(
        'USAGE',
        `--out ${file}: cannot write the file (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
        { file },
      );
    }
  } else if (typeof output === 'string') {
    io.out(output);
  } else {
    // Binary data bypasses io (text only); the terminal check keeps it off screens.
    process.stdout.write(output);
  }
}
