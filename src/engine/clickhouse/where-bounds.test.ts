import { describe, expect, it } from 'vitest';
import type { Expr } from '../query.js';
import { and, cmp, column, eq, instant, literal } from '../query.js';
import { keepsWithin } from './where-bounds.js';

const jan = new Date('2025-01-01T00:00:00Z');
const feb = new Date('2025-02-01T00:00:00Z');
const mar = new Date('2025-03-01T00:00:00Z');
const index: Expr & { kind: 'periodIndex' } = {
  kind: 'periodIndex',
  column: 'arrived_at',
  boundaries: [jan, feb, mar],
};
const at = column('arrived_at');

describe('keepsWithin', () => {
  it('holds where the WHERE bounds the column by the first and the last boundary, among other terms', () => {
    const where = and(
      eq(column('channel'), literal('voice')),
      and(cmp('>=', at, instant(new Date(jan))), cmp('<', at, instant(mar))),
    );
    expect(keepsWithin(where, index)).toBe(true);
  });

  it('fails for a wider range, a missing bound, another column, an OR, or no WHERE', () => {
    expect(
      keepsWithin(
        and(cmp('>=', at, instant(jan)), cmp('<', at, instant(new Date('2025-04-01T00:00:00Z')))),
        index,
      ),
    ).toBe(false);
    expect(keepsWithin(cmp('>=', at, instant(jan)), index)).toBe(false);
    expect(keepsWithin(and(cmp('>=', column('day'), instant(jan)), cmp('<', at, instant(mar))), index)).toBe(
      false,
    );
    expect(
      keepsWithin({ kind: 'or', items: [cmp('>=', at, instant(jan)), cmp('<', at, instant(mar))] }, index),
    ).toBe(false);
    expect(keepsWithin(and(cmp('>', at, instant(jan)), cmp('<', at, instant(mar))), index)).toBe(false);
    expect(keepsWithin(undefined, index)).toBe(false);
  });

  it('matches dates written as text', () => {
    const days: Expr & { kind: 'periodIndex' } = {
      kind: 'periodIndex',
      column: 'day',
      boundaries: ['2025-01-01', '2025-02-01', '2025-03-01'],
    };
    const day = column('day');
    expect(
      keepsWithin(and(cmp('>=', day, literal('2025-01-01')), cmp('<', day, literal('2025-03-01'))), days),
    ).toBe(true);
    expect(
      keepsWithin(and(cmp('>=', day, literal('2025-01-02')), cmp('<', day, literal('2025-03-01'))), days),
    ).toBe(false);
  });
});
