import type { ImportKind } from '../targets/target.js';

/**
 * What an import did, in rows of the input: read = imported + duplicates + rejected + skipped,
 * always. `written` counts stored records (contacts, volume rows, cost lines, rates): one contact can
 * be several rows (legs) of the input.
 */
export interface ImportSummary {
  /** The import's id: in the import log and on every row it stored (`imports remove ID`). */
  id: string;
  kind: ImportKind;
  files: readonly string[];
  source: string | null;
  mapping: string;
  read: number;
  imported: number;
  duplicates: number;
  rejected: number;
  skipped: readonly { reason: string; rows: number }[];
  /** Records inserted or changed. */
  written: number;
  /** Of those, records that replaced (or enriched) a stored one. */
  replaced: number;
  rejectsFile: string | null;
  warnings: readonly string[];
}

export function skippedTotal(summary: Pick<ImportSummary, 'skipped'>): number {
  return summary.skipped.reduce((sum, s) => sum + s.rows, 0);
}

/** What one stored record of each kind is called. */
export const RECORD_NAMES: Record<ImportKind, string> = {
  contacts: 'contacts',
  volumes: 'volume rows',
  costs: 'cost lines',
  fx: 'exchange rates',
  agents: 'rate cards',
  'agent-time': 'agent days',
};

/** "1 cost line", "3 cost lines". */
export function recordCount(kind: ImportKind, n: number): string {
  const plural = RECORD_NAMES[kind];
  return `${n} ${n === 1 ? plural.replace(/s$/, '') : plural}`;
}

/** An import id as people type it: its first 8 characters (`imports remove` takes any unique prefix). */
export function shortImportId(id: string): string {
  return id.slice(0, 8);
}

/** The human summary the CLI prints. */
export function formatSummary(s: ImportSummary): string {
  const lines = [
    `imported ${s.kind} from ${s.files.length === 1 ? s.files[0] : `${s.files.length} files`} (${s.mapping}${s.source ? `, source ${s.source}` : ''}; import ${shortImportId(s.id)})`,
    `  rows read          ${s.read}`,
    `  imported           ${s.imported}  → ${s.written} ${RECORD_NAMES[s.kind]} written${s.replaced > 0 ? ` (${s.replaced} replaced a stored one)` : ''}`,
    `  duplicates skipped ${s.duplicates}`,
    `  rejected           ${s.rejected}${s.rejectsFile ? `  (see ${s.rejectsFile})` : ''}`,
  ];
  for (const skip of s.skipped) lines.push(`  skipped by rule    ${skip.rows}  (${skip.reason})`);
  for (const warning of s.warnings) lines.push(`  note: ${warning}`);
  return `${lines.join('\n')}\n`;
}
