import type { z } from 'zod';
import type { Workspace } from '../workspace/workspace.js';

/**
 * One use case as data: its request schema (the source of validation, of the HTTP API's parameters
 * and of the OpenAPI document) and the function from a workspace and a request to a plain view.
 */
export interface Operation<S extends z.ZodType = z.ZodType, V = unknown> {
  name: string;
  /** One line for the OpenAPI document and the docs page. */
  summary: string;
  request: S;
  run(workspace: Workspace, request: z.input<S>): Promise<V>;
  /** The formats besides JSON (the view itself): what the CLI's --format prints and the API's `format` answers. */
  output?: Output<S>;
  /** What a reader of the JSON must know that it has no room for (the CLI says it on stderr). */
  warnings?(view: V): string[];
}

/** Text (a table, CSV, HTML) or bytes (XLSX, PDF). */
export type Rendered = string | Uint8Array;

export interface Output<S extends z.ZodType = z.ZodType> {
  formats: readonly [string, ...string[]];
  /** `width`: the terminal columns a text table must fit (undefined: full width). */
  render(workspace: Workspace, request: z.input<S>, format: string, width?: number): Promise<Rendered>;
}

export function operation<S extends z.ZodType, V>(op: Operation<S, V>): Operation<S, V> {
  return op;
}

/** An output that renders the operation's view (for views that need nothing else to be rendered). */
export function viewOutput<S extends z.ZodType, V>(
  run: (workspace: Workspace, request: z.input<S>) => Promise<V>,
  formats: readonly [string, ...string[]],
  render: (view: V, format: string, request: z.output<S>, width?: number) => Rendered | Promise<Rendered>,
  schema: S,
): Output<S> {
  return {
    formats,
    async render(workspace, request, format, width) {
      return render(await run(workspace, request), format, schema.parse(request), width);
    },
  };
}

/** A renderer's formats without json (the operation's view itself). */
export function besidesJson(formats: readonly string[]): [string, ...string[]] {
  return formats.filter((f) => f !== 'json') as [string, ...string[]];
}
