import { UserError } from '../../errors.js';
import {
  boolean,
  currencyCode,
  date,
  decimalText,
  fraction,
  instant,
  intervalLength,
  localInstant,
  oneOf,
  seconds,
  wholeNumber,
} from './parsers.js';
import type { ValueSpec } from './schema.js';
import { lit, num, number } from './sql.js';
import { type CompiledValue, compileValue, textOf, type ValueContext } from './value.js';

/** How a target field is read and checked. */
export type FieldKind =
  | 'text'
  | 'enum'
  | 'seconds'
  | 'count'
  | 'number'
  | 'score'
  | 'instant'
  | 'date'
  | 'boolean'
  | 'decimal'
  | 'currency'
  | 'interval';

export interface FieldDef {
  name: string;
  kind: FieldKind;
  required?: boolean;
  /** Allowed values of an enum field. */
  values?: readonly string[];
  /** Constant used when nothing is mapped and the file has no column of that name. */
  fallback?: string;
  min?: number;
  max?: number;
  /** Values must be above 0 (concurrency: contacts handled at once). */
  positive?: boolean;
  /** The plausibility ceiling (workspace config) a duration must not exceed. */
  ceiling?: keyof PlausibilityLimits;
}

/** Ceilings from the workspace's `plausibility:` settings, in seconds. */
export interface PlausibilityLimits {
  maxDurationSeconds: number;
  maxWaitSeconds: number;
}

/** Amounts with more digits than this are not plausible, and not safely shown or summed elsewhere. */
export const MAX_SIGNIFICANT_DIGITS = 15;
/** Years a timestamp or date may fall in. */
export const PLAUSIBLE_YEARS = [1990, 2100] as const;

/** A problem test: TRUE when the row has it. Messages read `column "label" value "raw": reason`. */
export interface ProblemTest {
  test: string;
  label: string;
  raw: string;
  reason: string;
  /** The test is never NULL, so it needs no coalesce (saves work on every row). */
  certain?: boolean;
}

export interface CompiledField {
  def: FieldDef;
  /** Trimmed text (NULL when empty); stage one. */
  text: string;
  /** The typed value read from `t_<name>`; stage two. */
  parse: (textColumn: string) => string;
  /** Problems in terms of `t_<name>` and `v_<name>`; stage three. */
  problems: (textColumn: string, valueColumn: string) => ProblemTest[];
  /** SQL: the field's text is empty. */
  blank: (textColumn: string) => string;
  /** Turns unreadable values into NULL instead of problems (`invalid: null`). */
  lenient: boolean;
  mapped: boolean;
  label: string;
  raw: string;
}

const WHAT: Record<FieldKind, string> = {
  text: 'text',
  enum: 'one of the allowed values',
  seconds: 'a duration (seconds, H:MM:SS or M:SS)',
  count: 'a whole number',
  number: 'a number',
  score: "a score (0..1, a percentage, or a number on the mapping's scale)",
  instant: 'a date and time',
  date: 'a date (YYYY-MM-DD or DD.MM.YYYY)',
  boolean: 'yes/no (true, false, yes, no, 1, 0)',
  decimal: 'a decimal amount',
  currency: 'an ISO 4217 currency code',
  interval: 'an interval length (15, 30m, 1h, day, week, month)',
};

/** Compiles the mapping (or the same-named column, or the fallback) of one field. */
export function compileField(
  def: FieldDef,
  spec: ValueSpec | undefined,
  ctx: ValueContext,
  limits?: PlausibilityLimits,
): CompiledField {
  const untrimmed = def.kind === 'seconds' || def.kind === 'number' || def.kind === 'count';
  const fieldCtx = { ...ctx, field: def.name, raw: untrimmed };
  const value: CompiledValue | undefined =
    spec !== undefined ? compileValue(spec, fieldCtx) : sameNamedColumn(def, fieldCtx);
  if (!value) return constantField(def, def.fallback ?? null);
  const options = value.options;
  const lenient = options.invalid === 'null';
  const formats = typeof options.format === 'string' ? [options.format] : options.format;
  const typed = value.kind === 'text' ? undefined : typedValue(def, value, ctx, fieldCtx.field);
  const text = typed ? `CAST(${value.sql} AS VARCHAR)` : withFallback(value.sql, def.fallback);
  const parse = typed ? () => typed : (t: string) => parseText(def, t, ctx, formats, options);
  const reason =
    def.kind === 'enum' ? `not one of ${(def.values ?? []).join(', ')}` : `not ${WHAT[def.kind]}`;
  const unreadable = typed ? value.unreadable : undefined;
  const blankText = (t: string) => (untrimmed ? `(${t} IS NULL OR trim(${t}) = '')` : `${t} IS NULL`);
  return {
    def,
    text,
    parse,
    lenient,
    mapped: true,
    label: value.label,
    raw: value.raw,
    // A value the mapping could not read is not empty: it gets its own reason below.
    blank: unreadable ? (t) => `(${blankText(t)} AND NOT ${unreadable.test(t)})` : blankText,
    problems: (t, v) => [
      ...(unreadable
        ? [{ test: unreadable.test(t), label: value.label, raw: value.raw, reason: unreadable.reason }]
        : []),
      // Text is read as it is: only other kinds can fail to read. Untrimmed blanks are empty, not wrong.
      ...(def.kind === 'text'
        ? []
        : [
            {
              test: `(${t} IS NOT NULL AND ${v} IS NULL${untrimmed ? ` AND trim(${t}) <> ''` : ''})`,
              label: value.label,
              raw: value.raw,
              reason,
              certain: true,
            },
          ]),
      ...rangeProblems(def, v, value, options.scale),
      ...plausibilityProblems(def, v, value, limits),
    ],
  };
}

function sameNamedColumn(def: FieldDef, ctx: ValueContext): CompiledValue | undefined {
  return ctx.columns.find(def.name) ? compileValue(def.name, ctx) : undefined;
}

function constantField(def: FieldDef, constant: string | null): CompiledField {
  const text = constant === null ? 'CAST(NULL AS VARCHAR)' : lit(constant);
  return {
    def,
    text,
    parse: (t) => parseText(def, t, { decimal: '.', timeZone: 'UTC' }, undefined, {}),
    lenient: false,
    mapped: false,
    label: def.name,
    raw: text,
    problems: () => [],
    blank: (t) => `${t} IS NULL`,
  };
}

function withFallback(sql: string, fallback: string | undefined): string {
  return fallback === undefined ? sql : `coalesce(${sql}, ${lit(fallback)})`;
}

function parseText(
  def: FieldDef,
  t: string,
  ctx: Pick<ValueContext, 'decimal' | 'timeZone'>,
  formats: string[] | undefined,
  options: CompiledValue['options'],
): string {
  switch (def.kind) {
    case 'text':
      return t;
    case 'enum':
      return oneOf(t, def.values ?? []);
    case 'seconds':
      return seconds(t, ctx.decimal, options.unit, formats?.[0] === 'h:mm' ? 'h:mm' : 'm:ss');
    case 'count':
      return wholeNumber(t, ctx.decimal);
    case 'number':
      return number(t, ctx.decimal);
    case 'score':
      return scaled(fraction(t, ctx.decimal), options.scale);
    case 'instant':
      return instant(t, ctx.timeZone, formats);
    case 'date':
      return date(t, formats);
    case 'boolean':
      return boolean(t);
    case 'decimal':
      return decimalText(t, ctx.decimal);
    case 'currency':
      return currencyCode(t);
    case 'interval':
      return intervalLength(t);
  }
}

/** A value the mapping already computed as a number or a time, checked against the field's kind. */
function typedValue(def: FieldDef, value: CompiledValue, ctx: ValueContext, field: string): string {
  const numeric = ['seconds', 'number', 'count', 'score'].includes(def.kind);
  if (value.kind === 'number' && numeric) {
    if (def.kind === 'count')
      return `(CASE WHEN ${value.sql} = floor(${value.sql}) THEN CAST(${value.sql} AS BIGINT) END)`;
    return def.kind === 'score' ? scaled(value.sql, value.options.scale) : value.sql;
  }
  if (value.kind === 'local' && def.kind === 'instant') return localInstant(value.sql, ctx.timeZone);
  if (value.kind === 'instant' && def.kind === 'instant') return value.sql;
  if ((value.kind === 'local' || value.kind === 'instant') && def.kind === 'date')
    return `CAST(${value.sql} AS DATE)`;
  if (def.kind === 'text') return textOf(value, ctx).sql;
  throw new UserError(
    'USAGE',
    `mapping: ${field}: ${value.label} gives a ${value.kind === 'number' ? 'number' : 'time'}, not ${WHAT[def.kind]}`,
  );
}

function scaled(sql: string, scale: [number, number] | undefined): string {
  if (!scale) return sql;
  const [low, high] = scale;
  if (high === low) throw new UserError('USAGE', `mapping: scale [${low}, ${high}] is empty`);
  return `((${sql} - ${num(low)}) / ${num(high - low)})`;
}

function rangeProblems(
  def: FieldDef,
  v: string,
  value: CompiledValue,
  scale: [number, number] | undefined,
): ProblemTest[] {
  const problems: ProblemTest[] = [];
  const at = { label: value.label, raw: value.raw };
  if (def.min !== undefined) {
    const reason = def.min === 0 ? 'is negative' : `is below ${def.min}`;
    problems.push({ test: `coalesce(${v} < ${num(def.min)}, FALSE)`, ...at, reason, certain: true });
  }
  if (def.max !== undefined) {
    const hint =
      def.kind === 'score' && !scale ? ' (give the raw scale in the mapping, e.g. scale: [1, 5])' : '';
    problems.push({
      test: `coalesce(${v} > ${num(def.max)}, FALSE)`,
      ...at,
      reason: `is above ${def.max}${hint}`,
      certain: true,
    });
  }
  return problems;
}

/**
 * Values a field can hold but no real export does: a duration above its ceiling (a talk time of
 * 99999999999999999999 s), an amount beyond 15 significant digits, a time outside 1990–2100.
 */
function plausibilityProblems(
  def: FieldDef,
  v: string,
  value: CompiledValue,
  limits: PlausibilityLimits | undefined,
): ProblemTest[] {
  const at = { label: value.label, raw: value.raw, certain: true };
  const problems: ProblemTest[] = [];
  if (def.positive) problems.push({ test: `coalesce(${v} <= 0, FALSE)`, ...at, reason: 'is not above 0' });
  if (def.ceiling && limits) {
    const max = limits[def.ceiling];
    problems.push({
      test: `coalesce(${v} > ${num(max)}, FALSE)`,
      ...at,
      reason: `is more than ${durationText(max)} (the ceiling plausibility.${def.ceiling} in percontact.yaml)`,
    });
  }
  if (def.kind === 'decimal') {
    const digits = `ltrim(${v}, '+-')`;
    const whole = `ltrim(split_part(${digits}, '.', 1), '0')`;
    const fraction = `rtrim(split_part(${digits}, '.', 2), '0')`;
    const significant = `(length(${whole}) + length(CASE WHEN ${whole} = '' THEN ltrim(${fraction}, '0') ELSE ${fraction} END))`;
    problems.push({
      test: `coalesce(${significant} > ${MAX_SIGNIFICANT_DIGITS}, FALSE)`,
      ...at,
      reason: `has more than ${MAX_SIGNIFICANT_DIGITS} significant digits (not a plausible amount)`,
    });
  }
  if (def.kind === 'instant' || def.kind === 'date') {
    const [first, last] = PLAUSIBLE_YEARS;
    // Comparisons with constants: far cheaper per row than taking the year of a time with a zone.
    const type = def.kind === 'instant' ? 'TIMESTAMPTZ' : 'DATE';
    const bound = (year: number) => `${type} '${year}-01-01${def.kind === 'instant' ? ' 00:00:00+00' : ''}'`;
    problems.push({
      test: `coalesce(${v} < ${bound(first)} OR ${v} >= ${bound(last + 1)}, FALSE)`,
      ...at,
      reason: `is outside ${first}–${last} (not a plausible date)`,
    });
  }
  return problems;
}

function durationText(seconds: number): string {
  if (seconds > 86_400 && seconds % 86_400 === 0) return `${seconds / 86_400} days`;
  if (seconds % 3_600 === 0) return `${seconds / 3_600} h`;
  return `${seconds} s`;
}
