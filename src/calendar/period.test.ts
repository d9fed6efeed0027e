import { describe, expect, it } from 'vitest';
import { isoWeek, parsePeriodText, periodLabel, periodOf, periodsBetween } from './period.js';
import { localToInstant, wallClock } from './time-zone.js';

describe('periods', () => {
  it('labels ISO weeks across year ends (published ISO calendar)', () => {
    // 2026-01-01 is a Thursday: week 1 of 2026. 2027-01-01 is a Friday: week 53 of 2026.
    expect(isoWeek('2026-01-01')).toEqual({ year: 2026, week: 1 });
    expect(isoWeek('2027-01-01')).toEqual({ year: 2026, week: 53 });
    expect(isoWeek('2024-12-30')).toEqual({ year: 2025, week: 1 });
    expect(periodOf('2027-01-03', 'week')).toMatchObject({
      start: '2026-12-28',
      end: '2027-01-04',
      label: '2026-W53',
    });
  });

  it('starts quarters and years on their first day', () => {
    expect(periodOf('2026-05-17', 'quarter')).toMatchObject({
      start: '2026-04-01',
      end: '2026-07-01',
      label: '2026-Q2',
    });
    expect(periodOf('2026-05-17', 'year')).toMatchObject({
      start: '2026-01-01',
      end: '2027-01-01',
      label: '2026',
    });
    expect(periodLabel('2026-05-01', 'month')).toBe('2026-05');
  });

  it('lists the periods a range touches', () => {
    expect(periodsBetween('2026-01-15', '2026-03-02', 'month').map((p) => p.label)).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
    ]);
  });

  it('parses what users type and rejects the rest', () => {
    expect(parsePeriodText('2026-03')).toEqual({
      start: '2026-03-01',
      end: '2026-04-01',
      granularity: 'month',
    });
    expect(parsePeriodText('2026-W10')).toEqual({
      start: '2026-03-02',
      end: '2026-03-09',
      granularity: 'week',
    });
    expect(parsePeriodText('2026-Q4')).toEqual({
      start: '2026-10-01',
      end: '2027-01-01',
      granularity: 'quarter',
    });
    expect(parsePeriodText('2026-02-28').end).toBe('2026-03-01');
    expect(() => parsePeriodText('2026-13')).toThrow(/not a date or period/);
    expect(() => parsePeriodText('2026-02-30')).toThrow(/not a date or period/);
    expect(() => parsePeriodText('2026-W54')).toThrow(/not a date or period/);
  });
});

describe('time zones', () => {
  it('finds local midnight in UTC on both sides of a DST change', () => {
    expect(localToInstant('2026-03-29', 'Europe/Berlin').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(localToInstant('2026-03-30', 'Europe/Berlin').toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(localToInstant('2026-10-25', 'Europe/Berlin', 2, 30).toISOString()).toBe(
      '2026-10-25T00:30:00.000Z',
    );
    expect(localToInstant('2026-03-29', 'Europe/Berlin', 2, 30).toISOString()).toBe(
      '2026-03-29T01:30:00.000Z',
    );
    expect(localToInstant('2026-07-01', 'America/New_York').toISOString()).toBe('2026-07-01T04:00:00.000Z');
  });

  it('reads wall-clock time in a zone', () => {
    expect(wallClock(new Date('2026-01-31T23:30:00Z'), 'Europe/Berlin')).toEqual({
      date: '2026-02-01',
      hour: 0,
      minute: 30,
      second: 0,
    });
  });
});
