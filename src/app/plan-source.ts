import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { UserError } from '../errors.js';
import type { Baseline } from '../planning/baseline/baseline.js';
import { readBaseline } from '../planning/baseline/baseline-file.js';
import { deriveBaseline } from '../planning/baseline/derive.js';
import { parseYamlFile } from '../planning/yaml-file.js';
import { openWorkspace } from '../workspace/workspace.js';

/** Where a plan's baseline comes from: a workspace range, or a baseline file written by planBaseline. */
export interface PlanSource {
  workspace?: string;
  /** Date or period, included; default: the data's first day. */
  from?: string;
  to?: string;
  /** Interval length in seconds: 900, 1800 (default) or 3600. */
  intervalSeconds?: number;
  /** A baseline YAML file instead of a workspace. */
  baseline?: string;
}

const INTERVALS = [900, 1800, 3600] as const;

export function intervalOf(seconds: number | undefined): 900 | 1800 | 3600 {
  const value = seconds ?? 1800;
  if (!(INTERVALS as readonly number[]).includes(value)) {
    throw new UserError('USAGE', `interval ${value} s: use 900, 1800 or 3600 (15, 30 or 60 minutes)`, {
      parameter: 'intervalSeconds',
      value: String(value),
    });
  }
  return value as 900 | 1800 | 3600;
}

/** The baseline of a plan: derived from the workspace through the report's reads, or read from its file. */
export async function baselineOf(source: PlanSource): Promise<Baseline> {
  if ((source.workspace === undefined) === (source.baseline === undefined)) {
    throw new UserError('USAGE', 'give a workspace (with its range) or a baseline file, not both', {
      parameter: source.workspace === undefined ? 'workspace' : 'baseline',
    });
  }
  if (source.baseline !== undefined) {
    if (source.from !== undefined || source.to !== undefined)
      throw new UserError('USAGE', 'a baseline file has its own range; from and to go with a workspace', {
        parameter: source.from !== undefined ? 'from' : 'to',
      });
    return readBaseline(await readText(source.baseline, 'baseline'), source.baseline);
  }
  const workspace = await openWorkspace(source.workspace as string);
  try {
    return await deriveBaseline(workspace.engine, workspace.config, {
      ...(source.from ? { from: source.from } : {}),
      ...(source.to ? { to: source.to } : {}),
      intervalSeconds: intervalOf(source.intervalSeconds),
      workspace: source.workspace as string,
    });
  } finally {
    await workspace.close();
  }
}

export async function readText(file: string, parameter: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    throw new UserError('NOT_FOUND', `cannot read ${file}`, { file, parameter });
  }
}

/** A scenario or ranges file by path, or the same content given as an object (the library's way). */
export async function specOf<T extends z.ZodType>(
  spec: string | object,
  parameter: string,
  schema: T,
): Promise<z.infer<T>> {
  if (typeof spec === 'string') return parseYamlFile(await readText(spec, parameter), spec, schema);
  return parseYamlFile(JSON.stringify(spec), parameter, schema);
}
