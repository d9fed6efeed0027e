import type { ImportSummary } from './types.js';

/** The parts of an import summary that make up what was read, in the order shown. */
export const SUMMARY_PARTS = ['imported', 'rejected', 'duplicates', 'skipped'] as const;
export type SummaryPart = (typeof SUMMARY_PARTS)[number];

/** Each part as a count of rows: `skipped` is a list of reasons with their rows. */
export function summaryParts(
  r: Pick<ImportSummary, 'imported' | 'rejected' | 'duplicates' | 'skipped'>,
): Record<SummaryPart, number> {
  return {
    imported: r.imported,
    rejected: r.rejected,
    duplicates: r.duplicates,
    skipped: r.skipped.reduce((acc, s) => acc + s.rows, 0),
  };
}

/** read = imported + rejected + duplicates + skipped: true when the summary accounts for every row. */
export function summaryAddsUp(
  r: Pick<ImportSummary, 'read' | 'imported' | 'rejected' | 'duplicates' | 'skipped'>,
): boolean {
  const parts = summaryParts(r);
  return SUMMARY_PARTS.reduce((acc, k) => acc + parts[k], 0) === r.read;
}

/** Percent done of a job for a progress bar: its progress where the engine tells, else none (indeterminate). */
export function jobPercent(job: { status: string; progress: number | null }): number | undefined {
  if (job.status === 'succeeded') return 100;
  if (job.progress === null || job.status !== 'running') return undefined;
  return Math.round(Math.min(1, Math.max(0, job.progress)) * 100);
}
