import type { Engine } from '../../engine/engine.js';
import { ident } from '../mapping/sql.js';
import type { Target } from '../targets/target.js';
import { recordCount } from './summary.js';

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
  const instants = target.table.columns.filter((c) => c.type === 'timestamp').map((c) => ident(c.name));
  if (instants.length === 0) return { relation: table };
  const fractional = instants.map((c) => `epoch_ms(${c}) % 1000 <> 0`).join(' OR ');
  const [row] = await staging.query(`SELECT count(*) FILTER (WHERE ${fractional}) AS n FROM ${table}`);
  const cut = instants.map((c) => `date_trunc('second', ${c}) AS ${c}`).join(', ');
  const relation = `(SELECT * REPLACE (${cut}) FROM ${table})`;
  const n = Number(row?.n ?? 0);
  if (n === 0) return { relation };
  const what = recordCount(target.kind, n);
  return {
    relation,
    note: `${what} ${n === 1 ? 'has' : 'have'} times with fractions of a second; the store keeps whole seconds, so they are stored to the second`,
  };
}
