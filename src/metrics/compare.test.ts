import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { periodOf } from '../calendar/period.js';
import type { Engine } from '../engine/engine.js';
import { defaultConfig } from '../model/config.js';
import { contact, engineWith } from '../test-support/fixtures.js';
import { HAND_CHECKED_CONTACTS, HAND_CHECKED_LINES } from '../test-support/hand-checked.js';
import { comparePeriod, compareReport } from './compare.js';
import { costPerContactReport } from './cost-per-contact.js';
import { resolveDefinitions } from './definitions.js';

const label = (date: string, granularity: Parameters<typeof periodOf>[1], mode: 'previous' | 'year-ago') =>
  comparePeriod(periodOf(date, granularity), mode)?.label;

describe('comparePeriod', () => {
  it('steps back one period of the same kind', () => {
    expect(label('2026-03-15', 'month', 'previous')).toBe('2026-02');
    expect(label('2026-01-15', 'month', 'previous')).toBe('2025-12');
    expect(label('2026-01-01', 'week', 'previous')).toBe('2025-W52'); // 1 Jan 2026 is in 2026-W01
    expect(label('2026-04-01', 'quarter', 'previous')).toBe('2026-Q1');
    expect(label('2026-03-01', 'day', 'previous')).toBe('2026-02-28');
    expect(label('2026-06-30', 'year', 'previous')).toBe('2025');
  });

  it('takes the same period a year earlier, where there is one', () => {
    expect(label('2026-03-15', 'month', 'year-ago')).toBe('2025-03');
    expect(label('2026-05-20', 'quarter', 'year-ago')).toBe('2025-Q2');
    expect(label('2026-03-05', 'day', 'year-ago')).toBe('2025-03-05');
    expect(label('2026-03-02', 'week', 'year-ago')).toBe('2025-W10'); // 2 Mar 2026 is a Monday of W10
    expect(label('2025-12-29', 'week', 'year-ago')).toBe('2025-W01'); // 2026-W01 → 2025-W01, starting 30 Dec 2024
    // 2026 has an ISO week 53 (28 Dec 2026 – 3 Jan 2027); 2025 has none. 2024 is a leap year, 2025 is not.
    expect(label('2026-12-30', 'week', 'year-ago')).toBeUndefined();
    expect(label('2024-02-29', 'day', 'year-ago')).toBeUndefined();
  });
});

describe('compareReport', () => {
  const definitions = resolveDefinitions(defaultConfig('EUR', 'Europe/Berlin'));
  let engine: Engine;
  beforeAll(async () => {
    engine = await engineWith(HAND_CHECKED_CONTACTS, HAND_CHECKED_LINES);
  });
  afterAll(() => engine.close());

  it('runs the report over the periods before, with the same breakdown', async () => {
    const report = await costPerContactReport(engine, definitions, {
      granularity: 'month',
      by: ['channel'],
      from: '2026-02',
      to: '2026-03',
    });
    const compared = await compareReport(engine, definitions, report, 'previous');
    expect([...compared.periods]).toEqual([
      ['2026-02', '2026-01'],
      ['2026-03', '2026-02'],
    ]);
    expect(compared.report?.periods.map((p) => p.label)).toEqual(['2026-01', '2026-02']);
    expect(compared.report?.by).toEqual(['channel']);
    // January: 1777.18 over 3 contacts (hand-checked in cost-per-contact.test.ts)
    expect(compared.report?.periodTotals[0]).toMatchObject({
      measures: expect.objectContaining({ contacts: 3 }),
    });
    expect(compared.report?.periodTotals[0]?.cost.toFixed(2)).toBe('1777.18');
    expect(compared.totalsComparable).toBe(true);
  });

  it('gives no report when the compared periods hold nothing at all', async () => {
    const e = await engineWith(
      [contact({ id: 'x', arrivedAt: new Date('2026-03-10T10:00:00Z'), handleSeconds: 60 })],
      [],
    );
    const report = await costPerContactReport(e, definitions, { granularity: 'month', by: [] });
    const compared = await compareReport(e, definitions, report, 'year-ago');
    expect(compared.report).toBeUndefined();
    expect([...compared.periods]).toEqual([['2026-03', '2025-03']]);
    await e.close();
  });

  it('does not compare grand totals when a week has no counterpart a year earlier', async () => {
    const report = await costPerContactReport(engine, definitions, {
      granularity: 'week',
      by: [],
      from: '2026-12-21',
      to: '2027-01-10',
    });
    expect(report.periods.map((p) => p.label)).toEqual(['2026-W52', '2026-W53', '2027-W01']);
    const compared = await compareReport(engine, definitions, report, 'year-ago');
    expect(compared.periods.get('2026-W53')).toBeUndefined();
    expect(compared.totalsComparable).toBe(false);
  });
});
