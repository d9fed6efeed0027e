/**
 * A plain-data form of the queries metrics need. Metrics build these; a dialect's compiler turns
 * them into SQL text. Nothing here knows an engine.
 */
export type Expr =
  | { kind: 'column'; name: string }
  | { kind: 'literal'; value: string | number | boolean | null }
  | { kind: 'instant'; value: Date }
  | { kind: 'compare'; op: '=' | '<>' | '<' | '<=' | '>' | '>='; left: Expr; right: Expr }
  | { kind: 'in'; expr: Expr; values: readonly (string | number)[] }
  | { kind: 'and'; items: readonly Expr[] }
  | { kind: 'or'; items: readonly Expr[] }
  | { kind: 'not'; expr: Expr }
  | { kind: 'isNull'; expr: Expr }
  | { kind: 'coalesce'; items: readonly Expr[] }
  | { kind: 'add'; items: readonly Expr[] }
  /** The `value` of the first case whose `when` holds, else `otherwise` (CASE WHEN … THEN … ELSE … END). */
  | { kind: 'case'; cases: readonly { when: Expr; value: Expr }[]; otherwise: Expr }
  /** numerator ÷ denominator of two floating-point expressions (NULL where either is NULL). */
  | { kind: 'divide'; numerator: Expr; denominator: Expr }
  /** Seconds from one timestamp to another (negative when `to` is earlier). */
  | { kind: 'secondsBetween'; from: Expr; to: Expr }
  /**
   * The index i with boundaries[i] <= column < boundaries[i + 1] (NULL outside): periods as plain
   * comparisons with instants (or dates) computed once, which is far cheaper per row than time-zone
   * conversion and date truncation, and exact across DST changes by construction.
   */
  | { kind: 'periodIndex'; column: string; boundaries: readonly (Date | string)[] }
  /** The local ISO weekday (Monday 1 … Sunday 7) or minute of the day (0 … 1439) of a timestamp column, as an integer. */
  | { kind: 'localTimePart'; part: LocalTimePart; column: string; timeZone: string };

export type LocalTimePart = 'isoWeekday' | 'minuteOfDay';

export interface Aggregate<Name extends string = string> {
  name: Name;
  /** `quantile` is the continuous (interpolated) quantile `q` of `expr`. */
  fn: 'count' | 'sum' | 'min' | 'max' | 'quantile';
  q?: number;
  /** Omitted for count(*). */
  expr?: Expr;
  /** Only rows matching the filter take part. Sums over no rows are 0, not NULL. */
  filter?: Expr;
}

/**
 * A table with one extra column: the value of `column` in the next row of the same partition
 * (ordered by `orderBy`), e.g. the next contact of the same customer.
 */
export interface NextRowSource {
  kind: 'nextRow';
  table: string;
  where?: Expr;
  partitionBy: readonly Expr[];
  orderBy: string;
  /** Columns that identify a row of `table`: they break ties in `orderBy`, so the next row is well defined. */
  key: readonly string[];
  column: string;
  as: string;
}

export interface AggregateQuery<Name extends string = string> {
  from: string | NextRowSource;
  where?: Expr;
  groupBy: readonly { name: Name; expr: Expr }[];
  /**
   * Several groupings in one scan, each a list of groupBy names; the result then has a column
   * `grouping_set` with the index of the set a row belongs to. Without it, one grouping by all keys.
   */
  groupingSets?: readonly (readonly string[])[];
  aggregates: readonly Aggregate<Name>[];
}

/** Plain rows of one table: what metrics read besides aggregates (cost lines, rates, cards). */
export interface SelectQuery<Name extends string = string> {
  from: string;
  columns: readonly { name: Name; expr: Expr }[];
  where?: Expr;
  orderBy?: readonly Expr[];
  /** At most this many rows (with `orderBy`: the first ones). */
  limit?: number;
}

/** A row of a query's result, keyed by the names the query gave its columns. */
export type Row<Name extends string> = Record<Name, string | number | boolean | Date | null>;

export const column = (name: string): Expr => ({ kind: 'column', name });
export const literal = (value: string | number | boolean | null): Expr => ({ kind: 'literal', value });
export const instant = (value: Date): Expr => ({ kind: 'instant', value });
export const eq = (left: Expr, right: Expr): Expr => ({ kind: 'compare', op: '=', left, right });
export const cmp = (op: '<' | '<=' | '>' | '>=' | '<>', left: Expr, right: Expr): Expr => ({
  kind: 'compare',
  op,
  left,
  right,
});
export const inList = (expr: Expr, values: readonly (string | number)[]): Expr => ({
  kind: 'in',
  expr,
  values,
});
export const and = (...items: Expr[]): Expr => ({ kind: 'and', items });
export const or = (...items: Expr[]): Expr => ({ kind: 'or', items });
export const not = (expr: Expr): Expr => ({ kind: 'not', expr });
export const isNull = (expr: Expr): Expr => ({ kind: 'isNull', expr });
export const coalesce = (...items: Expr[]): Expr => ({ kind: 'coalesce', items });
export const divide = (numerator: Expr, denominator: Expr): Expr => ({
  kind: 'divide',
  numerator,
  denominator,
});
export const localTimePart = (part: LocalTimePart, column: string, timeZone: string): Expr => ({
  kind: 'localTimePart',
  part,
  column,
  timeZone,
});
