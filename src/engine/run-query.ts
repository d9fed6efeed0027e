import type { Engine } from './engine.js';
import type { AggregateQuery, Row, SelectQuery } from './query.js';

/**
 * The one way code outside the engine folders reads: a query as plain data, compiled by the
 * engine's dialect and run, with rows keyed by the names the query gave its columns. Values follow
 * the engine contract (dates as 'YYYY-MM-DD' text, timestamps as Date, integers as numbers).
 */
export async function selectRows<Name extends string>(
  engine: Engine,
  query: SelectQuery<Name>,
): Promise<Row<Name>[]> {
  return (await engine.query(engine.dialect.createCompiler().compileSelect(query))) as Row<Name>[];
}

export async function aggregateRows<Name extends string>(
  engine: Engine,
  query: AggregateQuery<Name>,
): Promise<Row<Name | 'grouping_set'>[]> {
  return (await engine.query(engine.dialect.createCompiler().compileAggregate(query))) as Row<
    Name | 'grouping_set'
  >[];
}
