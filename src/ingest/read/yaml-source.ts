import { readFile } from 'node:fs/promises';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type YAMLMap, type YAMLSeq } from 'yaml';
import type { Engine } from '../../engine/engine.js';
import { UserError } from '../../errors.js';
import { type RawRecord, RawTable, rawTableSource } from './raw-table.js';
import type { RawSource } from './source.js';

/**
 * A YAML ledger: a list of entries, either the whole document or the first list under a key
 * (`cost_lines:`, `rates:`...). Numbers keep their written text, so `0.10` stays exact.
 */
export async function yamlSource(engine: Engine, path: string): Promise<RawSource> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(await readFile(path, 'utf8'), { lineCounter });
  const firstError = doc.errors[0];
  if (firstError) {
    const line = firstError.linePos?.[0]?.line;
    throw new UserError(
      'INVALID_INPUT',
      `${path}:${line ?? 1}: not valid YAML: ${firstError.message.split('\n')[0]}`,
      {
        file: path,
        ...(line ? { line } : {}),
      },
    );
  }
  const list = findList(doc.contents);
  if (!list)
    throw new UserError('INVALID_INPUT', `${path}: expected a list of entries (or a key holding one)`, {
      file: path,
    });
  const keys = new Map<string, number>();
  const entries = list.items.map((item) => {
    const line = lineCounter.linePos((item as { range?: [number] }).range?.[0] ?? 0).line;
    if (!isMap(item))
      return { line, fields: new Map<string, string | null>(), problem: 'not a mapping of field: value' };
    const fields = new Map<string, string | null>();
    for (const pair of (item as YAMLMap).items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      if (!keys.has(key)) keys.set(key, keys.size);
      fields.set(key, scalarText(pair.value));
    }
    return { line, fields, problem: undefined };
  });
  const columns = [...keys.keys()];
  const table = await RawTable.create(engine, Math.max(1, columns.length));
  const records: RawRecord[] = entries.map((e) => ({
    line: e.line,
    values: columns.map((c) => e.fields.get(c) ?? null),
    ...(e.problem ? { problem: e.problem } : {}),
  }));
  await table.append(records);
  return rawTableSource(path, table, columns);
}

function findList(contents: unknown): YAMLSeq | undefined {
  if (isSeq(contents)) return contents;
  if (isMap(contents)) {
    for (const pair of contents.items) if (isSeq(pair.value)) return pair.value;
  }
  return undefined;
}

function scalarText(node: unknown): string | null {
  if (!isScalar(node)) return node === null || node === undefined ? null : JSON.stringify(node);
  if (node.value === null || node.value === undefined) return null;
  if (typeof node.value === 'string') return node.value;
  return node.source ?? String(node.value);
}
