import { describe, expect, it } from 'vitest';
import { jobPercent, summaryAddsUp } from './import-summary.js';
import type { ImportResult } from './types.js';

describe('import summaries', () => {
  it('accounts for every row read', () => {
    const r = { read: 10, imported: 6, rejected: 2, duplicates: 1, skipped: 1 } as ImportResult;
    expect(summaryAddsUp(r)).toBe(true);
    expect(summaryAddsUp({ ...r, imported: 5 })).toBe(false);
  });

  it('shows progress only where the engine tells it', () => {
    expect(jobPercent({ status: 'queued', progress: null })).toBeUndefined();
    expect(jobPercent({ status: 'running', progress: 0.456 })).toBe(46);
    expect(jobPercent({ status: 'running', progress: null })).toBeUndefined();
    expect(jobPercent({ status: 'succeeded', progress: 0.9 })).toBe(100);
  });
});
