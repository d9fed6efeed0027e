import { UserError } from '../../errors.js';
import { ColumnResolver } from '../mapping/columns.js';
import { compileCondition } from '../mapping/condition.js';
import { type CompiledField, compileField, type ProblemTest } from '../mapping/fields.js';
import type { Mapping } from '../mapping/schema.js';
import { ident, lit } from '../mapping/sql.js';
import { compileValue, textOf, type ValueContext } from '../mapping/value.js';
import type { RawSource } from '../read/source.js';
import type { Target, TargetContext } from '../targets/target.js';

export interface RowsOptions {
  /** Number the records (needed to locate problems and to order legs). */
  rec: boolean;
  /** Spell out each row's problems in `__error` (only for the rows that fail). */
  errors: boolean;
  /** Make `__ok` raise INVALID_ROW instead of being FALSE: strict imports stop at the first bad row. */
  failInvalid?: boolean;
}

/** The engine error a strict import raises at its first invalid row. */
export const INVALID_ROW = 'percontact: invalid row';

/**
 * One file under one mapping, as SQL over its raw text: every record becomes a row with the target's
 * table columns, `__ok` (no problem), `__skip` (the skip rule that matched), `__group` (the group key
 * of a grouped mapping) and, on request, `__rec` and `__error`. Built in stages so that each value is
 * parsed once: texts, parsed values, lenient values, table columns, checks.
 */
export class CompiledFile {
  readonly skipReasons: readonly string[];
  private readonly fields: CompiledField[];
  private readonly skipSql: string;
  private readonly groupSql: string | null;

  constructor(
    readonly source: RawSource,
    readonly fileIndex: number,
    mapping: Mapping,
    private readonly target: Target,
    private readonly ctx: TargetContext,
    private readonly extraProblems: readonly ProblemTest[] = [],
  ) {
    const columns = new ColumnResolver(source);
    const valueCtx: ValueContext = {
      columns,
      decimal: mapping.read?.decimal ?? source.decimal,
      timeZone: ctx.timeZone,
      field: '',
    };
    checkFieldNames(mapping, target);
    this.fields = target.fields.map((def) => {
      // A grouped mapping's records are named by their group key unless it says otherwise.
      const spec =
        mapping.fields[def.name] ?? (def.name === 'id' && mapping.group ? mapping.group.by : undefined);
      if (spec === undefined && mapping.only_mapped)
        return compileField(def, { value: def.fallback ?? null }, valueCtx);
      return compileField(def, spec, valueCtx, ctx.limits);
    });
    requireFields(this.fields, source, target);
    const skips = mapping.skip ?? [];
    this.skipReasons = skips.map((s) => s.reason);
    this.skipSql =
      skips.length === 0
        ? 'CAST(NULL AS VARCHAR)'
        : `(CASE ${skips.map((s) => `WHEN ${compileCondition(s.when, { ...valueCtx, field: 'skip' })} THEN ${lit(s.reason)}`).join(' ')} END)`;
    this.groupSql = mapping.group
      ? textOf(compileValue(mapping.group.by, { ...valueCtx, field: 'group.by' }), valueCtx).sql
      : null;
  }

  get grouped(): boolean {
    return this.groupSql !== null;
  }

  /** Whether the mapping (or a same-named column) gives the field a value. */
  maps(field: string): boolean {
    return this.fields.some((f) => f.def.name === field && f.mapped);
  }

  rows(options: RowsOptions): string {
    const recordColumn = this.source.recordColumn;
    const rec = recordColumn
      ? ident(recordColumn)
      : options.rec
        ? 'row_number() OVER ()'
        : 'CAST(NULL AS BIGINT)';
    const problem = this.source.hasProblems ? '__problem' : 'CAST(NULL AS VARCHAR)';
    const raw = this.source.sqlColumns.map(ident);
    const texts = this.fields.map((f) => `${f.text} AS ${t(f)}`);
    const s1 = `SELECT ${[...raw, `${rec} AS __rec`, `${problem} AS __problem`, `${this.skipSql} AS __skip`, `${this.groupSql ?? 'CAST(NULL AS VARCHAR)'} AS __group`, ...texts].join(', ')} FROM ${this.source.relation}`;
    const s2 = `SELECT *, ${this.fields.map((f) => `${f.parse(t(f))} AS ${p(f)}`).join(', ')} FROM (${s1})`;
    const s3 = `SELECT *, ${this.fields.map((f) => `${this.finalValue(f)} AS ${ident(`v_${f.def.name}`)}`).join(', ')} FROM (${s2})`;
    const columns: Record<string, string> = {
      ...this.target.columns(this.ctx),
      import_id: lit(this.ctx.importId),
    };
    const tableColumns = this.target.table.columns.map((c) => c.name);
    const s4 = `SELECT *, ${tableColumns.map((c) => `${columns[c] ?? 'NULL'} AS ${ident(c)}`).join(', ')} FROM (${s3})`;
    const problems = this.problems();
    const ok = `(__problem IS NULL AND NOT (${problems.map(definite).join(' OR ') || 'FALSE'}))`;
    const guard = options.failInvalid
      ? `(CASE WHEN ${ok} THEN TRUE ELSE error(${lit(INVALID_ROW)}) END)`
      : ok;
    const outputs = [
      '__file',
      '__rec',
      '__skip',
      '__group',
      `${guard} AS __ok`,
      ...tableColumns.map((c) => `__m.${ident(c)}`),
    ];
    if (options.errors) outputs.push(`${errorText(problems)} AS __error`);
    return `SELECT ${outputs.join(', ')} FROM (SELECT ${this.fileIndex} AS __file, * FROM (${s4})) AS __m`;
  }

  /** A lenient field (`invalid: null`) drops values it cannot read instead of failing the row. */
  private finalValue(f: CompiledField): string {
    if (!f.lenient) return p(f);
    const bad = f.problems(t(f), p(f)).map(definite);
    return `(CASE WHEN ${bad.join(' OR ')} THEN NULL ELSE ${p(f)} END)`;
  }

  private problems(): ProblemTest[] {
    const problems: ProblemTest[] = [];
    for (const f of this.fields) {
      if (f.mapped && !f.lenient) problems.push(...f.problems(t(f), p(f)));
      if (f.def.required)
        problems.push({
          test: f.blank(t(f)),
          certain: true,
          label: f.label,
          raw: f.raw,
          reason: `is empty (${f.def.name} is required)`,
        });
    }
    if (this.groupSql)
      problems.push({
        test: '__group IS NULL',
        label: 'group.by',
        raw: 'CAST(NULL AS VARCHAR)',
        reason: 'is empty (legs are grouped by it)',
      });
    return [...problems, ...this.target.checks(this.ctx), ...this.extraProblems];
  }
}

const t = (f: CompiledField) => ident(`t_${f.def.name}`);
/** A problem test as TRUE or FALSE, never NULL. */
const definite = (pr: ProblemTest) => (pr.certain ? pr.test : `coalesce(${pr.test}, FALSE)`);
const p = (f: CompiledField) => ident(`p_${f.def.name}`);

/** Each problem of a row as `column "x" value "y": reason`, one per line; NULL when there is none. */
function errorText(problems: readonly ProblemTest[]): string {
  const lines = problems.map(
    (pr) =>
      `CASE WHEN ${definite(pr)} THEN ${lit(`column "${pr.label}" value "`)} || coalesce(CAST(${pr.raw} AS VARCHAR), '') || ${lit(`": ${pr.reason}`)} END`,
  );
  // A malformed record's other problems are only consequences of it.
  return `coalesce(__problem, NULLIF(concat_ws(chr(10), ${lines.join(', ') || 'NULL'}), ''))`;
}

function checkFieldNames(mapping: Mapping, target: Target): void {
  const known = new Set(target.fields.map((f) => f.name));
  for (const name of Object.keys(mapping.fields)) {
    if (!known.has(name)) {
      throw new UserError(
        'USAGE',
        `mapping: "${name}" is not a ${target.kind} field (fields: ${[...known].join(', ')})`,
      );
    }
  }
}

function requireFields(fields: readonly CompiledField[], source: RawSource, target: Target): void {
  const missing = fields
    .filter((f) => f.def.required && !f.mapped && f.def.fallback === undefined)
    .map((f) => f.def.name);
  if (missing.length > 0) {
    throw new UserError(
      'INVALID_INPUT',
      `${source.file}: no column for ${missing.join(', ')} (required ${target.kind} fields); map them with a mapping file or rename the columns. The file has: ${source.columns.slice(0, 30).join(', ')}`,
      { file: source.file, parameter: 'mapping' },
    );
  }
}
