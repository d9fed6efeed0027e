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
}

export function operation<S extends z.ZodType, V>(op: Operation<S, V>): Operation<S, V> {
  return op;
}
