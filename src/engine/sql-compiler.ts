import type { Granularity } from '../calendar/period.js';
import type { Aggregate, AggregateQuery, Expr, LocalTimePart } from './query.js';
import type { ColumnType, TableDef } from './schema.js';

/**
 * The default SQL compiler: standard SQL as PostgreSQL and DuckDB accept it. A dialect subclasses it
 * and overrides only the hooks where its engine differs. Pure: text in, text out, no connection.
 */
export class SqlCompiler {
  compileAggregate(query: AggregateQuery): string {
    const keys = query.groupBy.map((g) => `${this.expr(g.expr)} AS ${this.identifier(g.name)}`);
    const aggregates = query.aggregates.map((a) => `${this.aggregate(a)} AS ${this.identifier(a.name)}`);
    const where = query.where ? ` WHERE ${this.expr(query.where)}` : '';
    const sets = query.groupingSets;
    const columns = sets ? [...keys, `${this.groupingSetIndex(query.groupBy.map((g) => g.name), sets)} AS grouping_set`] : keys;
    return `SELECT ${[...columns, ...aggregates].join(', ')} FROM ${this.source(query.from)}${where}${this.groupBy(query)}`;
  }

  protected groupBy(query: AggregateQuery): string {
    if (query.groupingSets) {
      const sets = query.groupingSets.map((set) => `(${set.map((name) => this.identifier(name)).join(', ')})`);
      return ` GROUP BY GROUPING SETS (${sets.join(', ')})`;
    }
    return query.groupBy.length > 0 ? ` GROUP BY ${query.groupBy.map((_, i) => i + 1).join(', ')}` : '';
  }

  /**
   * The index of a row's grouping set, from GROUPING(): each set leaves a distinct pattern of keys
   * aggregated away. Sets must differ in their keys.
   */
  protected groupingSetIndex(keys: readonly string[], sets: readonly (readonly string[])[]): string {
    const cases = sets.map((set, index) => {
      const mask = keys.reduce((m, key, i) => (set.includes(key) ? m : m | (1 << (keys.length - 1 - i))), 0);
      return `WHEN ${mask} THEN ${index}`;
    });
    return `CASE GROUPING(${keys.map((k) => this.identifier(k)).join(', ')}) ${cases.join(' ')} END`;
  }

  protected source(from: AggregateQuery['from']): string {
    if (typeof from === 'string') return this.identifier(from);
    const partition = from.partitionBy.map((e) => this.expr(e)).join(', ');
    const next = `LEAD(${this.identifier(from.column)}) OVER (PARTITION BY ${partition} ORDER BY ${this.identifier(from.orderBy)})`;
    const where = from.where ? ` WHERE ${this.expr(from.where)}` : '';
    return `(SELECT *, ${next} AS ${this.identifier(from.as)} FROM ${this.identifier(from.table)}${where}) AS src`;
  }

  createTable(table: TableDef): string {
    const columns = table.columns.map(
      (c) => `${this.identifier(c.name)} ${this.columnType(c.type, c.nullable)}${c.nullable ? '' : ' NOT NULL'}`,
    );
    return `CREATE TABLE IF NOT EXISTS ${this.identifier(table.name)} (${columns.join(', ')})`;
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

  /** Local period start of a timestamp as 'YYYY-MM-DD' text. */
  bucket(unit: Granularity, column: string, timeZone: string | null): string {
    const local =
      timeZone === null ? this.identifier(column) : `(${this.identifier(column)} AT TIME ZONE ${this.stringLiteral(timeZone)})`;
    return `CAST(CAST(date_trunc(${this.stringLiteral(unit)}, ${local}) AS DATE) AS VARCHAR)`;
  }

  /** Local ISO weekday (Monday = 1) or minute of the day of a timestamp, as an integer. */
  localTimePart(part: LocalTimePart, column: string, timeZone: string): string {
    const local = `(${this.identifier(column)} AT TIME ZONE ${this.stringLiteral(timeZone)})`;
    return part === 'isoWeekday'
      ? `CAST(EXTRACT(ISODOW FROM ${local}) AS INTEGER)`
      : `CAST(EXTRACT(HOUR FROM ${local}) * 60 + EXTRACT(MINUTE FROM ${local}) AS INTEGER)`;
  }

  /** Continuous quantile over the rows matching `filter`. */
  quantile(expr: string, q: number, filter: string | undefined): string {
    return `quantile_cont(${expr}, ${q})${filter ? ` FILTER (WHERE ${filter})` : ''}`;
  }

  secondsBetween(from: string, to: string): string {
    return `(EXTRACT(EPOCH FROM ${to}) - EXTRACT(EPOCH FROM ${from}))`;
  }

  aggregate(a: Aggregate): string {
    if (a.fn === 'quantile') {
      if (!a.expr || a.q === undefined) throw new Error(`quantile ${a.name} needs an expression and q`);
      return this.quantile(this.expr(a.expr), a.q, a.filter ? this.expr(a.filter) : undefined);
    }
    if (a.fn === 'count') {
      return a.filter ? `COUNT(*) FILTER (WHERE ${this.expr(a.filter)})` : 'COUNT(*)';
    }
    if (!a.expr) throw new Error(`aggregate ${a.name} needs an expression`);
    const inner = this.expr(a.expr);
    const fn = a.fn.toUpperCase();
    const applied = a.filter ? `${fn}(${inner}) FILTER (WHERE ${this.expr(a.filter)})` : `${fn}(${inner})`;
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
          ? 'FALSE'
          : `(${this.expr(e.expr)} IN (${e.values.map((v) => this.literal(v)).join(', ')}))`;
      case 'and':
        return e.items.length === 0 ? 'TRUE' : `(${e.items.map((i) => this.expr(i)).join(' AND ')})`;
      case 'or':
        return e.items.length === 0 ? 'FALSE' : `(${e.items.map((i) => this.expr(i)).join(' OR ')})`;
      case 'not':
        return `(NOT ${this.expr(e.expr)})`;
      case 'isNull':
        return `(${this.expr(e.expr)} IS NULL)`;
      case 'coalesce':
        return `COALESCE(${e.items.map((i) => this.expr(i)).join(', ')})`;
      case 'add':
        return `(${e.items.map((i) => this.expr(i)).join(' + ')})`;
      case 'secondsBetween':
        return this.secondsBetween(this.expr(e.from), this.expr(e.to));
      case 'bucket':
        return this.bucket(e.unit, e.column, e.timeZone);
      case 'localTimePart':
        return this.localTimePart(e.part, e.column, e.timeZone);
    }
  }
}
