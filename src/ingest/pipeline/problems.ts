import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { UserError } from '../../errors.js';
import type { RawSource } from '../read/source.js';

/** A rejected record before it is traced to its line: which file, which record, what is wrong. */
export interface RecordProblem {
  file: number;
  rec: number;
  reasons: readonly string[];
}

export interface LocatedProblem {
  fileIndex: number;
  rec: number;
  file: string;
  line: number;
  text: string;
  reasons: readonly string[];
}

/** Traces records to their lines, file by file, in file order. */
export async function locateProblems(
  sources: readonly RawSource[],
  problems: readonly RecordProblem[],
): Promise<LocatedProblem[]> {
  const located: LocatedProblem[] = [];
  const byFile = new Map<number, RecordProblem[]>();
  for (const problem of problems) byFile.set(problem.file, [...(byFile.get(problem.file) ?? []), problem]);
  for (const [fileIndex, list] of [...byFile].sort((a, b) => a[0] - b[0])) {
    const source = sources[fileIndex];
    if (!source) throw new Error(`no source ${fileIndex}`);
    const places = await source.locate(list.map((p) => p.rec));
    for (const problem of [...list].sort((a, b) => a.rec - b.rec)) {
      const place = places.get(problem.rec);
      if (!place) throw new Error(`${source.file}: record ${problem.rec} not found while locating problems`);
      located.push({
        fileIndex,
        rec: problem.rec,
        file: source.file,
        line: place.line,
        text: place.text,
        reasons: problem.reasons,
      });
    }
  }
  return located;
}

export const MAX_LISTED = 20;

/**
 * The strict-mode refusal: the first 20 problems as `file:line: column "x" value "y": reason`. The
 * counts are unknown when the import stopped at its first bad row.
 */
export function refusal(
  counts: { rejected: number; read: number } | undefined,
  located: readonly LocatedProblem[],
): UserError {
  const lines = located.flatMap((p) => p.reasons.map((reason) => `${p.file}:${p.line}: ${reason}`));
  const shown = lines.slice(0, MAX_LISTED);
  const first = located[0];
  const how = counts
    ? `${counts.rejected === 1 ? '1 row has' : `${counts.rejected} rows have`} problems (of ${counts.read} read)`
    : 'rows have problems';
  const which = shown.length < lines.length || !counts ? `the first ${shown.length}` : 'they are';
  return new UserError(
    'INVALID_INPUT',
    `import refused, nothing was changed: ${how}; fix them, or import the good rows with skipInvalid. ${which[0]?.toUpperCase()}${which.slice(1)}:`,
    first ? { file: first.file, line: first.line } : undefined,
    shown,
  );
}

/** Writes every rejected record with its line and reasons; returns the path written. */
export async function writeRejects(path: string, located: readonly LocatedProblem[]): Promise<string> {
  await mkdir(dirname(path), { recursive: true });
  const out = createWriteStream(path, 'utf8');
  const done = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
  });
  out.write('file,line,reason,record\n');
  for (const p of located)
    out.write(`${[p.file, String(p.line), p.reasons.join('; '), p.text].map(csvField).join(',')}\n`);
  out.end();
  await done;
  return path;
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
