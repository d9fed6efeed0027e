import type { Aggregate, AggregateQuery, Expr, LocalTimePart, SelectQuery } from './query.js';
import type { ColumnDef, ColumnType, SqlValue, TableDef } from './schema.js';

/**
 * The default SQL compiler: standard SQL as PostgreSQL and DuckDB accept it. A dialect subclasses it
 * and overrides only the hooks where its engine differs. Pure: text in, text out, no connection.
 */
export class SqlCompiler {
  /**
   * Two levels: an inner projection computes every distinct key, value and filter expression once
   * per row (a filter shared by several aggregates is evaluated once), and the outer query
   * aggregates over those columns.
   */
  compileAggregate(query: AggregateQuery): string {
    const projected = new Map<string, string>();
    const column = (sql: string): string => {
      let name = projected.get(sql);
      if (!name) {
        name = `c${projected.size}`;
        projected.set(sql, name);
      }
      return this.identifier(name);
    };
    const sets = query.groupingSets;
    const refs = new Map(query.groupBy.map((g) => [g.name, column(this.expr(g.expr))]));
    const keys = query.groupBy.map(
      (g) => `${this.groupKey(g.name, refs.get(g.name) as string, sets)} AS ${this.identifier(g.name)}`,
    );
    const aggregates = query.aggregates.map((a) => {
      const value = a.expr ? column(this.expr(a.expr)) : undefined;
      const filter = a.filter ? column(this.expr(a.filter)) : undefined;
      return `${this.aggregate(a, value, filter)} AS ${this.identifier(a.name)}`;
    });
    const columns = sets ? [...keys, `${this.groupingSetIndex(refs, sets)} AS grouping_set`] : keys;
    const from = this.fromClause(query);
    const inner = [...projected].map(([sql, name]) => `${sql} AS ${this.identifier(name)}`);
    const flat = `SELECT ${inner.length > 0 ? inner.join(', ') : '1 AS c'} ${from}`;
    return `SELECT ${[...columns, ...aggregates].join(', ')} FROM ${this.flatSource(flat, sets)}${this.groupBy(query, refs)}`;
  }

  compileSelect(query: SelectQuery): string {
    const columns = query.columns.map((c) => `${this.expr(c.expr)} AS ${this.identifier(c.name)}`);
    const where = query.where ? ` WHERE ${this.expr(query.where)}` : '';
    const order = query.orderBy?.length
      ? ` ORDER BY ${query.orderBy.map((e) => this.expr(e)).join(', ')}`
      : '';
    const limit = query.limit === undefined ? '' : ` LIMIT ${Math.trunc(query.limit)}`;
    return `SELECT ${columns.join(', ')} FROM ${this.identifier(query.from)}${where}${order}${limit}`;
  }

  /** `FROM … WHERE …` of the inner projection. */
  protected fromClause(query: AggregateQuery): string {
    return `FROM ${this.source(query.from)}${query.where ? ` WHERE ${this.expr(query.where)}` : ''}`;
  }

  /** The outer query's source: the inner projection (a dialect may repeat its rows, once per grouping set). */
  protected flatSource(flat: string, _sets: AggregateQuery['groupingSets']): string {
    return `(${flat}) AS flat`;
  }

  /** A group key over its projected column (a dialect may blank it outside the sets that keep it). */
  protected groupKey(_name: string, projected: string, _sets: AggregateQuery['groupingSets']): string {
    return projected;
  }

  /** Groups by the projected key columns (`refs`: key name → column), as standard SQL requires. */
  protected groupBy(query: AggregateQuery, refs: ReadonlyMap<string, string>): string {
    const ref = (name: string) => refs.get(name) as string;
    if (query.groupingSets) {
      const sets = query.groupingSets.map((set) => `(${set.map(ref).join(', ')})`);
      return ` GROUP BY GROUPING SETS (${sets.join(', ')})`;
    }
    const keys = [...new Set(query.groupBy.map((g) => ref(g.name)))];
    return keys.length > 0 ? ` GROUP BY ${keys.join(', ')}` : '';
  }

  /**
   * The index of a row's grouping set, from GROUPING(): each set leaves a distinct pattern of keys
   * aggregated away. Sets must differ in their keys.
   */
  protected groupingSetIndex(
    refs: ReadonlyMap<string, string>,
    sets: readonly (readonly string[])[],
  ): string {
    const keys = [...refs.keys()];
    const cases = sets.map((set, index) => {
      const mask = keys.reduce((m, key, i) => (set.includes(key) ? m : m | (1 << (keys.length - 1 - i))), 0);
      return `WHEN ${mask} THEN ${index}`;
    });
    return `CASE GROUPING(${[...refs.values()].join(', ')}) ${cases.join(' ')} END`;
  }

  /** The next row's value by LEAD, ties in `orderBy` broken by the row's key so the result is deterministic. */
  protected source(from: AggregateQuery['from']): string {
    if (typeof from === 'string') return this.identifier(from);
    const partition = from.partitionBy.map((e) => this.expr(e)).join(', ');
    const order = [from.orderBy, ...from.key].map((name) => this.identifier(name)).join(', ');
    const next = `LEAD(${this.identifier(from.column)}) OVER (PARTITION BY ${partition} ORDER BY ${order})`;
    const where = from.where ? ` WHERE ${this.expr(from.where)}` : '';
    return `(SELECT *, ${next} AS ${this.identifier(from.as)} FROM ${this.identifier(from.table)}${where}) AS src`;
  }

  createTable(table: TableDef): string {
    const columns = table.columns.map(
      (c) =>
        `${this.identifier(c.name)} ${this.columnType(c.type, c.nullable)}${c.nullable ? '' : ' NOT NULL'}`,
    );
    return `CREATE TABLE IF NOT EXISTS ${this.identifier(table.name)} (${columns.join(', ')})`;
  }

  /** A column added to an existing table; existing rows get `defaultValue` (NULL without one). */
  addColumn(table: string, column: ColumnDef, defaultValue?: SqlValue): string {
    const type = this.columnType(column.type, column.nullable);
    const value = defaultValue === undefined ? '' : ` DEFAULT ${this.value(defaultValue)}`;
    const notNull = column.nullable ? '' : ' NOT NULL';
    return `ALTER TABLE ${this.identifier(table)} ADD COLUMN IF NOT EXISTS ${this.identifier(column.name)} ${type}${value}${notNull}`;
  }

  /** A stored value as a literal of its kind (instants as timestamps). */
  value(value: SqlValue): string {
    return value instanceof Date ? this.instant(value) : this.literal(value);
  }

  identifier(name: string): string {
    return `"${name.replaceAll('"', '""')}"`;
  }

  stringLiteral(value: string): string {
    return `'${value.replaceAll("'", "''")}'`;
  }

  literal(value: string | number | boolean | null): string {
    if (value === null) return 'NULL';
    if (typeof value === 'string') return this.stringLiteral(value);
    if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
    if (!Number.isFinite(value)) throw new Error(`cannot write ${value} as SQL`);
    return String(value);
  }

  /** A UTC instant literal. */
  instant(value: Date): string {
    return `TIMESTAMPTZ '${value.toISOString().replace('T', ' ').replace('Z', '+00')}'`;
  }

  columnType(type: ColumnType, _nullable: boolean): string {
    const types: Record<ColumnType, string> = {
      text: 'VARCHAR',
      double: 'DOUBLE PRECISION',
      integer: 'BIGINT',
      boolean: 'BOOLEAN',
      timestamp: 'TIMESTAMPTZ',
      date: 'DATE',
    };
    return types[type];
  }

  /** Local ISO weekday (Monday = 1) or minute of the day of a timestamp, as an integer. */
  localTimePart(part: LocalTimePart, column: string, timeZone: string): string {
    const local = `(${this.identifier(column)} AT TIME ZONE ${this.stringLiteral(timeZone)})`;
    return part === 'isoWeekday'
      ? `CAST(EXTRACT(ISODOW FROM ${local}) AS INTEGER)`
      : `CAST(EXTRACT(HOUR FROM ${local}) * 60 + EXTRACT(MINUTE FROM ${local}) AS INTEGER)`;
  }

  dateLiteral(isoDate: string): string {
    return `DATE ${this.stringLiteral(isoDate)}`;
  }

  /** A balanced tree of comparisons: about log2(periods) per row, whatever the number of periods. */
  periodIndex(column: string, boundaries: readonly (Date | string)[]): string {
    const col = this.identifier(column);
    const bound = (i: number) => {
      const b = boundaries[i] as Date | string;
      return typeof b === 'string' ? this.dateLiteral(b) : this.instant(b);
    };
    const tree = (lo: number, hi: number): string => {
      if (hi - lo === 1) return String(lo);
      const mid = (lo + hi) >> 1;
      return `CASE WHEN ${col} < ${bound(mid)} THEN ${tree(lo, mid)} ELSE ${tree(mid, hi)} END`;
    };
    const last = boundaries.length - 1;
    if (last < 1) throw new Error('periodIndex needs at least two boundaries');
    return `CASE WHEN ${col} < ${bound(0)} OR ${col} >= ${bound(last)} THEN NULL ELSE ${tree(0, last)} END`;
  }

  /** Continuous quantile over the rows matching `filter`. */
  quantile(expr: string, q: number, filter: string | undefined): string {
    return `quantile_cont(${expr}, ${q})${filter ? ` FILTER (WHERE ${filter})` : ''}`;
  }

  /**
   * Division of floating-point operands (the seconds columns are doubles). No cast: a CAST to a
   * non-nullable type fails on NULL in ClickHouse.
   */
  divide(numerator: string, denominator: string): string {
    return `(${numerator} / ${denominator})`;
  }

  secondsBetween(from: string, to: string): string {
    return `(EXTRACT(EPOCH FROM ${to}) - EXTRACT(EPOCH FROM ${from}))`;
  }

  /** One aggregate over already projected columns: `value` and `filter` are column references. */
  aggregate(a: Aggregate, value: string | undefined, filter: string | undefined): string {
    const only = filter ? ` FILTER (WHERE ${filter})` : '';
    if (a.fn === 'count') return `COUNT(*)${only}`;
    if (!value) throw new Error(`aggregate ${a.name} needs an expression`);
    if (a.fn === 'quantile') {
      if (a.q === undefined) throw new Error(`quantile ${a.name} needs q`);
      return this.quantile(value, a.q, filter);
    }
    const applied = `${a.fn.toUpperCase()}(${value})${only}`;
    return a.fn === 'sum' ? `COALESCE(${applied}, 0)` : applied;
  }

  expr(e: Expr): string {
    switch (e.kind) {
      case 'column':
        return this.identifier(e.name);
      case 'literal':
        return this.literal(e.value);
      case 'instant':
        return this.instant(e.value);
      case 'compare':
        return `(${this.expr(e.left)} ${e.op} ${this.expr(e.right)})`;
      case 'in':
        return e.values.length === 0
          ? this.literal(false)
          : `(${this.expr(e.expr)} IN (${e.values.map((v) => this.literal(v)).join(', ')}))`;
      case 'and':
        return e.items.length === 0
          ? this.literal(true)
          : `(${e.items.map((i) => this.expr(i)).join(' AND ')})`;
      case 'or':
        return e.items.length === 0
          ? this.literal(false)
          : `(${e.items.map((i) => this.expr(i)).join(' OR ')})`;
      case 'not':
        return `(NOT ${this.expr(e.expr)})`;
      case 'isNull':
        return `(${this.expr(e.expr)} IS NULL)`;
      case 'coalesce':
        return `COALESCE(${e.items.map((i) => this.expr(i)).join(', ')})`;
      case 'add':
        return `(${e.items.map((i) => this.expr(i)).join(' + ')})`;
      case 'case':
        return e.cases.length === 0
          ? this.expr(e.otherwise)
          : `(CASE ${e.cases.map((c) => `WHEN ${this.expr(c.when)} THEN ${this.expr(c.value)} `).join('')}ELSE ${this.expr(e.otherwise)} END)`;
      case 'divide':
        return this.divide(this.expr(e.numerator), this.expr(e.denominator));
      case 'secondsBetween':
        return this.secondsBetween(this.expr(e.from), this.expr(e.to));
      case 'periodIndex':
        return this.periodIndex(e.column, e.boundaries);
      case 'localTimePart':
        return this.localTimePart(e.part, e.column, e.timeZone);
    }
  }
}
