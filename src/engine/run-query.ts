import type { Engine, ResultTypes } from './engine.js';
import type { AggregateQuery, Expr, Row, SelectQuery } from './query.js';
import { type ColumnType, TABLES, type TableDef } from './schema.js';

/**
 * The one way code outside the engine folders reads: a query as plain data, compiled by the
 * engine's dialect and run, with rows keyed by the names the query gave its columns. Values follow
 * the engine contract (dates as 'YYYY-MM-DD' text, timestamps as Date, integers as numbers,
 * booleans as booleans: the column types the query implies travel with it, so an engine that keeps
 * booleans as 0/1 can convert them).
 */
export async function selectRows<Name extends string>(
  engine: Engine,
  query: SelectQuery<Name>,
): Promise<Row<Name>[]> {
  const table = TABLES.get(query.from);
  const types = typesOf(query.columns.map((c) => [c.name, exprType(c.expr, table)]));
  return (await engine.query(engine.dialect.createCompiler().compileSelect(query), types)) as Row<Name>[];
}

export async function aggregateRows<Name extends string>(
  engine: Engine,
  query: AggregateQuery<Name>,
): Promise<Row<Name | 'grouping_set'>[]> {
  const table = TABLES.get(typeof query.from === 'string' ? query.from : query.from.table);
  const types = typesOf([
    ...query.groupBy.map((g) => [g.name, exprType(g.expr, table)] as const),
    ...query.aggregates.map(
      (a) => [a.name, a.fn === 'min' || a.fn === 'max' ? exprType(a.expr, table) : undefined] as const,
    ),
  ]);
  const sql = engine.dialect.createCompiler().compileAggregate(query);
  return (await engine.query(sql, types)) as Row<Name | 'grouping_set'>[];
}

/** The stored type an expression's values have, where the query form tells it. */
export function exprType(e: Expr | undefined, table: TableDef | undefined): ColumnType | undefined {
  if (!e) return undefined;
  switch (e.kind) {
    case 'column':
      return table?.columns.find((c) => c.name === e.name)?.type;
    case 'literal':
      return typeof e.value === 'boolean' ? 'boolean' : undefined;
    case 'instant':
      return 'timestamp';
    case 'compare':
    case 'in':
    case 'and':
    case 'or':
    case 'not':
    case 'isNull':
      return 'boolean';
    case 'coalesce':
      return e.items.map((item) => exprType(item, table)).find((t) => t !== undefined);
    default:
      return undefined;
  }
}

function typesOf(entries: readonly (readonly [string, ColumnType | undefined])[]): ResultTypes {
  return Object.fromEntries(entries.filter((entry): entry is [string, ColumnType] => entry[1] !== undefined));
}

type Results<T extends readonly (() => Promise<unknown>)[]> = {
  -readonly [K in keyof T]: Awaited<ReturnType<T[K]>>;
};

/**
 * Independent reads, issued together where the engine runs queries side by side (on a server each
 * small one costs a round trip), else one after another.
 */
export async function runAll<const T extends readonly (() => Promise<unknown>)[]>(
  engine: Engine,
  reads: T,
): Promise<Results<T>> {
  if (engine.dialect.capabilities.concurrentQueries)
    return (await Promise.all(reads.map((read) => read()))) as Results<T>;
  const results: unknown[] = [];
  for (const read of reads) results.push(await read());
  return results as Results<T>;
}
