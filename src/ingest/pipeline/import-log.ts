import { randomUUID } from 'node:crypto';
import type { Engine } from '../../engine/engine.js';
import { IMPORTS_TABLE } from '../../engine/schema.js';
import { lit } from '../mapping/sql.js';
import { sum } from './counts.js';
import type { ImportSummary } from './summary.js';

/** One row in the `imports` table per committed import, written in the import's transaction. */
export async function logImport(engine: Engine, s: ImportSummary): Promise<void> {
  const skipped = sum(s.skipped.map((x) => x.rows));
  const row = [randomUUID(), s.kind, s.source, s.files.join('\n'), s.mapping, new Date()];
  await engine.append(IMPORTS_TABLE, [
    [...row, s.read, s.imported, s.duplicates, s.rejected, skipped, s.written, s.replaced],
  ]);
}

/** Notes for the summary: cost lines in currencies the FX table has no rates for yet. */
export async function costWarnings(engine: Engine, workspaceCurrency: string): Promise<string[]> {
  const rows = await engine.query(
    `SELECT DISTINCT currency FROM cost_lines WHERE currency <> ${lit(workspaceCurrency)} AND currency NOT IN (SELECT currency FROM fx_rates) ORDER BY 1`,
  );
  return rows.map((r) => `cost lines in ${r.currency} have no exchange rates yet (percontact import fx)`);
}
