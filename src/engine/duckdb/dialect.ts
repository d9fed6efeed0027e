import type { Dialect } from '../dialect.js';
import { SqlCompiler } from '../sql-compiler.js';

/** DuckDB speaks the default SQL (with ICU for time zones); nothing to override yet. */
export class DuckDbCompiler extends SqlCompiler {}

export const duckDbDialect: Dialect = {
  displayName: 'DuckDB',
  capabilities: {
    transactions: true,
    syncDelete: true,
    changeSets: 'transaction',
    subsecondInstants: true,
    windowFunctions: true,
    groupingSets: true,
    bulkFileScan: true,
  },
  createCompiler: () => new DuckDbCompiler(),
};
