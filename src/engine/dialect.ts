import type { SqlCompiler } from './sql-compiler.js';

/** What an engine's SQL can do, so callers branch on capabilities and never on an engine's name. */
export interface DialectCapabilities {
  /** BEGIN/COMMIT/ROLLBACK around writes (ClickHouse has none: imports stage and swap instead). */
  supportsTransactions: boolean;
  /** `DELETE FROM t WHERE …` as an ordinary, synchronous statement. */
  supportsDelete: boolean;
}

export interface Dialect {
  /** For messages and docs only. */
  readonly displayName: string;
  readonly capabilities: DialectCapabilities;
  createCompiler(): SqlCompiler;
}
