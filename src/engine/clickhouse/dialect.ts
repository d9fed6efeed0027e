import type { Dialect, DialectCapabilities } from '../dialect.js';
import type { Aggregate, AggregateQuery, Expr, LocalTimePart } from '../query.js';
import { type ColumnDef, type ColumnType, type SqlValue, TABLES, type TableDef } from '../schema.js';
import { SqlCompiler } from '../sql-compiler.js';
import type { ClickHouseAbilities } from './abilities.js';
import { layoutOf, type TableLayout } from './layout.js';
import { canBeNull } from './nullable.js';
import { keepsWithin } from './where-bounds.js';

/** The set a repeated row stands for, when grouping sets are emulated (not `grouping_set`: 18.16 refuses the alias twice). */
const SET_INDEX = 'set_index';

/**
 * ClickHouse SQL that Debian's 18.16 and current servers both accept, using newer features only
 * where the server's probed abilities have them: `-If` combinators instead of FILTER, backslash
 * escapes in literals (no query parameters on 18.16), group keys by name (positional GROUP BY
 * means a constant there), and for servers without them grouping sets by repeating each row once
 * per set and the next row by sorted arrays joined back on the row's key.
 */
export class ClickHouseCompiler extends SqlCompiler {
  constructor(
    private readonly abilities: ClickHouseAbilities,
    /** Tables are Distributed over shards (a cluster): queries must aggregate where the rows are. */
    private readonly distributed = false,
  ) {
    super();
  }

  /**
   * One level that aggregates straight from the table, so that over a Distributed table every shard
   * aggregates its own rows and only partial aggregates travel (ClickHouse evaluates an expression
   * that recurs in several aggregates once per block, which the default compiler's inner projection
   * is for). Keys and aggregates are named as the query names them, except where such an alias
   * would be named like a column the query reads (an alias replaces the column everywhere in the
   * query): then they get internal aliases, and an outer SELECT gives them the query's names.
   */
  override compileAggregate(query: AggregateQuery): string {
    const sets = query.groupingSets;
    const emulated = sets !== undefined && !this.abilities.groupingSets;
    const columns = columnsOf(query);
    // Aliases are visible everywhere in a ClickHouse query: one named like a column would replace it.
    const direct =
      columns.size > 0 &&
      query.aggregates.every((a) => !columns.has(a.name)) &&
      query.groupBy.every(
        (g) => !columns.has(g.name) || (!emulated && g.expr.kind === 'column' && g.expr.name === g.name),
      );
    const keyAlias = (name: string, i: number) => (direct ? this.identifier(name) : `__k${i}`);
    const keyAliases = new Map(query.groupBy.map((g, i) => [g.name, keyAlias(g.name, i)]));
    const keys = query.groupBy.map((g, i) => {
      const value = this.key(g.expr, query.where);
      if (!emulated) return `${value} AS ${keyAlias(g.name, i)}`;
      const keeping = sets.flatMap((set, j) => (set.includes(g.name) ? [j] : []));
      const kept =
        keeping.length === 0 ? 'NULL' : `if(${SET_INDEX} IN (${keeping.join(', ')}), ${value}, NULL)`;
      return `${kept} AS ${keyAlias(g.name, i)}`;
    });
    const aggregates = query.aggregates.map((a, i) => {
      const value = a.expr ? this.expr(a.expr) : undefined;
      const filter = a.filter ? this.expr(a.filter) : undefined;
      const aggregate =
        a.filter && canBeNull(a.filter, columns)
          ? this.nullableFilterAggregate(a, value, filter as string)
          : this.aggregate(a, value, filter);
      return `${aggregate} AS ${direct ? this.identifier(a.name) : `__a${i}`}`;
    });
    const setColumn = !sets
      ? []
      : [
          `${emulated ? SET_INDEX : this.groupingSetIndex(keyAliases, sets)} AS ${direct ? 'grouping_set' : '__set'}`,
        ];
    const aliases = [...keyAliases.values()];
    const groupBy = !sets
      ? aliases.length > 0
        ? ` GROUP BY ${aliases.join(', ')}`
        : ''
      : emulated
        ? ` GROUP BY ${[SET_INDEX, ...aliases].join(', ')}`
        : ` GROUP BY GROUPING SETS (${sets.map((set) => `(${set.map((n) => keyAliases.get(n)).join(', ')})`).join(', ')})`;
    const inner = `SELECT ${[...keys, ...setColumn, ...aggregates].join(', ') || '1'} ${this.fromClause(query, emulated ? sets.length : 0)}${groupBy}`;
    // Keys aggregated away are NULL, as in standard SQL (ClickHouse writes their type's default).
    const settings = sets && !emulated ? ' SETTINGS group_by_use_nulls = 1' : '';
    if (direct) return `${inner}${settings}`;
    const named = [
      ...query.groupBy.map((g, i) => `__k${i} AS ${this.identifier(g.name)}`),
      ...(sets ? ['__set AS grouping_set'] : []),
      ...query.aggregates.map((a, i) => `__a${i} AS ${this.identifier(a.name)}`),
    ];
    return `SELECT ${named.join(', ')} FROM (${inner})${settings}`;
  }

  /**
   * `FROM … [ARRAY JOIN] [JOIN] WHERE …`: without grouping sets each row is repeated once per set
   * (`sets` > 0); without window functions, or where the rows are sharded, the next row comes from a
   * join of each shard's own rows.
   */
  protected override fromClause(query: AggregateQuery, sets = 0): string {
    const from = query.from;
    const repeat =
      sets > 0 ? ` ARRAY JOIN [${Array.from({ length: sets }, (_, i) => i).join(', ')}] AS ${SET_INDEX}` : '';
    const joined = typeof from !== 'string' && (!this.abilities.windowFunctions || this.distributed);
    const table =
      typeof from === 'string'
        ? this.identifier(from)
        : joined
          ? this.identifier(from.table)
          : this.source(from);
    const where = [
      ...(joined && typeof from !== 'string' && from.where ? [from.where] : []),
      ...(query.where ? [query.where] : []),
    ];
    const join = joined && typeof from !== 'string' ? ` ${this.nextRowJoin(from)}` : '';
    const filter = where.length > 0 ? ` WHERE ${where.map((w) => this.expr(w)).join(' AND ')}` : '';
    return `FROM ${table}${repeat}${join}${filter}`;
  }

  /**
   * Without window functions: per partition, the rows sorted by (orderBy, key) in an array, each
   * paired with the next one's value, joined back on the key. Rows keep their table as the outer
   * FROM, so on a cluster each shard joins its own rows (a customer's contacts share a shard).
   */
  private nextRowJoin(from: Exclude<AggregateQuery['from'], string>): string {
    const id = (name: string) => this.identifier(name);
    const sortKey = [from.orderBy, ...from.key].map(id).join(', ');
    const keys = from.key.map((k, i) => `tupleElement(r, ${i + 2}) AS ${id(k)}`).join(', ');
    const where = from.where ? ` WHERE ${this.expr(from.where)}` : '';
    const partition = from.partitionBy.map((e) => this.expr(e)).join(', ');
    const sorted = `SELECT arraySort(groupArray(tuple(${sortKey}))) AS rs,
      arrayPushBack(arrayPopFront(arrayMap(x -> toNullable(tupleElement(x, 1)), rs)), NULL) AS nexts
      FROM ${id(from.table)}${where} GROUP BY ${partition}`;
    return `ANY LEFT JOIN (SELECT ${keys}, next AS ${id(from.as)} FROM (${sorted}) ARRAY JOIN rs AS r, nexts AS next) AS nx USING (${from.key.map(id).join(', ')})`;
  }

  protected override source(from: AggregateQuery['from']): string {
    if (typeof from === 'string') return this.identifier(from);
    const partition = from.partitionBy.map((e) => this.expr(e)).join(', ');
    const order = [from.orderBy, ...from.key].map((name) => this.identifier(name)).join(', ');
    const next = `lead(toNullable(${this.identifier(from.column)})) OVER (PARTITION BY ${partition} ORDER BY ${order})`;
    const where = from.where ? ` WHERE ${this.expr(from.where)}` : '';
    return `(SELECT *, ${next} AS ${this.identifier(from.as)} FROM ${this.identifier(from.table)}${where}) AS src`;
  }

  /**
   * A row whose condition is NULL counts as one whose condition is false. -If skips such a row by
   * itself, but over a group of only NULL conditions 18.16 gives NULL, not 0: a count or a sum (its
   * NULL already made 0) is mended once per group, cheaper than a guard on every row; the others
   * keep the guard on every row, which their emptiness test needs.
   */
  private nullableFilterAggregate(a: Aggregate, value: string | undefined, filter: string): string {
    if (a.fn === 'count') return `ifNull(${this.aggregate(a, value, filter)}, 0)`;
    return this.aggregate(a, value, a.fn === 'sum' ? filter : `ifNull(${filter}, 0)`);
  }

  /**
   * A group key; a period index over a column the WHERE already keeps within its first and last
   * boundary has no rows outside, so it leaves out the NULL branch for outside, which would make
   * the key Nullable and grouping by it slower.
   */
  private key(e: Expr, where: Expr | undefined): string {
    const bounded = e.kind === 'periodIndex' && e.boundaries.length > 2 && keepsWithin(where, e);
    if (!bounded) return this.expr(e);
    return this.periodBranches(e.column, e.boundaries);
  }

  /** `filter` is never NULL (compileAggregate guards one that could be). */
  override aggregate(a: Aggregate, value: string | undefined, filter: string | undefined): string {
    if (a.fn === 'count') return filter ? `countIf(${filter})` : 'count()';
    if (!value) throw new Error(`aggregate ${a.name} needs an expression`);
    if (a.fn === 'quantile') {
      if (a.q === undefined) throw new Error(`quantile ${a.name} needs q`);
      return this.quantile(value, a.q, filter);
    }
    const applied = filter ? `${a.fn}If(${value}, ${filter})` : `${a.fn}(${value})`;
    if (a.fn === 'sum') return `ifNull(${applied}, 0)`;
    // ClickHouse gives the type's default for min/max over no rows; standard SQL gives NULL.
    const present = filter ? `countIf(isNotNull(${value}) AND ${filter})` : `count(${value})`;
    return `if(${present} = 0, NULL, ${applied})`;
  }

  /**
   * quantileExactInclusive where the server has it; else the same interpolation by hand over the
   * sorted values: v[⌊h⌋] + (h − ⌊h⌋)(v[⌊h⌋+1] − v[⌊h⌋]) with h = (n − 1)q (1-based arrays). NULL for none.
   */
  override quantile(expr: string, q: number, filter: string | undefined): string {
    if (this.abilities.interpolatedQuantile) {
      const exact = filter
        ? `quantileExactInclusiveIf(${q})(${expr}, ${filter})`
        : `quantileExactInclusive(${q})(${expr})`;
      return `if(isNaN(${exact}), NULL, ${exact})`;
    }
    const sorted = `arraySort(${filter ? `groupArrayIf(${expr}, ${filter})` : `groupArray(${expr})`})`;
    const h = `((length(${sorted}) - 1) * ${q})`;
    const lo = `toUInt64(floor(${h}))`;
    const at = (offset: number) => `${sorted}[${lo} + ${offset}]`;
    return `if(length(${sorted}) = 0, NULL, ${at(1)} + (${h} - ${lo}) * (${at(2)} - ${at(1)}))`;
  }

  /** `x IN (v)` as `x = v`: cheaper per row. */
  override expr(e: Expr): string {
    return e.kind === 'in' && e.values.length === 1
      ? super.expr({
          kind: 'compare',
          op: '=',
          left: e.expr,
          right: { kind: 'literal', value: e.values[0] as string | number },
        })
      : super.expr(e);
  }

  /**
   * One multiIf over the boundaries in order: ClickHouse evaluates every branch of a conditional on
   * every row anyway (18.16 has no short-circuit), so a balanced tree of CASEs would cost more
   * comparisons than the plain list, not fewer.
   */
  override periodIndex(column: string, boundaries: readonly (Date | string)[]): string {
    const col = this.identifier(column);
    const last = boundaries.length - 1;
    if (last < 1) throw new Error('periodIndex needs at least two boundaries');
    const [first, end] = [boundaries[0], boundaries[last]] as [Date | string, Date | string];
    const outside = `${col} < ${this.bound(first)} OR ${col} >= ${this.bound(end)}`;
    return this.periodBranches(column, boundaries, `${outside}, NULL`);
  }

  /** The index among the inner boundaries, after the `first` branch if any. */
  private periodBranches(column: string, boundaries: readonly (Date | string)[], first?: string): string {
    const col = this.identifier(column);
    const last = boundaries.length - 1;
    const branches = boundaries.slice(1, last).map((b, i) => `${col} < ${this.bound(b)}, ${i}`);
    const all = [...(first ? [first] : []), ...branches, String(last - 1)];
    return `multiIf(${all.join(', ')})`;
  }

  private bound(b: Date | string): string {
    return typeof b === 'string' ? this.dateLiteral(b) : this.instant(b);
  }

  override identifier(name: string): string {
    return `\`${name.replace(/[\\`]/g, (ch) => `\\${ch}`)}\``;
  }

  override stringLiteral(value: string): string {
    return `'${value.replace(/[\\']/g, (ch) => `\\${ch}`)}'`;
  }

  override literal(value: string | number | boolean | null): string {
    // Booleans are UInt8 on servers without a Bool type.
    return typeof value === 'boolean' ? (value ? '1' : '0') : super.literal(value);
  }

  override instant(value: Date): string {
    const text = value.toISOString().replace('T', ' ').replace('Z', '');
    return this.abilities.dateTime64
      ? `toDateTime64(${this.stringLiteral(text)}, 3, 'UTC')`
      : `toDateTime(${this.stringLiteral(text.slice(0, 19))}, 'UTC')`;
  }

  override dateLiteral(isoDate: string): string {
    return `toDate(${this.stringLiteral(isoDate)})`;
  }

  override secondsBetween(from: string, to: string): string {
    return `(toFloat64(${to}) - toFloat64(${from}))`;
  }

  override localTimePart(part: LocalTimePart, column: string, timeZone: string): string {
    const [col, tz] = [this.identifier(column), this.stringLiteral(timeZone)];
    return part === 'isoWeekday'
      ? `toDayOfWeek(${col}, ${tz})`
      : `(toHour(${col}, ${tz}) * 60 + toMinute(${col}, ${tz}))`;
  }

  override columnType(type: ColumnType, nullable: boolean): string {
    const types: Record<ColumnType, string> = {
      text: 'String',
      double: 'Float64',
      integer: 'Int64',
      boolean: 'UInt8',
      timestamp: this.abilities.dateTime64 ? "DateTime64(3, 'UTC')" : "DateTime('UTC')",
      date: 'Date',
    };
    return nullable ? `Nullable(${types[type]})` : types[type];
  }

  private columnsDdl(table: TableDef): string {
    return table.columns
      .map((c) => `${this.identifier(c.name)} ${this.columnType(c.type, c.nullable)}`)
      .join(', ');
  }

  /** A MergeTree table; `layout` defaults to the table's own (a staging table takes its target's). */
  override createTable(table: TableDef, layout: TableLayout = layoutOf(table)): string {
    const partition = layout.partitionBy ? ` PARTITION BY ${layout.partitionBy}` : '';
    const order =
      layout.orderBy.length > 0 ? `(${layout.orderBy.map((c) => this.identifier(c)).join(', ')})` : 'tuple()';
    return `CREATE TABLE IF NOT EXISTS ${this.identifier(table.name)} (${this.columnsDdl(table)}) ENGINE = MergeTree()${partition} ORDER BY ${order}`;
  }

  /** The cluster-wide table over every shard's `local` table. */
  createDistributed(
    table: TableDef,
    cluster: string,
    database: string,
    local: string,
    layout = layoutOf(table),
  ): string {
    const args = [
      this.identifier(cluster),
      this.identifier(database),
      this.identifier(local),
      layout.shardBy,
    ];
    return `CREATE TABLE IF NOT EXISTS ${this.identifier(table.name)} (${this.columnsDdl(table)}) ENGINE = Distributed(${args.join(', ')})`;
  }

  /** Not idempotent on every server (no IF NOT EXISTS on 18.16): the engine checks first. */
  override addColumn(table: string, column: ColumnDef, defaultValue?: SqlValue): string {
    const value = defaultValue === undefined ? '' : ` DEFAULT ${this.value(defaultValue)}`;
    return `ALTER TABLE ${this.identifier(table)} ADD COLUMN ${this.identifier(column.name)} ${this.columnType(column.type, column.nullable)}${value}`;
  }
}

/** `distributed`: the engine's tables are Distributed over a cluster's shards. */
export function clickHouseDialect(abilities: ClickHouseAbilities, distributed = false): Dialect {
  const capabilities: DialectCapabilities = {
    transactions: false,
    syncDelete: false,
    subsecondInstants: abilities.dateTime64,
    // 18.16 reads it as an empty text, current releases as NULL: quoting costs them nothing.
    csvEmptyIsText: false,
    windowFunctions: abilities.windowFunctions,
    groupingSets: abilities.groupingSets,
    concurrentQueries: true,
  };
  return {
    displayName: 'ClickHouse',
    capabilities,
    createCompiler: () => new ClickHouseCompiler(abilities, distributed),
  };
}

/**
 * The columns a query reads, by name: its table's (none for a table the schema does not know), and a
 * next-row source's extra column (NULL at a partition's end).
 */
function columnsOf(query: AggregateQuery): Map<string, ColumnDef> {
  const from = query.from;
  const table = TABLES.get(typeof from === 'string' ? from : from.table);
  const columns = new Map((table?.columns ?? []).map((c) => [c.name, c]));
  if (typeof from !== 'string') columns.set(from.as, { name: from.as, type: 'timestamp', nullable: true });
  return columns;
}
