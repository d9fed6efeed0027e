import type { SqlCompiler } from './sql-compiler.js';

/**
 * What an engine can do, so callers branch on capabilities and never on an engine's name or version.
 * Server engines detect them when they connect (by probing, not by reading a version string).
 */
export interface DialectCapabilities {
  /**
   * `Engine.transaction()` makes its writes atomic (BEGIN/COMMIT/ROLLBACK). Without it the work runs
   * as is, and writes that must land together go through `Engine.changeSet()`.
   */
  transactions: boolean;
  /** `DELETE FROM t WHERE …` as an ordinary, synchronous statement. */
  syncDelete: boolean;
  /** Instants keep their milliseconds; without it they are stored to the second (appends truncate). */
  subsecondInstants: boolean;
  /**
   * The engine's bulk CSV reader takes an unquoted empty field as an empty text; without it (current
   * ClickHouse reads it as NULL) rows sent to it quote every text.
   */
  csvEmptyIsText: boolean;
  /** `LEAD(…) OVER (PARTITION BY … ORDER BY …)`; compilers without it join against sorted arrays. */
  windowFunctions: boolean;
  /** `GROUP BY GROUPING SETS`; compilers without it aggregate each row once per set. */
  groupingSets: boolean;
  /**
   * Queries issued side by side run side by side (a request each), so independent ones are worth
   * issuing together; without it the engine has one connection and they would only queue on it.
   */
  concurrentQueries: boolean;
}

/** What an engine with transactions, DELETE and the whole of standard SQL over one connection offers. */
export const FULL_SQL: DialectCapabilities = {
  transactions: true,
  syncDelete: true,
  subsecondInstants: true,
  csvEmptyIsText: true,
  windowFunctions: true,
  groupingSets: true,
  concurrentQueries: false,
};

export interface Dialect {
  /** For messages and docs only. */
  readonly displayName: string;
  readonly capabilities: DialectCapabilities;
  createCompiler(): SqlCompiler;
}
