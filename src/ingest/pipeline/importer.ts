import { join } from 'node:path';
import type { Engine } from '../../engine/engine.js';
import type { Workspace } from '../../workspace/workspace.js';
import type { ProblemTest } from '../mapping/fields.js';
import { ident, lit } from '../mapping/sql.js';
import { isCsvStructureError, openSource } from '../read/open-source.js';
import type { RawSource } from '../read/source.js';
import type { Target, TargetContext } from '../targets/target.js';
import { allRows, candidates } from './candidates.js';
import { CompiledFile, INVALID_ROW } from './compile.js';
import { countFile, type FileCounts, skippedByRule, sum } from './counts.js';
import { costWarnings, logImport } from './import-log.js';
import { type Excluded, findInImportDuplicates } from './in-import.js';
import { keysRepeatAcrossFiles, storedKeysMayRepeat } from './key-checks.js';
import { listProblems } from './list-problems.js';
import {
  hasStoredRows,
  insertAll,
  insertGrouped,
  type MergeMode,
  type MergeResult,
  mergeStored,
} from './merge.js';
import { refusal, writeRejects } from './problems.js';
import { refuseForeignReplacements } from './replace-guard.js';
import { reshapeSources } from './reshape.js';
import type { ImportRequest } from './run-import.js';
import type { ImportSummary } from './summary.js';

/** Choices an import makes up front and revises (in a fresh transaction) when the data surprises it. */
export interface ImportPlan {
  /** Files to read in JavaScript because the engine's CSV reader refused their structure. */
  scripted: Set<number>;
  /** Look for in-import duplicates before writing instead of taking the fast path. */
  analyse: boolean;
}

/** Thrown inside the transaction to roll it back and run again with a plan revised after the rollback. */
export class Retry extends Error {
  constructor(readonly revise: (plan: ImportPlan) => Promise<void>) {
    super('retry import');
  }
}

/** Thrown inside the transaction when a strict import meets an invalid row: roll back, then list problems. */
export class StrictStop extends Error {
  constructor() {
    super('strict import stopped at an invalid row');
  }
}

/** One attempt at an import, inside the caller's transaction. */
export class Importer {
  private readonly engine: Engine;
  private sources: RawSource[] = [];
  private files: CompiledFile[] = [];
  private readonly extraProblems: ProblemTest[] = [];

  constructor(
    private readonly workspace: Workspace,
    private readonly request: ImportRequest,
    private readonly target: Target,
    private readonly ctx: TargetContext,
    private readonly plan: ImportPlan,
  ) {
    this.engine = workspace.engine;
  }

  /** Opens the files (outside the transaction: what it creates must outlive a rollback). */
  async open(): Promise<void> {
    this.phase('reading');
    const { reshape } = this.request;
    for (const [i, path] of this.request.files.entries()) {
      // A reshape reads every record in JavaScript anyway: bad records become problems, not failures.
      const scripted = this.plan.scripted.has(i) || reshape !== undefined;
      this.sources[i] = await openSource(this.engine, path, this.request.mapping.read, scripted);
    }
    if (reshape) this.sources = await reshapeSources(this.engine, this.sources, reshape);
    this.files = this.sources.map((_, i) => this.compile(i));
  }

  async close(): Promise<void> {
    for (const source of this.sources) await source.dispose();
  }

  async run(): Promise<ImportSummary> {
    await this.guard(() => this.checkDistinctValues());
    const fast = !this.request.mapping.group && !this.target.clash && !this.plan.analyse;
    if (fast && !(await hasStoredRows(this.engine, this.target, this.ctx.source)))
      return await this.runFast();
    return await this.runChecked();
  }

  /** After a StrictStop and its rollback: the refusal with the first problems (or a Retry, thrown). */
  async refusal(): Promise<Error> {
    this.phase('listing problems');
    const [row] = await this.guard(() =>
      this.engine.query(
        `SELECT count(*) AS n, count(*) FILTER (WHERE NOT __ok AND __skip IS NULL) AS bad FROM ${allRows(this.files, { rec: false, errors: false })}`,
      ),
    );
    const counts = { rejected: Number(row?.bad), read: Number(row?.n) };
    return refusal(counts, await listProblems({ ...this.problemQuery([]), all: false }));
  }

  /**
   * Nothing of this source is stored yet: one streaming INSERT (strict: stopping at the first bad
   * row), then a check of the written keys; duplicates there send the import round again, checked.
   * Rows are counted separately only when skip rules or rejects make the count unknown.
   */
  private async runFast(): Promise<ImportSummary> {
    this.phase('writing');
    const strict = !this.request.skipInvalid;
    const relation = candidates(this.files, this.target, { excluded: false, group: undefined, fail: strict });
    const insert = () => insertAll(this.engine, this.target, relation);
    const merge = await this.guard(() => (strict ? insert() : this.withoutPushdown(insert)));
    this.phase('checking');
    if (await storedKeysMayRepeat(this.engine, this.target, this.ctx.source, this.keyColumns)) {
      throw new Retry(async (plan) => {
        plan.analyse = true;
      });
    }
    const counted = this.request.skipInvalid || this.files.some((f) => f.skipReasons.length > 0);
    const counts = counted
      ? await this.countAll()
      : [{ read: merge.written, skipped: new Map(), keyed: 0, distinctKeys: 0 }];
    return this.finish(counts, [], merge);
  }

  /** Count, find in-import duplicates, then merge with what is stored. */
  private async runChecked(): Promise<ImportSummary> {
    const counts = await this.countAll();
    this.phase('checking');
    const excluded = await this.inImportDuplicates(counts);
    this.phase('writing');
    const group = this.request.mapping.group;
    const relation = candidates(this.files, this.target, { excluded: excluded.length > 0, group });
    const merge = await this.guard(async () => {
      if (await hasStoredRows(this.engine, this.target, this.ctx.source))
        return mergeStored(this.engine, this.target, relation, this.mergeMode(), this.ctx.source);
      if (group) return insertGrouped(this.engine, this.target, relation);
      return this.withoutPushdown(() => insertAll(this.engine, this.target, relation));
    });
    return this.finish(counts, excluded, merge);
  }

  /** The mapping's merge; replacing records another file stored needs the request's say-so. */
  private mergeMode(): MergeMode {
    const { merge = 'replace', enrich } = this.request.mapping;
    const guarded = merge === 'replace' && !this.request.replace;
    return {
      merge,
      ...(enrich ? { enrich } : {}),
      ...(guarded
        ? {
            beforeReplace: (staged: string) =>
              refuseForeignReplacements(
                this.engine,
                staged,
                this.target,
                this.request.files,
                this.ctx.source,
              ),
          }
        : {}),
    };
  }

  private phase(name: string): void {
    this.request.onPhase?.(name);
  }

  private get keyColumns(): string[] {
    return this.target.table.key.filter((k) => !(this.target.sourced && k === 'source'));
  }

  private compile(i: number): CompiledFile {
    return new CompiledFile(
      this.sources[i] as RawSource,
      i,
      this.request.mapping,
      this.target,
      this.ctx,
      this.extraProblems,
    );
  }

  /**
   * Runs a statement that reads the files. A file whose structure the engine's CSV reader refuses
   * sends the import round again with that file read in JavaScript; a strict import's INVALID_ROW
   * stops it. Both roll back first: the engine aborts the transaction on any error.
   */
  private async guard<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (isCsvStructureError(error)) {
        throw new Retry(async (plan) => {
          for (const i of await this.brokenCsvFiles()) plan.scripted.add(i);
        });
      }
      if (String((error as Error)?.message).includes(INVALID_ROW)) throw new StrictStop();
      throw error;
    }
  }

  private async brokenCsvFiles(): Promise<number[]> {
    const broken: number[] = [];
    for (const [i, source] of this.sources.entries()) {
      if (source.hasProblems) continue;
      try {
        await this.engine.query(`SELECT count(*) FROM ${source.relation}`);
      } catch (error) {
        if (isCsvStructureError(error)) broken.push(i);
        else throw error;
      }
    }
    if (broken.length === 0) throw new Error('the CSV reader failed, but on no file when read alone');
    return broken;
  }

  /** Keeps a filter on `__ok` above the projection that computes it, so values are parsed once. */
  private async withoutPushdown<T>(work: () => Promise<T>): Promise<T> {
    await this.engine.execute("SET disabled_optimizers = 'filter_pushdown'");
    // After a failure the transaction is aborted and takes no statement: runImport resets it then.
    const result = await work();
    await this.engine.execute('RESET disabled_optimizers');
    return result;
  }

  private async countAll(): Promise<FileCounts[]> {
    const counts: FileCounts[] = [];
    for (const file of this.files)
      counts.push(await this.guard(() => countFile(this.engine, file, this.keyColumns)));
    return counts;
  }

  /** Values only JavaScript can judge (allocation drivers) become problems of the rows holding them. */
  private async checkDistinctValues(): Promise<void> {
    const check = this.target.distinctCheck;
    if (!check) return;
    const column = ident(check.column);
    const rows = await this.engine.query(
      `SELECT DISTINCT ${column} AS v FROM ${allRows(this.files, { rec: false, errors: false })} WHERE __skip IS NULL AND ${column} IS NOT NULL`,
    );
    for (const row of rows) {
      const reason = check.check(String(row.v));
      if (reason)
        this.extraProblems.push({
          test: `__m.${column} = ${lit(String(row.v))}`,
          label: check.column,
          raw: `__m.${column}`,
          reason,
        });
    }
    if (this.extraProblems.length > 0) this.files = this.files.map((_, i) => this.compile(i));
  }

  private async inImportDuplicates(counts: readonly FileCounts[]): Promise<Excluded[]> {
    if (this.request.mapping.group) return [];
    const inFiles = this.plan.analyse || counts.some((c) => c.distinctKeys < c.keyed);
    if (
      !inFiles &&
      !this.target.clash &&
      !(this.files.length > 1 && (await keysRepeatAcrossFiles(this.engine, this.files, this.keyColumns)))
    )
      return [];
    return findInImportDuplicates(this.engine, this.files, this.target, this.keyColumns);
  }

  private problemQuery(conflicts: readonly Excluded[]) {
    return {
      engine: this.engine,
      files: this.files,
      sources: this.sources,
      conflicts,
      clashes: this.target.clash !== undefined,
    };
  }

  /** Balances the counts, lists problems (refusing a strict import that has any) and logs the import. */
  private async finish(
    counts: readonly FileCounts[],
    excluded: readonly Excluded[],
    merge: MergeResult,
  ): Promise<ImportSummary> {
    const read = sum(counts.map((c) => c.read));
    const skipped = skippedByRule(counts);
    const duplicatesInImport = excluded.filter((x) => x.kind === 'duplicate').length;
    const conflicts = excluded.filter((x) => x.kind === 'conflict');
    const settled = merge.importedRows + merge.unchangedRows + duplicatesInImport + conflicts.length;
    const invalid = read - sum(skipped.map((s) => s.rows)) - settled;
    const rejected = invalid + conflicts.length;
    let rejectsFile: string | null = null;
    if (rejected > 0) {
      this.phase('listing problems');
      const located = await listProblems({ ...this.problemQuery(conflicts), all: this.request.skipInvalid });
      if (!this.request.skipInvalid) throw refusal({ rejected, read }, located);
      if (located.length !== rejected)
        throw new Error(`import counts do not balance: ${rejected} rejected, ${located.length} listed`);
      rejectsFile = await writeRejects(this.rejectsPath(), located);
    }
    const summary: ImportSummary = {
      id: this.ctx.importId,
      kind: this.target.kind,
      files: this.request.files,
      source: this.target.sourced ? this.ctx.source : null,
      mapping: this.request.mappingName,
      read,
      imported: merge.importedRows,
      duplicates: merge.unchangedRows + duplicatesInImport,
      rejected,
      skipped,
      written: merge.written,
      replaced: merge.replaced,
      rejectsFile,
      warnings: this.target.kind === 'costs' ? await this.costWarnings() : [],
    };
    await logImport(this.engine, summary);
    return summary;
  }

  /** Exclusive ends are checked for month ends only where the files give no inclusive ones. */
  private costWarnings(): Promise<string[]> {
    const exclusiveEnds =
      this.files.some((f) => f.maps('period_end')) && !this.files.some((f) => f.maps('period_end_inclusive'));
    return costWarnings(this.engine, this.ctx.currency, this.ctx.importId, exclusiveEnds);
  }

  private rejectsPath(): string {
    if (this.request.rejectsPath) return this.request.rejectsPath;
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    return join(this.workspace.dir, 'rejects', `${this.target.kind}-${stamp}.csv`);
  }
}
