import { type Dialect, FULL_SQL } from '../dialect.js';
import { SqlCompiler } from '../sql-compiler.js';

/** DuckDB speaks the default SQL (with ICU for time zones); nothing to override yet. */
export class DuckDbCompiler extends SqlCompiler {}

export const duckDbDialect: Dialect = {
  displayName: 'DuckDB',
  capabilities: FULL_SQL,
  createCompiler: () => new DuckDbCompiler(),
};
