import { describe, expect, it } from 'vitest';
import { jobPercent, summaryAddsUp, summaryParts } from './import-summary.js';

describe('import summaries', () => {
  const summary = {
    read: 10,
    imported: 5,
    rejected: 2,
    duplicates: 1,
    skipped: [
      { reason: 'outbound', rows: 1 },
      { reason: 'test calls', rows: 1 },
    ],
  };

  it('counts the skipped rows of every reason', () => {
    expect(summaryParts(summary)).toEqual({ imported: 5, rejected: 2, duplicates: 1, skipped: 2 });
  });

  it('accounts for every row read', () => {
    // 5 + 2 + 1 + 2 = 10 (by hand)
    expect(summaryAddsUp(summary)).toBe(true);
    expect(summaryAddsUp({ ...summary, imported: 4 })).toBe(false);
    expect(summaryAddsUp({ ...summary, skipped: [] })).toBe(false);
  });

  it('shows progress only where the engine tells it', () => {
    expect(jobPercent({ status: 'queued', progress: null })).toBeUndefined();
    expect(jobPercent({ status: 'running', progress: 0.456 })).toBe(46);
    expect(jobPercent({ status: 'running', progress: null })).toBeUndefined();
    expect(jobPercent({ status: 'succeeded', progress: 0.9 })).toBe(100);
  });
});
