import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { resolve } from 'node:path';
import type { Engine } from '../../engine/engine.js';
import { IMPORTS_TABLE } from '../../engine/schema.js';
import { lit } from '../mapping/sql.js';
import { sum } from './counts.js';
import type { ImportSummary } from './summary.js';

/**
 * One row in the `imports` table per committed import, written in the import's transaction: the
 * files as absolute paths (an import of the same file later knows it), with their checksums.
 */
export async function logImport(engine: Engine, s: ImportSummary): Promise<void> {
  const skipped = sum(s.skipped.map((x) => x.rows));
  const files = s.files.map((f) => resolve(f));
  const checksums = await Promise.all(files.map(fileChecksum));
  const row = [s.id, s.kind, s.source, files.join('\n'), s.mapping, new Date()];
  const counts = [s.read, s.imported, s.duplicates, s.rejected, skipped, s.written, s.replaced];
  await engine.append(IMPORTS_TABLE, [[...row, ...counts, checksums.join('\n'), null]]);
}

/** `sha256:<hex>` of a file's bytes, streamed. */
export async function fileChecksum(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return `sha256:${hash.digest('hex')}`;
}

/**
 * Notes for the summary of a cost import: currencies without exchange rates, and (`exclusiveEnds`:
 * the files gave period_end) ends on a month's last day, which as exclusive ends leave that day out —
 * most likely they were meant inclusive ("von 01.01. bis 31.03.").
 */
export async function costWarnings(
  engine: Engine,
  workspaceCurrency: string,
  importId: string,
  exclusiveEnds: boolean,
): Promise<string[]> {
  const rows = await engine.query(
    `SELECT DISTINCT currency FROM cost_lines WHERE currency <> ${lit(workspaceCurrency)} AND currency NOT IN (SELECT currency FROM fx_rates) ORDER BY 1`,
  );
  const notes = rows.map(
    (r) => `cost lines in ${r.currency} have no exchange rates yet (percontact import fx)`,
  );
  if (!exclusiveEnds) return notes;
  const [ends] = await engine.query(
    `SELECT count(*) AS n, min(id) AS id, CAST(arg_min(period_end, id) AS VARCHAR) AS period_end FROM cost_lines
     WHERE import_id = ${lit(importId)} AND period_end = last_day(period_end)`,
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
