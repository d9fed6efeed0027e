import type { z } from 'zod';
import { UserError } from '../errors.js';
import type { Baseline } from '../planning/baseline/baseline.js';
import { readBaseline } from '../planning/baseline/baseline-file.js';
import { deriveBaseline } from '../planning/baseline/derive.js';
import { parseYamlFile } from '../planning/yaml-file.js';
import type { Workspace } from '../workspace/workspace.js';

export interface PlanSource {
  from?: string | undefined;
  to?: string | undefined;
  intervalSeconds: 900 | 1800 | 3600;
  baseline?: string | Record<string, unknown> | undefined;
}

/**
 * The baseline of a plan: read from the request, or derived from the workspace range through the
 * report's reads.
 */
export async function baselineOf(workspace: Workspace | undefined, source: PlanSource): Promise<Baseline> {
  if (source.baseline !== undefined) {
    if (source.from !== undefined || source.to !== undefined)
      throw new UserError('USAGE', 'a baseline has its own range; from and to go with a workspace', {
        parameter: source.from !== undefined ? 'from' : 'to',
      });
    return readBaseline(documentText(source.baseline), 'baseline', 'baseline');
  }
  if (!workspace) {
    throw new UserError('USAGE', 'give a baseline, or a workspace to derive it from', {
      parameter: 'baseline',
    });
  }
  return deriveBaseline(workspace.engine, workspace.config, {
    ...(source.from ? { from: source.from } : {}),
    ...(source.to ? { to: source.to } : {}),
    intervalSeconds: source.intervalSeconds,
    workspace: workspace.dir,
  });
}

/** A scenario or ranges document, checked against its schema; a bad value names its path under `parameter`. */
export function specOf<T extends z.ZodType>(
  spec: string | Record<string, unknown>,
  parameter: string,
  schema: T,
): z.infer<T> {
  return parseYamlFile(documentText(spec), parameter, schema, parameter);
}

function documentText(document: string | Record<string, unknown>): string {
  // JSON is YAML: an object is checked by the same parser as a file.
  return typeof document === 'string' ? document : JSON.stringify(document);
}
