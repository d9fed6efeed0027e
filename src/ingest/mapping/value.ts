import { UserError } from '../../errors.js';
import type { ColumnResolver } from './columns.js';
import { compileCondition } from './condition.js';
import { instant, seconds } from './parsers.js';
import type { ValueOptions, ValueSpec } from './schema.js';
import { cell, lit } from './sql.js';

/**
 * What a mapping value compiles to. `text` is trimmed text (NULL when empty) still to be interpreted
 * by the field it feeds; `number` is seconds or a plain number; `local` a wall-clock TIMESTAMP (a
 * date + time combination); `instant` an absolute time.
 */
export type ValueKind = 'text' | 'number' | 'local' | 'instant';

export interface CompiledValue {
  sql: string;
  kind: ValueKind;
  /** The column(s) it comes from, for messages ("vru_entry", "date + time"). */
  label: string;
  /** The raw text behind it (VARCHAR SQL), for messages. */
  raw: string;
  options: ValueOptions;
  /**
   * For values the mapping itself reads from text into a time or number (date + time, between): SQL
   * that is TRUE when the text is there but could not be read (given the value as text, NULL when
   * unread), and why.
   */
  unreadable?: { test: (valueText: string) => string; reason: string };
}

export interface ValueContext {
  columns: ColumnResolver;
  decimal: '.' | ',';
  timeZone: string;
  /** For messages: which field is being mapped. */
  field: string;
  /**
   * Leave a plain column untrimmed: a number field's cast ignores padding itself, and skipping the
   * trim is measurable on millions of rows.
   */
  raw?: boolean;
}

const NULL_VALUE: Omit<CompiledValue, 'options'> = {
  sql: 'CAST(NULL AS VARCHAR)',
  kind: 'text',
  label: '(none)',
  raw: 'CAST(NULL AS VARCHAR)',
};

export function compileValue(spec: ValueSpec, ctx: ValueContext): CompiledValue {
  const plain = typeof spec === 'string' || 'column' in spec;
  const base = compileBase(spec, plain ? ctx : { ...ctx, raw: false });
  const options = typeof spec === 'string' ? {} : optionsOf(spec);
  return applyTextOptions({ ...base, options }, options, ctx);
}

function hasTextOptions(spec: ValueOptions): boolean {
  return spec.extract !== undefined || spec.map !== undefined || spec.default !== undefined;
}

function optionsOf(spec: Exclude<ValueSpec, string>): ValueOptions {
  const { extract, map, default: fallback, format, unit, scale, invalid } = spec;
  return Object.fromEntries(
    Object.entries({ extract, map, default: fallback, format, unit, scale, invalid }).filter(
      ([, v]) => v !== undefined,
    ),
  ) as ValueOptions;
}

function compileBase(spec: ValueSpec, ctx: ValueContext): Omit<CompiledValue, 'options'> {
  if (typeof spec === 'string') return columnValue(spec, false, ctx);
  if ('column' in spec)
    return columnValue(spec.column, spec.optional ?? false, {
      ...ctx,
      raw: ctx.raw && !hasTextOptions(spec),
    });
  if ('value' in spec) {
    const sql = spec.value === null ? 'CAST(NULL AS VARCHAR)' : lit(String(spec.value));
    return { sql, kind: 'text', label: 'constant', raw: sql };
  }
  if ('date' in spec) return dateTime(spec, ctx);
  if ('join' in spec) {
    const parts = spec.join.map((p) => textOf(compileValue(p, ctx), ctx));
    const sql = `NULLIF(concat_ws(${lit(spec.with ?? '-')}, ${parts.map((p) => p.sql).join(', ')}), '')`;
    return { sql, kind: 'text', label: parts.map((p) => p.label).join(' + '), raw: sql };
  }
  if ('hash' in spec) {
    const refs = spec.hash.map((name) => ctx.columns.require(name, `${ctx.field} (hash)`));
    const joined = `concat_ws(chr(31), ${refs.map((r) => `coalesce(${r.sql}, '')`).join(', ')})`;
    return { sql: `md5(${joined})`, kind: 'text', label: refs.map((r) => r.name).join(' + '), raw: joined };
  }
  if ('between' in spec) return between(spec.between, spec.format, spec.optional ?? false, ctx);
  if ('subtract' in spec) {
    const [a, b] = spec.subtract.map((p) => numberOf(compileValue(p, ctx), ctx));
    return {
      sql: `(${a?.sql} - ${b?.sql})`,
      kind: 'number',
      label: `${a?.label} - ${b?.label}`,
      raw: `concat_ws(' - ', ${a?.raw}, ${b?.raw})`,
    };
  }
  if ('first_of' in spec) return firstOf(spec.first_of, ctx);
  return cases(spec.cases, ctx);
}

function columnValue(
  names: string | string[],
  optional: boolean,
  ctx: ValueContext,
): Omit<CompiledValue, 'options'> {
  const ref = optional ? ctx.columns.find(names) : ctx.columns.require(names, ctx.field);
  if (!ref) return NULL_VALUE;
  const sql = ctx.raw ? ref.sql : cell(ref.sql);
  return { sql, kind: 'text', label: ref.name, raw: ref.sql };
}

function dateTime(
  spec: Extract<ValueSpec, { date: string }>,
  ctx: ValueContext,
): Omit<CompiledValue, 'options'> {
  const d = ctx.columns.require(spec.date, `${ctx.field} (date)`);
  const t = spec.time ? ctx.columns.require(spec.time, `${ctx.field} (time)`) : undefined;
  const text = t ? `(${cell(d.sql)} || ' ' || ${cell(t.sql)})` : cell(d.sql);
  const format = spec.date_format && `${spec.date_format}${t ? ` ${spec.time_format ?? '%H:%M:%S'}` : ''}`;
  const sql = format ? `try_strptime(${text}, ${lit(format)})` : `TRY_CAST(${text} AS TIMESTAMP)`;
  const label = t ? `${d.name} + ${t.name}` : d.name;
  const present = [d, ...(t ? [t] : [])].map((c) => `${cell(c.sql)} IS NOT NULL`).join(' OR ');
  return {
    sql,
    kind: 'local',
    label,
    raw: t ? `concat_ws(' ', ${d.sql}, ${t.sql})` : d.sql,
    unreadable: {
      test: (valueText) => `(${valueText} IS NULL AND (${present}))`,
      reason: format ? `does not match the format "${format}"` : 'not a date and time',
    },
  };
}

function between(
  names: [string, string],
  format: string | string[] | undefined,
  optional: boolean,
  ctx: ValueContext,
): Omit<CompiledValue, 'options'> {
  const formats = typeof format === 'string' ? [format] : format;
  const refs = names.map((n) =>
    optional ? ctx.columns.find(n) : ctx.columns.require(n, `${ctx.field} (between)`),
  );
  const [a, b] = refs;
  // optional: a file without one of the columns has no such duration.
  if (!a || !b)
    return { sql: 'CAST(NULL AS DOUBLE)', kind: 'number', label: names.join(' → '), raw: NULL_VALUE.raw };
  const from = instant(cell(a.sql), ctx.timeZone, formats);
  const to = instant(cell(b.sql), ctx.timeZone, formats);
  const how = formats ? `the format ${formats.map((f) => `"${f}"`).join(' or ')}` : 'a date and time';
  return {
    sql: `(epoch(${to}) - epoch(${from}))`,
    kind: 'number',
    label: `${a.name} → ${b.name}`,
    raw: `concat_ws(' → ', ${a.sql}, ${b.sql})`,
    // Both ends are needed: one of them there but unreadable is a problem, both empty is no value.
    unreadable: {
      test: () =>
        `((${cell(a.sql)} IS NOT NULL AND ${from} IS NULL) OR (${cell(b.sql)} IS NOT NULL AND ${to} IS NULL))`,
      reason: `does not match ${how}`,
    },
  };
}

function firstOf(specs: ValueSpec[], ctx: ValueContext): Omit<CompiledValue, 'options'> {
  const values = specs.map((s) => compileValue(s, ctx));
  const kind = commonKind(values);
  const parts = alike(values, kind, ctx);
  return {
    sql: `coalesce(${parts.map((p) => p.sql).join(', ')})`,
    kind,
    label: parts.map((p) => p.label).join(' or '),
    raw: `coalesce(${parts.map((p) => p.raw).join(', ')})`,
  };
}

function cases(
  list: { when?: Parameters<typeof compileCondition>[0]; then: ValueSpec }[],
  ctx: ValueContext,
): Omit<CompiledValue, 'options'> {
  const values = list.map((c) => compileValue(c.then, ctx));
  const kind = commonKind(values);
  const parts = alike(values, kind, ctx);
  const branches = list.map((c, i) => {
    const value = (parts[i] as CompiledValue).sql;
    return c.when ? `WHEN ${compileCondition(c.when, ctx)} THEN ${value}` : `ELSE ${value}`;
  });
  const elseAt = list.findIndex((c) => !c.when);
  if (elseAt >= 0 && elseAt < list.length - 1) {
    throw new UserError('USAGE', `mapping: ${ctx.field}: only the last case may have no "when"`);
  }
  const labels = [...new Set(parts.map((p) => p.label).filter((l) => l !== 'constant'))];
  const raws = [
    ...new Set(parts.map((p) => p.raw).filter((r) => !r.startsWith("'") && r !== NULL_VALUE.raw)),
  ];
  return {
    sql: `(CASE ${branches.join(' ')} END)`,
    kind,
    label: labels.join(' / ') || 'rule',
    raw: raws.length > 0 ? `concat_ws(' / ', ${raws.join(', ')})` : 'CAST(NULL AS VARCHAR)',
  };
}

/** Values of one kind: all as text when kinds differ; an empty value as a NULL of the common kind. */
function alike(values: readonly CompiledValue[], kind: ValueKind, ctx: ValueContext): CompiledValue[] {
  if (kind === 'text') return values.map((v) => textOf(v, ctx));
  const type = { number: 'DOUBLE', local: 'TIMESTAMP', instant: 'TIMESTAMPTZ' }[kind];
  const typedNull = `CAST(NULL AS ${type})`;
  return values.map((v) => (v.sql === NULL_VALUE.sql ? { ...v, sql: typedNull } : v));
}

function commonKind(values: readonly CompiledValue[]): ValueKind {
  const kinds = new Set(values.filter((v) => v.sql !== NULL_VALUE.sql).map((v) => v.kind));
  return kinds.size === 1 ? ([...kinds][0] as ValueKind) : 'text';
}

/** Any value as text: numbers and times in their canonical text. */
export function textOf(value: CompiledValue, _ctx: ValueContext): CompiledValue {
  if (value.kind === 'text') return value;
  return { ...value, sql: `CAST(${value.sql} AS VARCHAR)`, kind: 'text' };
}

/** Any value as a number of seconds (text read as a duration). */
export function numberOf(value: CompiledValue, ctx: ValueContext): CompiledValue {
  if (value.kind === 'number') return value;
  if (value.kind === 'text')
    return { ...value, sql: seconds(value.sql, ctx.decimal, value.options.unit), kind: 'number' };
  throw new UserError('USAGE', `mapping: ${ctx.field}: ${value.label} is a time, not a number`);
}

/** extract → map → default, on text values only. */
function applyTextOptions(value: CompiledValue, options: ValueOptions, ctx: ValueContext): CompiledValue {
  if (!options.extract && !options.map && options.default === undefined) return value;
  if (value.kind !== 'text') {
    throw new UserError(
      'USAGE',
      `mapping: ${ctx.field}: extract, map and default apply to text, not to ${value.label}`,
    );
  }
  let sql = value.sql;
  if (options.extract) {
    const group = new RegExp(`${options.extract}|`).exec('')?.length ?? 1;
    sql = `NULLIF(regexp_extract(${sql}, ${lit(options.extract)}, ${group > 1 ? 1 : 0}), '')`;
  }
  if (options.map) sql = mapValues(sql, options.map);
  if (options.default !== undefined)
    sql = `coalesce(${sql}, ${options.default === null ? 'NULL' : lit(options.default)})`;
  return { ...value, sql };
}

function mapValues(sql: string, map: Record<string, string | null>): string {
  const entries = Object.entries(map).filter(([k]) => k !== '*');
  const fallback = '*' in map ? map['*'] : undefined;
  const target = (v: string | null | undefined) => (v === null || v === undefined ? 'NULL' : lit(v));
  const whens = entries.map(([from, to]) => `WHEN ${lit(from.toLowerCase())} THEN ${target(to)}`).join(' ');
  const otherwise =
    fallback === undefined ? sql : `(CASE WHEN ${sql} IS NULL THEN NULL ELSE ${target(fallback)} END)`;
  return whens ? `(CASE lower(${sql}) ${whens} ELSE ${otherwise} END)` : otherwise;
}
