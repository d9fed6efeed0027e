import { describe, expect, it } from 'vitest';
import { firstPeriodOf, granularityOf, lastPeriodOf, periodText, previousPeriod } from './periods.js';

describe('periods in the dashboard', () => {
  it('steps back one period of the same kind, across year ends and ISO week 53', () => {
    expect(previousPeriod('2026-10')).toBe('2026-09');
    expect(previousPeriod('2026-01')).toBe('2025-12');
    expect(previousPeriod('2026-Q1')).toBe('2025-Q4');
    // 2020 had an ISO week 53 (Thursday 31 December 2020).
    expect(previousPeriod('2021-W01')).toBe('2020-W53');
    expect(previousPeriod('2026-03-01')).toBe('2026-02-28');
    expect(previousPeriod('2026')).toBe('2025');
  });

  it('finds the last period of a range end of any kind', () => {
    expect(lastPeriodOf('2026-10', 'month')).toBe('2026-10');
    expect(lastPeriodOf('2026-10', 'week')).toBe('2026-W44'); // Saturday 31 October 2026 is in ISO week 44
    expect(lastPeriodOf('2026-Q3', 'month')).toBe('2026-09');
    expect(lastPeriodOf('2026-10-05', 'quarter')).toBe('2026-Q4');
    expect(lastPeriodOf('soon', 'month')).toBeUndefined();
    expect(firstPeriodOf('2026-Q3', 'month')).toBe('2026-07');
    expect(firstPeriodOf('2026-10', 'quarter')).toBe('2026-Q4');
  });

  it('knows the kind of a label and refuses what is none', () => {
    expect(granularityOf('2026-W41')).toBe('week');
    expect(granularityOf('2026-10-05')).toBe('day');
    expect(granularityOf('October')).toBeUndefined();
  });

  it('writes periods as each language does: month names, KW week numbers, German dates', () => {
    expect(periodText('2026-10', 'en')).toBe('Oct 2026');
    expect(periodText('2026-10', 'de')).toBe('Okt. 2026');
    expect(periodText('2026-W41', 'en')).toBe('W41 2026');
    expect(periodText('2026-W41', 'de')).toBe('KW 41/2026');
    expect(periodText('2026-10-05', 'de')).toBe('05.10.2026');
    expect(periodText('2026-10-05', 'en')).toBe('2026-10-05');
    expect(periodText('2026-Q4', 'de')).toBe('Q4/2026');
    expect(periodText('2026-07/2026-09', 'en')).toBe('Jul 2026 – Sep 2026');
  });
});
