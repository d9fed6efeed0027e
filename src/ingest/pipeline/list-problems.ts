import type { Engine } from '../../engine/engine.js';
import type { RawSource } from '../read/source.js';
import { allRows } from './candidates.js';
import type { CompiledFile } from './compile.js';
import type { Excluded } from './in-import.js';
import { type LocatedProblem, locateProblems, MAX_LISTED, type RecordProblem } from './problems.js';

export interface ProblemQuery {
  engine: Engine;
  /** Whether the import set the engine's settings (row order off); else order is preserved anyway. */
  tunable: boolean;
  files: readonly CompiledFile[];
  sources: readonly RawSource[];
  /** Rows set aside as conflicting with an earlier row of the import. */
  conflicts: readonly Excluded[];
  /** Only the first 20 (strict mode), or every one. */
  all: boolean;
  /** Whether `clash` rules (overlaps) rather than equal keys made the conflicts. */
  clashes: boolean;
}

/** The rejected rows with their reasons and lines, in file order. */
export async function listProblems(q: ProblemQuery): Promise<LocatedProblem[]> {
  const limit = q.all ? '' : ` LIMIT ${MAX_LISTED}`;
  const rows = await inFileOrder(q, () =>
    q.engine.query(
      `SELECT __file, __rec, __error FROM ${allRows(q.files, { rec: true, errors: true })} WHERE NOT __ok AND __skip IS NULL ORDER BY __file, __rec${limit}`,
    ),
  );
  const invalid: RecordProblem[] = rows.map((r) => ({
    file: Number(r.__file),
    rec: Number(r.__rec),
    reasons: String(r.__error ?? 'invalid').split('\n'),
  }));
  const located = await locateProblems(q.sources, [...invalid, ...(await conflictProblems(q))]);
  return located.sort((a, b) => a.fileIndex - b.fileIndex || a.line - b.line);
}

async function conflictProblems(q: ProblemQuery): Promise<RecordProblem[]> {
  if (q.conflicts.length === 0) return [];
  const firsts = await locateProblems(
    q.sources,
    q.conflicts.map((c) => ({ file: c.firstFile, rec: c.firstRec, reasons: [] })),
  );
  const lineOf = new Map(firsts.map((f) => [`${f.fileIndex}:${f.rec}`, `${f.file}:${f.line}`]));
  const what = q.clashes ? 'overlaps' : 'has the same key as';
  return q.conflicts.map((c) => ({
    file: c.file,
    rec: c.rec,
    reasons: [
      `${what} ${lineOf.get(`${c.firstFile}:${c.firstRec}`) ?? 'an earlier row'} but different values`,
    ],
  }));
}

/** Record numbers follow file order only while the engine preserves insertion order. */
async function inFileOrder<T>({ engine, tunable }: ProblemQuery, work: () => Promise<T>): Promise<T> {
  if (!tunable) return work();
  await engine.execute('SET preserve_insertion_order = true');
  const result = await work();
  await engine.execute('SET preserve_insertion_order = false');
  return result;
}
