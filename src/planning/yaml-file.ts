import { parse } from 'yaml';
import type { z } from 'zod';
import { UserError } from '../errors.js';

/**
 * Parses YAML text against a schema. A bad value is a UserError naming its path as the request
 * parameter (`levers.ivr.containment`, under `prefix` when the document is a request's parameter), with
 * the file and the value, and saying what was expected.
 */
export function parseYamlFile<T extends z.ZodType>(
  text: string,
  file: string,
  schema: T,
  prefix = '',
): z.infer<T> {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (error) {
    throw new UserError(
      'INVALID_INPUT',
      `${file}: not valid YAML: ${(error as Error).message.split('\n')[0]}`,
      { file, ...(prefix ? { parameter: prefix } : {}) },
    );
  }
  const result = schema.safeParse(raw ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const inner = (issue?.path ?? []).map(String).join('.');
  const path = [prefix, inner].filter((p) => p !== '').join('.');
  const value = valueAt(raw, issue?.path ?? []);
  const shown = value === undefined ? '' : ` (got ${JSON.stringify(value)})`;
  throw new UserError(
    'INVALID_INPUT',
    `${file}: ${inner || '(top level)'}: ${issue?.message ?? 'invalid'}${shown}`,
    {
      file,
      ...(path ? { parameter: path } : {}),
      ...(value === undefined ? {} : { value: typeof value === 'string' ? value : JSON.stringify(value) }),
    },
  );
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let at = raw;
  for (const key of path) {
    if (typeof at !== 'object' || at === null) return undefined;
    at = (at as Record<PropertyKey, unknown>)[key];
  }
  return at;
}
