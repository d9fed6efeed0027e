import type { Engine } from '../../engine/engine.js';
import type { TableDef } from '../../engine/schema.js';
import { ident } from '../mapping/sql.js';
import type { Target } from '../targets/target.js';
import { recordCount } from './summary.js';

/** The instant columns of a table, quoted. */
export function instantColumns(table: TableDef): string[] {
  return table.columns.filter((c) => c.type === 'timestamp').map((c) => ident(c.name));
}

/** A row has an instant with a fraction of a second (SQL over the quoted instant columns). */
export function hasFraction(instants: readonly string[]): string {
  return instants.map((c) => `epoch_ms(${c}) % 1000 <> 0`).join(' OR ');
}

/**
 * Staged candidates with their instants cut to the second, for a store that keeps no more: cut
 * before they are compared with stored rows, so that importing the same file again finds them the
 * same. The note says how many records lost a fraction of a second.
 */
export async function cutToSeconds(
  staging: Engine,
  table: string,
  target: Target,
): Promise<{ relation: string; note?: string }> {
  const instants = instantColumns(target.table);
  if (instants.length === 0) return { relation: table };
  const [row] = await staging.query(
    `SELECT count(*) FILTER (WHERE ${hasFraction(instants)}) AS n FROM ${table}`,
  );
  const cut = instants.map((c) => `date_trunc('second', ${c}) AS ${c}`).join(', ');
  const relation = `(SELECT * REPLACE (${cut}) FROM ${table})`;
  const note = fractionNote(target, Number(row?.n ?? 0));
  return note ? { relation, note } : { relation };
}

/** What an import says of `n` records whose instants the store keeps only to the second. */
export function fractionNote(target: Target, n: number): string | undefined {
  if (n === 0) return undefined;
  const what = recordCount(target.kind, n);
  return `${what} ${n === 1 ? 'has' : 'have'} times with fractions of a second; the store keeps whole seconds, so they are stored to the second`;
}
