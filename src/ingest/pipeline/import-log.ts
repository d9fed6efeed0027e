import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { resolve } from 'node:path';
import type { ChangeSet, Engine } from '../../engine/engine.js';
import { column } from '../../engine/query.js';
import { aggregateRows } from '../../engine/run-query.js';
import { COST_LINES_TABLE, FX_RATES_TABLE, IMPORTS_TABLE } from '../../engine/schema.js';
import { isTableLocator } from '../read/table-source.js';
import { sum } from './counts.js';
import type { StoreLink } from './store-link.js';
import type { ImportSummary } from './summary.js';

/**
 * One row in the `imports` table per committed import, put in the import's change set: the files as
 * absolute paths (an import of the same file later knows it), with their checksums (a table's: the
 * `digests` of what was read).
 */
export async function logImport(
  changes: ChangeSet,
  s: ImportSummary,
  digests: readonly (string | undefined)[],
): Promise<void> {
  const skipped = sum(s.skipped.map((x) => x.rows));
  const files = s.files.map((f) => (isTableLocator(f) ? f : resolve(f)));
  const checksums = await Promise.all(files.map((f, i) => digests[i] ?? fileChecksum(f)));
  const row = [s.id, s.kind, s.source, files.join('\n'), s.mapping, new Date()];
  const counts = [s.read, s.imported, s.duplicates, s.rejected, skipped, s.written, s.replaced];
  await changes.put(IMPORTS_TABLE, [[...row, ...counts, checksums.join('\n'), null]]);
}

/** `sha256:<hex>` of a file's bytes, streamed. */
export async function fileChecksum(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return `sha256:${hash.digest('hex')}`;
}

/**
 * Notes for the summary of a cost import: currencies without exchange rates (of the lines stored and
 * those `written`, a relation of the staging engine), and (`exclusiveEnds`: the files gave
 * period_end) written ends on a month's last day, which as exclusive ends leave that day out — most
 * likely they were meant inclusive ("von 01.01. bis 31.03.").
 */
export async function costWarnings(
  link: StoreLink,
  written: string,
  workspaceCurrency: string,
  exclusiveEnds: boolean,
): Promise<string[]> {
  const rated = new Set([...(await currencies(link.store, FX_RATES_TABLE.name)), workspaceCurrency]);
  const fresh = await link.staging.query(`SELECT DISTINCT currency FROM ${written}`);
  const all = new Set([
    ...(await currencies(link.store, COST_LINES_TABLE.name)),
    ...fresh.map((r) => String(r.currency)),
  ]);
  const notes = [...all]
    .filter((currency) => !rated.has(currency))
    .sort()
    .map(
      (currency) =>
        `cost lines in ${currency} have no exchange rates yet: import exchange rates (kind fx) before reporting`,
    );
  if (!exclusiveEnds) return notes;
  const [ends] = await link.staging.query(
    `SELECT count(*) AS n, min(id) AS id, CAST(arg_min(period_end, id) AS VARCHAR) AS period_end FROM ${written}
     WHERE period_end = last_day(period_end)`,
  );
  const n = Number(ends?.n ?? 0);
  if (n > 0) {
    const lines = n === 1 ? '1 cost line ends' : `${n} cost lines end`;
    notes.push(
      `${lines} on the last day of a month (e.g. ${ends?.id}: ${ends?.period_end}), which period_end leaves out (it is exclusive); if the ends are inclusive, map them to period_end_inclusive`,
    );
  }
  return notes;
}

async function currencies(store: Engine, table: string): Promise<string[]> {
  const rows = await aggregateRows(store, {
    from: table,
    groupBy: [{ name: 'currency', expr: column('currency') }],
    aggregates: [{ name: 'n', fn: 'count' }],
  });
  return rows.map((r) => String(r.currency));
}
