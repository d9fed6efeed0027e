import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Engine } from '../../engine/engine.js';
import { UserError } from '../../errors.js';
import { jsonlSource, jsonText } from './jsonl-source.js';
import { type RawRecord, RawTable, rawTableSource } from './raw-table.js';
import type { RawSource } from './source.js';

/**
 * A `.json` file: a document holding the records (an array of objects, or an object whose first
 * array of objects holds them, as API answers like `{"conversations": [...]}` do), or JSON Lines
 * under a .json name. Each record's line is where its object starts, so problems point into the
 * file. A document is parsed whole: fine for API exports, which are paged to modest sizes.
 */
export async function jsonSource(engine: Engine, path: string): Promise<RawSource> {
  if (await isJsonLines(path)) return jsonlSource(engine, path);
  const text = await readFile(path, 'utf8');
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new UserError('INVALID_INPUT', `${path}: not valid JSON (${(error as Error).message})`, {
      file: path,
    });
  }
  const found = findRecords(document);
  if (!found)
    throw new UserError(
      'INVALID_INPUT',
      `${path}: expected an array of objects, or an object holding one (such as {"calls": [...]})`,
      { file: path },
    );
  const lines = elementLines(text, found.key);
  const keys = new Map<string, number>();
  for (const item of found.items)
    if (isObject(item)) for (const key of Object.keys(item)) if (!keys.has(key)) keys.set(key, keys.size);
  const columns = [...keys.keys()];
  const table = await RawTable.create(engine, Math.max(1, columns.length));
  const records: RawRecord[] = found.items.map((item, i) => {
    const line = lines[i] ?? 1;
    if (!isObject(item)) return { line, values: [], problem: 'not a JSON object' };
    return { line, values: columns.map((c) => jsonText(item[c])) };
  });
  for (let i = 0; i < records.length; i += 10_000) await table.append(records.slice(i, i + 10_000));
  return rawTableSource(path, table, columns);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The records: the document itself when it is an array, else its first array of objects. */
function findRecords(document: unknown): { items: unknown[]; key: string | null } | undefined {
  if (Array.isArray(document)) return { items: document, key: null };
  if (!isObject(document)) return undefined;
  for (const [key, value] of Object.entries(document))
    if (Array.isArray(value) && value.some(isObject)) return { items: value, key };
  return undefined;
}

/**
 * JSON Lines under a .json name: the first non-empty line is a whole JSON object and more lines
 * follow it (a pretty-printed document's first line is not valid JSON on its own).
 */
async function isJsonLines(path: string): Promise<boolean> {
  const lines = createInterface({
    input: createReadStream(path, 'utf8'),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let first: unknown;
  let seen = 0;
  try {
    for await (const line of lines) {
      if (line.trim() === '') continue;
      seen++;
      if (seen === 2) return isObject(first);
      try {
        first = JSON.parse(line);
      } catch {
        return false;
      }
    }
  } finally {
    lines.close();
  }
  // A single line: a document only if it holds an array of records.
  return isObject(first) && findRecords(first) === undefined;
}

/**
 * The 1-based line on which each element of the records array starts: the top-level array, or the
 * array under `key` in the top-level object. A small scan over strings and brackets.
 */
export function elementLines(text: string, key: string | null): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let stringStart = 0;
  let lastKey: string | null = null;
  let arrayDepth = key === null ? 1 : -1;
  let expectElement = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n') line++;
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') {
        inString = false;
        if (depth === 1) lastKey = text.slice(stringStart, i);
      }
      continue;
    }
    if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n') continue;
    if (expectElement && ch !== ']') {
      lines.push(line);
      expectElement = false;
    }
    if (ch === '"') {
      inString = true;
      stringStart = i + 1;
    } else if (ch === '[' || ch === '{') {
      depth++;
      if (ch === '[' && arrayDepth < 0 && depth === 2 && lastKey === key) arrayDepth = depth;
      if (depth === arrayDepth && ch === '[') expectElement = true;
    } else if (ch === ']' || ch === '}') {
      if (depth === arrayDepth && ch === ']') return lines;
      depth--;
    } else if (ch === ',' && depth === arrayDepth) expectElement = true;
  }
  return lines;
}
