export type { Dialect, DialectCapabilities } from './dialect.js';
export { DuckDbEngine } from './duckdb/engine.js';
export type { Engine, ResultRow } from './engine.js';
export { MIGRATIONS, type Migration, type MigrationStep, schemaAfter } from './migrations/index.js';
export * from './query.js';
export { contactRow, costLineRow } from './rows.js';
export { aggregateRows, selectRows } from './run-query.js';
export * from './schema.js';
export { SqlCompiler } from './sql-compiler.js';
