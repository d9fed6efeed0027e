import { basename, extname, resolve } from 'node:path';
import type { Engine } from '../../engine/engine.js';
import { and, column, eq, isNull, literal, not } from '../../engine/query.js';
import { selectRows } from '../../engine/run-query.js';
import { IMPORTS_TABLE } from '../../engine/schema.js';
import { UserError } from '../../errors.js';
import { isTableLocator, parseTableLocator } from '../read/table-source.js';
import type { ImportKind } from '../targets/target.js';

/**
 * The source an import's rows are stored under (each source keeps its own ids): the request's, else
 * the mapping's (a preset names its system), else the one the same file was imported under before
 * (so a re-import stays idempotent), else the file name's stem. Two systems' files thus never share
 * a source by default.
 */
export async function sourceName(
  engine: Engine,
  kind: ImportKind,
  files: readonly string[],
  given: { request?: string | undefined; mapping?: string | undefined },
): Promise<string> {
  if (given.request) return given.request;
  if (given.mapping) return given.mapping;
  return (await earlierSource(engine, kind, files)) ?? fileStemSource(files);
}

/** Whether a path in the import log names the same file as one given now. */
export function sameFile(logged: string, given: string): boolean {
  return logged === given || resolve(logged) === resolve(given);
}

async function earlierSource(
  engine: Engine,
  kind: ImportKind,
  files: readonly string[],
): Promise<string | undefined> {
  const rows = await selectRows(engine, {
    from: IMPORTS_TABLE.name,
    columns: [
      { name: 'source', expr: column('source') },
      { name: 'files', expr: column('files') },
    ],
    where: and(
      eq(column('kind'), literal(kind)),
      not(isNull(column('source'))),
      isNull(column('removed_at')),
    ),
    orderBy: [column('finished_at')],
  });
  // Latest first.
  const match = rows.reverse().find((r) =>
    String(r.files)
      .split('\n')
      .some((logged) => files.some((file) => sameFile(logged, file))),
  );
  return match ? String(match.source) : undefined;
}

/**
 * The stem of the file name ("pbx-march.csv" → "pbx-march"); for several files the words their stems
 * begin with ("calls_2026_01.csv", "calls_2026_02.csv" → "calls_2026").
 */
export function fileStemSource(files: readonly string[]): string {
  const stems = files.map((file) =>
    isTableLocator(file) ? parseTableLocator(file).table : basename(file, extname(file)),
  );
  let prefix = stems[0] ?? '';
  for (const stem of stems) while (!stem.startsWith(prefix)) prefix = prefix.slice(0, -1);
  while (prefix.length > 0 && !stems.every((stem) => wordEnds(stem, prefix.length)))
    prefix = prefix.slice(0, -1);
  const name = prefix.replace(/[^\p{L}\p{N}]+$/u, '');
  if (name === '') {
    throw new UserError(
      'USAGE',
      `the files ${stems.slice(0, 3).join(', ')} share no name to store their rows under: name their source`,
      { parameter: 'source' },
    );
  }
  return name;
}

/** A word of `text` ends before position `at`: at the end, at punctuation, or between letters and digits. */
function wordEnds(text: string, at: number): boolean {
  if (at >= text.length) return true;
  const [before, after] = [text[at - 1] ?? '', text[at] ?? ''];
  const separator = (c: string) => !/[\p{L}\p{N}]/u.test(c);
  const digit = (c: string) => /\p{N}/u.test(c);
  return separator(before) || separator(after) || digit(before) !== digit(after);
}
