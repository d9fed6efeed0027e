import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
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
    const issue = result.error.issues[0];
    const where = issue?.path.join('.') || '(top level)';
    throw new UserError('USAGE', `${name}: ${where}: ${issue?.message ?? 'invalid mapping'}`, { file: name });
  }
  return result.data;
}

export async function loadMappingFile(path: string): Promise<Mapping> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new UserError('NOT_FOUND', `${path}: no such mapping file`, { file: path });
  }
  return parseMapping(text, path);
}
