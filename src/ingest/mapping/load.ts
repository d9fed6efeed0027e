import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import type { z } from 'zod';
import { UserError } from '../../errors.js';
import { type Mapping, mappingSchema } from './schema.js';

/** Parses mapping YAML (a user's file or a preset's text); `name` is used in messages. */
export function parseMapping(text: string, name: string): Mapping {
  let raw: unknown;
  try {
    raw = parse(text) ?? {};
  } catch (error) {
    throw new UserError('USAGE', `${name}: not valid YAML: ${(error as Error).message.split('\n')[0]}`, {
      file: name,
    });
  }
  const result = mappingSchema.safeParse(raw);
  if (!result.success) {
    const first = result.error.issues[0];
    const { path, message } = first ? closestIssue(first) : { path: [], message: 'invalid mapping' };
    const where = path.join('.') || '(top level)';
    throw new UserError('USAGE', `${name}: ${where}: ${message}`, { file: name });
  }
  return result.data;
}

/**
 * What to tell about a value no form of a union accepts (a field given as a number, an object with
 * a misspelt key): the complaint of the form it comes closest to, by its fewest complaints and a
 * misspelt key first, or where it is no form's kind at all, which forms there are.
 */
function closestIssue(
  issue: z.core.$ZodIssue,
  at: readonly PropertyKey[] = [],
): { path: PropertyKey[]; message: string } {
  const path = [...at, ...issue.path];
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return { path, message: issue.message };
  const near = issue.errors.filter(
    (list) => !list.every((i) => i.code === 'invalid_type' && i.path.length === 0),
  );
  if (near.length === 0) return { path, message: FORMS };
  const fewest = Math.min(...near.map((list) => list.length));
  const closest = near.filter((list) => list.length === fewest).flat();
  const next = closest.find((i) => i.code === 'unrecognized_keys') ?? closest[0];
  return next ? closestIssue(next, path) : { path, message: issue.message };
}

const FORMS =
  'expected a column name, or an object such as { column: … }, { value: … }, { date: …, time: … }, { join: [...] } or { cases: [...] } (docs/import.md, "Mapping files")';

export async function loadMappingFile(path: string): Promise<Mapping> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new UserError('NOT_FOUND', `${path}: no such mapping file`, { file: path });
  }
  return parseMapping(text, path);
}
