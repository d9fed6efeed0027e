import type { Aggregate, GroupSpec } from '../mapping/schema.js';
import { ident, lit } from '../mapping/sql.js';
import type { Target } from '../targets/target.js';
import type { CompiledFile, RowsOptions } from './compile.js';

/** The rows of every file of an import, as one relation. */
export function allRows(files: readonly CompiledFile[], options: RowsOptions): string {
  return `(${files.map((f) => f.rows(options)).join(' UNION ALL ')})`;
}

export const EXCLUDED = '__ingest_excluded';

/** Key columns compared between two aliases; NULL equals NULL (a volume row without queue). */
export function keysEqual(target: Target, a: string, b: string, columns = target.table.key): string {
  return columns.map((k) => `${a}.${ident(k)} IS NOT DISTINCT FROM ${b}.${ident(k)}`).join(' AND ');
}

/** Two rows with every table column equal. */
export function rowsEqual(target: Target, a: string, b: string): string {
  const cols = target.table.columns.map((c) => ident(c.name));
  return `ROW(${cols.map((c) => `${a}.${c}`).join(', ')}) IS NOT DISTINCT FROM ROW(${cols.map((c) => `${b}.${c}`).join(', ')})`;
}

/**
 * What may be written: valid rows not skipped and not set aside as in-import duplicates, with `__legs`
 * (rows behind each record: 1, or the legs of a grouped contact). `fail`: instead of leaving invalid
 * rows out, raise INVALID_ROW at the first one; `__ok` is then read in the same projection as the
 * values (a WHERE on it would be pushed below that projection and parse every value twice).
 */
export function candidates(
  files: readonly CompiledFile[],
  target: Target,
  options: { excluded: boolean; group: GroupSpec | undefined; fail?: boolean },
): string {
  const rec = options.excluded || options.group !== undefined;
  const fail = options.fail === true && !options.group;
  const rows = allRows(files, { rec, errors: false, failInvalid: fail });
  const valid = `SELECT * FROM ${rows} WHERE __skip IS NULL${fail ? '' : ' AND __ok'}`;
  const kept = options.excluded
    ? `${valid} AND NOT EXISTS (SELECT 1 FROM ${EXCLUDED} x WHERE x.file = __file AND x.rec = __rec)`
    : valid;
  const columns = target.table.columns.map((c) => ident(c.name));
  if (options.group) return grouped(kept, target, options.group);
  const [first, ...rest] = columns;
  const guarded = fail ? [`CASE WHEN __ok THEN ${first} END AS ${first}`, ...rest] : columns;
  return `(SELECT __file, __rec, 1 AS __legs, ${guarded.join(', ')} FROM (${kept}))`;
}

/**
 * Legs of one contact (same group key) become one record: the group key is its id; each column is
 * aggregated as the mapping says, by default as the target says, else taken from the principal leg
 * (the one whose outcome comes first in `prefer`, then the earliest).
 */
function grouped(rows: string, target: Target, group: GroupSpec): string {
  const grouping = target.grouping;
  if (!grouping) throw new Error(`${target.kind} cannot be grouped`);
  const prefer = group.prefer ?? [];
  const rank = `CASE ${ident(grouping.outcome)} ${prefer.map((o, i) => `WHEN ${lit(o)} THEN ${i}`).join(' ')} ELSE ${prefer.length} END`;
  const order = `epoch_ms(${ident(grouping.order)})`;
  const principalKey = `[${rank}, ${order}, __file, __rec]`;
  const timeKey = `[${order}, __file, __rec]`;
  const aggregate = (column: string, how: Aggregate): string => {
    const c = ident(column);
    switch (how) {
      case 'principal':
        return `arg_min_null(${c}, ${principalKey})`;
      case 'first':
        return `arg_min(${c}, ${timeKey})`;
      case 'last':
        return `arg_max(${c}, ${timeKey})`;
      default:
        return `${how}(${c})`;
    }
  };
  const columns = target.table.columns.map((col) => {
    if (col.name === 'id') return `__group AS ${ident('id')}`;
    if (col.name === 'source') return `any_value(${ident('source')}) AS ${ident('source')}`;
    const how = group.fields?.[col.name] ?? grouping.aggregates[col.name] ?? 'principal';
    return `${aggregate(col.name, how)} AS ${ident(col.name)}`;
  });
  return `(SELECT min(__file) AS __file, min(__rec) AS __rec, count(*) AS __legs, ${columns.join(', ')} FROM (${rows}) GROUP BY __group)`;
}
