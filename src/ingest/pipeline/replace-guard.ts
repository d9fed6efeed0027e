import { column, inList } from '../../engine/query.js';
import { selectRows } from '../../engine/run-query.js';
import { IMPORTS_TABLE } from '../../engine/schema.js';
import { UserError } from '../../errors.js';
import type { Target } from '../targets/target.js';
import { sum } from './counts.js';
import { sameFile } from './source-name.js';
import type { StoreLink } from './store-link.js';
import { recordCount } from './summary.js';

/**
 * Refuses to let changed records replace stored ones that another file brought in, unless the
 * request says to replace them: two systems' exports with the same ids (1, 2, 3) would otherwise
 * overwrite each other without a word. Records from the same file (a corrected re-export) may be
 * replaced; records stored before import ids were kept count as another file's.
 */
export async function refuseForeignReplacements(
  link: StoreLink,
  staged: string,
  target: Target,
  files: readonly string[],
  source: string,
): Promise<void> {
  const changed = await link.staging.query(
    `SELECT __stored_import AS id, count(*) AS n FROM ${staged} WHERE __status = 'changed' GROUP BY 1 ORDER BY n DESC, 1`,
  );
  const ids = changed.flatMap((r) => (r.id === null ? [] : [String(r.id)]));
  const log = await selectRows(link.store, {
    from: IMPORTS_TABLE.name,
    columns: [
      { name: 'id', expr: column('id') },
      { name: 'files', expr: column('files') },
    ],
    where: inList(column('id'), ids),
  });
  const filesOf = new Map(log.map((r) => [String(r.id), String(r.files)]));
  const rows = changed.map((r) => ({ n: r.n, files: filesOf.get(String(r.id)) ?? null }));
  const foreign = rows.filter(
    (r) =>
      r.files === null ||
      !String(r.files)
        .split('\n')
        .some((logged) => files.some((file) => sameFile(logged, file))),
  );
  const count = sum(foreign.map((r) => Number(r.n)));
  if (count === 0) return;
  const [first] = foreign;
  const firstFile = first?.files === null ? undefined : String(first?.files).split('\n')[0];
  const origin = firstFile ?? 'an import made before imports were recorded per row';
  const others = foreign.length > 1 ? ` and ${foreign.length - 1} other import(s)` : '';
  const what = recordCount(target.kind, count);
  const [which, advice] = target.sourced
    ? [`stored under the source name "${source}"`, 'give this file a source of its own']
    : ['with the same ids', 'give the new ones ids of their own'];
  throw new UserError(
    'INVALID_INPUT',
    `import refused, nothing was changed: it would replace ${what} ${which} that came from ${origin}${others}; ${advice}, or replace them on purpose`,
    { parameter: 'replace', ...(firstFile ? { file: firstFile } : {}) },
  );
}
