import { join } from 'node:path';
import type { ChangeSet, Engine } from '../../engine/engine.js';
import type { Workspace } from '../../workspace/workspace.js';
import type { ProblemTest } from '../mapping/fields.js';
import { ident, lit } from '../mapping/sql.js';
import { encodingPastSample } from '../read/encoding.js';
import { isCsvStructureError, openSource } from '../read/open-source.js';
import type { RawSource } from '../read/source.js';
import type { Target, TargetContext } from '../targets/target.js';
import { allRows, candidates } from './candidates.js';
import { CompiledFile, INVALID_ROW } from './compile.js';
import { countFile, type FileCounts, skippedByRule, sum } from './counts.js';
import { costWarnings, logImport } from './import-log.js';
import { type Excluded, findInImportDuplicates } from './in-import.js';
import { keysRepeatAcrossFiles, writtenKeys } from './key-checks.js';
import { listProblems } from './list-problems.js';
import {
  hasStoredRows,
  type MergeMode,
  type MergeResult,
  STAGED,
  scopeOf,
  stagedRows,
  stageMerge,
} from './merge.js';
import { refusal, writeRejects } from './problems.js';
import { refuseForeignReplacements } from './replace-guard.js';
import { reshapeSources } from './reshape.js';
import type { ImportRequest } from './run-import.js';
import type { StoreLink } from './store-link.js';
import { storedForChecks } from './stored-for-checks.js';
import type { ImportSummary } from './summary.js';
import { cutToSeconds, fractionNote } from './whole-seconds.js';

/** Choices an import makes up front and revises (in a fresh transaction) when the data surprises it. */
export interface ImportPlan {
  /** Files to read in JavaScript because the engine's CSV reader refused their structure. */
  scripted: Set<number>;
  /** Encodings of files whose first bytes misled the detection (UTF-8 there, not further on). */
  encodings: Map<number, string>;
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

/**
 * One attempt at an import, inside the caller's change set. Files are parsed and checked in the
 * staging engine (`this.engine`); the store is read and written only through `link`.
 */
export class Importer {
  private readonly engine: Engine;
  private sources: RawSource[] = [];
  private files: CompiledFile[] = [];
  private readonly extraProblems: ProblemTest[] = [];
  private readonly notes: string[] = [];
  private digests: (string | undefined)[] = [];

  constructor(
    private readonly workspace: Workspace,
    private readonly link: StoreLink,
    private readonly request: ImportRequest,
    private readonly target: Target,
    private readonly ctx: TargetContext,
    private readonly plan: ImportPlan,
  ) {
    this.engine = link.staging;
  }

  /** Opens the files (outside the change set: what it creates must outlive a rollback). */
  async open(): Promise<void> {
    this.phase('reading');
    await storedForChecks(this.link, this.target, this.ctx);
    const { reshape } = this.request;
    for (const [i, path] of this.request.files.entries()) {
      // A reshape reads every record in JavaScript anyway: bad records become problems, not failures.
      const scripted = this.plan.scripted.has(i) || reshape !== undefined;
      const encoding = this.plan.encodings.get(i);
      const read = { ...this.request.mapping.read, ...(encoding ? { encoding } : {}) };
      this.sources[i] = await openSource(this.engine, path, read, scripted);
    }
    this.digests = this.sources.map((s) => s.digest);
    if (reshape) this.sources = await reshapeSources(this.engine, this.sources, reshape);
    this.files = this.sources.map((_, i) => this.compile(i));
    await storedForChecks(this.link, this.target, this.ctx, this.files);
  }

  async close(): Promise<void> {
    for (const source of this.sources) await source.dispose();
    for (const table of [STAGED, PUT]) await this.engine.execute(`DROP TABLE IF EXISTS ${table}`);
  }

  async run(changes: ChangeSet): Promise<ImportSummary> {
    await this.guard(() => this.checkDistinctValues());
    const fast = !this.request.mapping.group && !this.target.clash && !this.plan.analyse;
    if (fast && !(await hasStoredRows(this.link.store, this.target, this.ctx.source)))
      return await this.runFast(changes);
    return await this.runChecked(changes);
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
   * Nothing of this source is stored yet: one streaming pass over the files (strict: stopping at the
   * first bad row) adds the candidates, then a check of their keys; duplicates there send the import
   * round again, checked. Where the staging engine is not the store the rows stream into the store
   * while it loads. Rows are counted separately only when skip rules or rejects make the count unknown.
   */
  private async runFast(changes: ChangeSet): Promise<ImportSummary> {
    const relation = candidates(this.files, this.target, {
      excluded: false,
      group: undefined,
      fail: !this.request.skipInvalid,
    });
    const table = this.target.table;
    const columns = table.columns.map((c) => ident(c.name)).join(', ');
    this.phase('writing');
    const added = await this.pass(() => this.link.add(changes, table, `SELECT ${columns} FROM ${relation}`));
    this.phase('checking');
    if (await this.writtenKeysMayRepeat(relation)) {
      throw new Retry(async (plan) => {
        plan.analyse = true;
      });
    }
    const merge = { importedRows: added, unchangedRows: 0, written: added, replaced: 0 };
    const counted = this.request.skipInvalid || this.files.some((f) => f.skipReasons.length > 0);
    const counts = counted
      ? await this.countAll()
      : [{ read: merge.written, skipped: new Map(), keyed: 0, distinctKeys: 0 }];
    return this.finish(changes, counts, [], merge, relation);
  }

  /** One pass over the candidates: strict, it stops at the first bad row; else it filters them out. */
  private pass<T>(work: () => Promise<T>): Promise<T> {
    return this.guard(() => (this.request.skipInvalid ? this.withoutPushdown(work) : work()));
  }

  /**
   * Whether the rows the fast path wrote may share a key: where the staging engine is the store, on
   * the rows the import added; elsewhere in a pass over the candidates that reads only their keys and
   * instants (far cheaper than asking the store), which also notes instants a store of whole seconds cut.
   */
  private async writtenKeysMayRepeat(relation: string): Promise<boolean> {
    const { table } = this.target;
    const { inPlace, subsecondInstants } = this.link;
    const check = (rows: string) => writtenKeys(this.engine, rows, table, this.keyColumns, subsecondInstants);
    const { mayRepeat, fractional } = inPlace
      ? await check(`(SELECT * FROM ${ident(table.name)} WHERE import_id = ${lit(this.ctx.importId)})`)
      : await this.pass(() => check(relation));
    const note = fractionNote(this.target, fractional);
    if (note) this.notes.push(note);
    return mayRepeat;
  }

  /** Count, find in-import duplicates, then merge with what is stored. */
  private async runChecked(changes: ChangeSet): Promise<ImportSummary> {
    const counts = await this.countAll();
    this.phase('checking');
    const excluded = await this.inImportDuplicates(counts);
    this.phase('writing');
    const group = this.request.mapping.group;
    const relation = candidates(this.files, this.target, { excluded: excluded.length > 0, group });
    const merge = await this.guard(async () => {
      const staged = this.link.inPlace ? relation : await this.stage(relation);
      const stored = (await hasStoredRows(this.link.store, this.target, this.ctx.source))
        ? await this.link.stored(this.target.table, scopeOf(this.target, this.ctx.source))
        : null;
      const run = () => stageMerge(this.engine, this.target, staged, this.mergeMode(), stored);
      return group || stored ? run() : this.withoutPushdown(run);
    });
    await this.link.add(changes, this.target.table, stagedRows(this.target, 'new'));
    await this.link.put(changes, this.target.table, stagedRows(this.target, 'changed'));
    return this.finish(changes, counts, excluded, merge, `(${stagedRows(this.target, 'written')})`);
  }

  /**
   * Materialises candidates in the staging engine (a store elsewhere takes them from there), with
   * instants cut to the second for a store that keeps no more; returns them as a relation.
   */
  private async stage(relation: string): Promise<string> {
    await this.engine.execute(`CREATE OR REPLACE TEMP TABLE ${PUT} AS SELECT * FROM ${relation}`);
    if (this.link.subsecondInstants) return PUT;
    const cut = await cutToSeconds(this.engine, PUT, this.target);
    if (cut.note) this.notes.push(cut.note);
    return cut.relation;
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
              refuseForeignReplacements(this.link, staged, this.target, this.request.files, this.ctx.source),
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
        const unicode = /Invalid unicode/i.test(String((error as Error)?.message));
        throw new Retry(async (plan) => {
          if (unicode && (await this.reviseEncodings(plan))) return;
          for (const i of await this.brokenCsvFiles()) plan.scripted.add(i);
        });
      }
      if (String((error as Error)?.message).includes(INVALID_ROW)) throw new StrictStop();
      throw error;
    }
  }

  /**
   * A file detected as UTF-8 from its first bytes may stop being UTF-8 further on, where the engine's
   * reader meets the first other byte: read it in the encoding the whole file shows, or refuse it at
   * that line (encoding.ts). Returns whether any file's encoding changed.
   */
  private async reviseEncodings(plan: ImportPlan): Promise<boolean> {
    let revised = false;
    for (const [i, source] of this.sources.entries()) {
      if (source.detectedEncoding !== 'utf-8') continue;
      const encoding = await encodingPastSample(this.request.files[i] as string);
      if (encoding) plan.encodings.set(i, encoding);
      revised ||= encoding !== null;
    }
    return revised;
  }

  private async brokenCsvFiles(): Promise<number[]> {
    const broken: number[] = [];
    for (const [i, source] of this.sources.entries()) {
      if (source.hasProblems) continue;
      // Every value read, not only the records counted: some faults (bad UTF-8) show only in values.
      const values = source.sqlColumns.map((c) => `coalesce(${ident(c)}, '')`).join(' || ');
      try {
        await this.engine.query(`SELECT max(length(${values || "''"})) FROM ${source.relation}`);
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
    if (!this.link.tunable) return work();
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
      tunable: this.link.tunable,
      files: this.files,
      sources: this.sources,
      conflicts,
      clashes: this.target.clash !== undefined,
    };
  }

  /** Balances the counts, lists problems (refusing a strict import that has any) and logs the import. */
  private async finish(
    changes: ChangeSet,
    counts: readonly FileCounts[],
    excluded: readonly Excluded[],
    merge: MergeResult,
    written: string,
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
      warnings: [...this.notes, ...(this.target.kind === 'costs' ? await this.costWarnings(written) : [])],
    };
    await logImport(changes, summary, this.digests);
    return summary;
  }

  /** Exclusive ends are checked for month ends only where the files give no inclusive ones. */
  private costWarnings(written: string): Promise<string[]> {
    const exclusiveEnds =
      this.files.some((f) => f.maps('period_end')) && !this.files.some((f) => f.maps('period_end_inclusive'));
    return costWarnings(this.link, written, this.ctx.currency, exclusiveEnds);
  }

  private rejectsPath(): string {
    if (this.request.rejectsPath) return this.request.rejectsPath;
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    return join(this.workspace.dir, 'rejects', `${this.target.kind}-${stamp}.csv`);
  }
}

/** Candidates staged for a store the staging engine is not. */
const PUT = '__ingest_put';
