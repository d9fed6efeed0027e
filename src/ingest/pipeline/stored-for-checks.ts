import { and, cmp, column, instant } from '../../engine/query.js';
import { aggregateRows } from '../../engine/run-query.js';
import { CONTACTS_TABLE, type TableDef, VOLUMES_TABLE } from '../../engine/schema.js';
import type { Target, TargetContext } from '../targets/target.js';
import { allRows } from './candidates.js';
import type { CompiledFile } from './compile.js';
import type { StoreLink } from './store-link.js';

/** What the overlap checks read of stored contacts: a contact's segment and time. */
const CONTACT_TIMES: TableDef = {
  name: CONTACTS_TABLE.name,
  key: [],
  columns: CONTACTS_TABLE.columns.filter((c) => ['channel', 'queue', 'arrived_at'].includes(c.name)),
};

/** Boundaries per store query: keeps the statement well below a server's query size limit. */
const BOUNDARIES_PER_QUERY = 400;

/**
 * The overlap checks (targets' `checks`) read the stored `volumes` and `contacts` tables by name.
 * Where the staging engine is not the store, it gets copies under those names, called twice: before
 * the files are compiled (`files` absent: the stored volume rows, and an empty `contacts`) and after
 * (the contacts a volume import can overlap). Contacts are not copied but summarised: one instant
 * per channel, queue and span between consecutive interval boundaries of the files, which tells
 * whether any stored contact lies in an interval exactly as the contacts themselves would.
 */
export async function storedForChecks(
  link: StoreLink,
  target: Target,
  ctx: TargetContext,
  files?: readonly CompiledFile[],
): Promise<void> {
  if (link.inPlace) return;
  const readsContacts = target.kind === 'volumes' && ctx.stored.contacts;
  if (!files) {
    if (ctx.stored.volumes) await link.stored(VOLUMES_TABLE, undefined, VOLUMES_TABLE.name);
    if (readsContacts) await link.createTemp(CONTACT_TIMES);
    return;
  }
  if (!readsContacts) return;
  const rows = allRows(files, { rec: false, errors: false });
  const found = await link.staging.query(
    `SELECT DISTINCT b FROM (SELECT interval_start AS b FROM ${rows} WHERE __skip IS NULL UNION SELECT interval_end FROM ${rows} WHERE __skip IS NULL) WHERE b IS NOT NULL ORDER BY b`,
  );
  const boundaries = found.map((r) => r.b as Date);
  for (let at = 0; at + 1 < boundaries.length; at += BOUNDARIES_PER_QUERY) {
    const window = boundaries.slice(at, at + BOUNDARIES_PER_QUERY + 1);
    const spans = await aggregateRows(link.store, {
      from: CONTACTS_TABLE.name,
      where: and(
        cmp('>=', column('arrived_at'), instant(window[0] as Date)),
        cmp('<', column('arrived_at'), instant(window.at(-1) as Date)),
      ),
      groupBy: [
        { name: 'channel', expr: column('channel') },
        { name: 'queue', expr: column('queue') },
        { name: 'span', expr: { kind: 'periodIndex', column: 'arrived_at', boundaries: window } },
      ],
      aggregates: [{ name: 'at', fn: 'min', expr: column('arrived_at') }],
    });
    await link.staging.append(
      CONTACT_TIMES,
      spans.map((r) => [r.channel, r.queue, r.at]),
    );
  }
}
