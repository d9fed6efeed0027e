import type { ImportResult } from './types.js';

/** The parts of an import summary that make up what was read, in the order shown. */
export const SUMMARY_PARTS = ['imported', 'rejected', 'duplicates', 'skipped'] as const;

/** read = imported + rejected + duplicates + skipped: true when the summary accounts for every row. */
export function summaryAddsUp(r: ImportResult): boolean {
  return SUMMARY_PARTS.reduce((acc, k) => acc + (r[k] ?? 0), 0) === r.read;
}

/** Percent done of a job for a progress bar: its progress where the engine tells, else none (indeterminate). */
export function jobPercent(job: { status: string; progress: number | null }): number | undefined {
  if (job.status === 'succeeded') return 100;
  if (job.progress === null || job.status !== 'running') return undefined;
  return Math.round(Math.min(1, Math.max(0, job.progress)) * 100);
}
