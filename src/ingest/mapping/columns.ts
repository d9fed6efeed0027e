import { UserError } from '../../errors.js';
import type { RawSource } from '../read/source.js';
import { ident } from './sql.js';

/** Column names match ignoring case, spaces and punctuation: "Arrived At" = "arrived_at" = "ArrivedAt". */
export function normalizeName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

export interface ColumnRef {
  /** SQL of the raw text column. */
  sql: string;
  /** The name as the file has it, for messages. */
  name: string;
}

/** Finds a source's columns by the names a mapping uses. */
export class ColumnResolver {
  private readonly byName = new Map<string, ColumnRef>();

  constructor(private readonly source: RawSource) {
    source.columns.forEach((name, i) => {
      const key = normalizeName(name);
      if (!this.byName.has(key)) this.byName.set(key, { sql: ident(source.sqlColumns[i] as string), name });
    });
  }

  find(names: string | readonly string[]): ColumnRef | undefined {
    for (const name of typeof names === 'string' ? [names] : names) {
      const found = this.byName.get(normalizeName(name));
      if (found) return found;
    }
    return undefined;
  }

  require(names: string | readonly string[], what: string): ColumnRef {
    const found = this.find(names);
    if (found) return found;
    const list = (typeof names === 'string' ? [names] : names).map((n) => `"${n}"`).join(' or ');
    const shown = this.source.columns.slice(0, 30).join(', ');
    throw new UserError(
      'INVALID_INPUT',
      `${this.source.file}: no column ${list} (needed for ${what}); the file has: ${shown}`,
      {
        file: this.source.file,
        column: typeof names === 'string' ? names : names[0],
      },
    );
  }
}
