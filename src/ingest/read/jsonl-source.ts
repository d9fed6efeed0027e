import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Engine } from '../../engine/engine.js';
import { UserError } from '../../errors.js';
import { type RawRecord, RawTable, rawTableSource } from './raw-table.js';
import type { RawSource } from './source.js';

type JsonLine = { line: number; object?: Record<string, unknown>; problem?: string };

/**
 * JSON Lines: one object per line; its keys become columns (in order of first appearance), nested
 * values stay JSON text. Two passes (keys, then rows) keep memory flat. A line that is not a JSON
 * object becomes a row with a problem, reported at its line.
 */
export async function jsonlSource(engine: Engine, path: string): Promise<RawSource> {
  const keys = new Map<string, number>();
  for await (const { object } of jsonLines(path)) {
    for (const key of Object.keys(object ?? {})) if (!keys.has(key)) keys.set(key, keys.size);
  }
  if (keys.size === 0) throw new UserError('INVALID_INPUT', `${path}: no JSON objects found`, { file: path });
  const columns = [...keys.keys()];
  const table = await RawTable.create(engine, columns.length);
  let batch: RawRecord[] = [];
  for await (const { line, object, problem } of jsonLines(path)) {
    const values = columns.map((key) => jsonText(object?.[key]));
    batch.push(problem ? { line, values, problem } : { line, values });
    if (batch.length >= 10_000) {
      await table.append(batch);
      batch = [];
    }
  }
  await table.append(batch);
  return rawTableSource(path, table, columns);
}

async function* jsonLines(path: string): AsyncGenerator<JsonLine> {
  const lines = createInterface({
    input: createReadStream(path, 'utf8'),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let line = 0;
  for await (const text of lines) {
    line++;
    if (text.trim() === '') continue;
    try {
      const parsed: unknown = JSON.parse(text);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
        yield { line, object: parsed as Record<string, unknown> };
      else yield { line, problem: 'not a JSON object' };
    } catch (error) {
      yield { line, problem: `not valid JSON (${(error as Error).message})` };
    }
  }
}

/** A value as column text: nested values stay JSON text. */
export function jsonText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}
