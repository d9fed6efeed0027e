import type { Operation, Rendered } from '../app/operation.js';
import { UserError } from '../errors.js';
import type { Workspace } from '../workspace/workspace.js';
import { io } from './io.js';
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
  /** Notes for stderr the view implies (where JSON has no room for them). */
  warnings?: ((view: unknown) => string[]) | undefined;
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
  if (format !== 'json' && !op.output?.formats.includes(format))
    throw new UserError(
      'USAGE',
      `--format ${format}: use ${['json', ...(op.output?.formats ?? [])].join(', ')}`,
    );
  if ((format === 'xlsx' || format === 'pdf') && !printing.out && process.stdout.isTTY) {
    throw new UserError(
      'USAGE',
      `--format ${format} is binary: write it to a file with --out FILE or redirect stdout`,
    );
  }
  const width = !printing.out && process.stdout.isTTY ? process.stdout.columns : undefined;
  let output: Rendered;
  if (place.server) {
    output = await remoteOutput(place.server, op, request, format, width);
  } else {
    output = await onWorkspace(place.workspace, async (ws) => {
      if (format !== 'json')
        return (op.output as NonNullable<Operation['output']>).render(
          ws as Workspace,
          request,
          format,
          width,
        );
      const view = await op.run(ws as Workspace, request);
      for (const warning of printing.warnings?.(view) ?? []) io.err(`percontact: ${warning}\n`);
      return json(view);
    });
  }
  await emit(output, printing.out);
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
): Promise<Rendered> {
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
  if (format === 'json') return json(answer.json());
  return format === 'xlsx' || format === 'pdf' ? answer.bytes : answer.text();
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
