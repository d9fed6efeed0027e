import { type Dialect, FULL_SQL } from '../dialect.js';
import { SqlCompiler } from '../sql-compiler.js';

/**
 * PostgreSQL speaks the default SQL (FILTER, GROUPING SETS, LEAD … OVER, `AT TIME ZONE` on
 * timestamptz); only its continuous quantile is an ordered-set aggregate.
 */
export class PostgresCompiler extends SqlCompiler {
  override quantile(expr: string, q: number, filter: string | undefined): string {
    return `percentile_cont(${q}) WITHIN GROUP (ORDER BY ${expr})${filter ? ` FILTER (WHERE ${filter})` : ''}`;
  }
}

export const postgresDialect: Dialect = {
  displayName: 'PostgreSQL',
  capabilities: FULL_SQL,
  createCompiler: () => new PostgresCompiler(),
};
