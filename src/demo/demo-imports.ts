import { createHash } from 'node:crypto';
import type { Engine } from '../engine/engine.js';
import { IMPORTS_TABLE, type RowValues, type TableDef } from '../engine/schema.js';
import type { ImportKind } from '../ingest/targets/target.js';

/**
 * The demo's rows as if imported: one import per kind in the import log, every row carrying its id,
 * so that `status`, `imports list` and `imports remove` treat the demo like a user's own workspace.
 * Ids follow from the seed, as everything else in the demo does.
 */
export class DemoImports {
  private readonly counts = new Map<ImportKind, number>();

  constructor(private readonly seed: number) {}

  /** Puts the import id of `kind` into each row's `import_id` column. */
  tagger(kind: ImportKind, table: TableDef): (row: RowValues) => RowValues {
    const at = table.columns.findIndex((c) => c.name === 'import_id');
    const id = this.id(kind);
    return (row) => {
      const tagged = [...row];
      while (tagged.length < table.columns.length) tagged.push(null);
      tagged[at] = id;
      return tagged;
    };
  }

  /** Records how many rows of `kind` were written. */
  written(kind: ImportKind, rows: number): void {
    this.counts.set(kind, (this.counts.get(kind) ?? 0) + rows);
  }

  /** Writes one log entry per kind that received rows. */
  async log(engine: Engine): Promise<void> {
    const finished = new Date();
    const entries = [...this.counts].map(([kind, n]): RowValues => {
      const values: Record<string, RowValues[number]> = {
        id: this.id(kind),
        kind,
        source: kind === 'contacts' ? 'demo' : null,
        files: `percontact demo (seed ${this.seed})`,
        mapping: 'demo generator',
        finished_at: finished,
        rows_read: n,
        rows_imported: n,
        rows_duplicate: 0,
        rows_rejected: 0,
        rows_skipped: 0,
        records_written: n,
        records_replaced: 0,
        checksum: null,
        removed_at: null,
      };
      return IMPORTS_TABLE.columns.map((c) => values[c.name] ?? null);
    });
    await engine.append(IMPORTS_TABLE, entries);
  }

  /** A UUID-shaped id from the seed and kind. */
  private id(kind: ImportKind): string {
    const hex = createHash('sha256').update(`percontact demo ${this.seed} ${kind}`).digest('hex');
    return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20, 32)].join(
      '-',
    );
  }
}
