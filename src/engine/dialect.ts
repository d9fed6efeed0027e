import type { SqlCompiler } from './sql-compiler.js';

/** What an engine's SQL can do, so callers branch on capabilities and never on an engine's name. */
export interface DialectCapabilities {
  /** BEGIN/COMMIT/ROLLBACK around writes (ClickHouse has none: imports stage and swap instead). */
  supportsTransactions: boolean;
  /** `DELETE FROM t WHERE …` as an ordinary, synchronous statement. */
  supportsDelete: boolean;
  /**
   * The engine reads CSV, JSON Lines and Parquet files named in SQL (`read_csv`, `read_ndjson_objects`,
   * `read_parquet`) and has DuckDB's conversion functions (`TRY_CAST`, `try_strptime`, `timezone`,
   * `regexp_*`): the importer then parses and validates whole files inside the engine.
   */
  bulkFileScan: boolean;
}

export interface Dialect {
  /** For messages and docs only. */
  readonly displayName: string;
  readonly capabilities: DialectCapabilities;
  createCompiler(): SqlCompiler;
}
