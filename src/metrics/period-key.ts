import type { Period } from '../calendar/period.js';
import { localToInstant } from '../calendar/time-zone.js';
import type { Expr } from '../engine/query.js';

/**
 * The group key that puts a row into its report period: the index of the period its timestamp (in
 * the workspace time zone) or its local date falls in. `periodAt` turns the index back.
 */
export function periodKey(column: string, periods: readonly Period[], timeZone: string | null): Expr {
  const starts = [...periods.map((p) => p.start), periods.at(-1)?.end ?? ''];
  const boundaries = timeZone === null ? starts : starts.map((d) => localToInstant(d, timeZone));
  return { kind: 'periodIndex', column, boundaries };
}

export function periodAt(periods: readonly Period[], index: unknown): Period | undefined {
  return index === null || index === undefined ? undefined : periods[Number(index)];
}
