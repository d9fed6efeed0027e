export type SortDirection = 'ascending' | 'descending';

/**
 * Rows sorted by a value: numbers (and decimal text) numerically, text alphabetically in the
 * reader's language; rows whose value is missing go last in either direction (a missing figure is
 * not a small one).
 */
export function sortRows<T>(
  rows: readonly T[],
  value: (row: T) => string | number | null | undefined,
  direction: SortDirection,
  locale: string,
): T[] {
  const collator = new Intl.Collator(locale, { numeric: true });
  const sign = direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const [x, y] = [value(a), value(b)];
    const missing = (v: unknown) => v === null || v === undefined;
    if (missing(x) || missing(y)) return Number(missing(x)) - Number(missing(y));
    const numeric = (v: string | number) => typeof v === 'number' || /^-?\d+(\.\d+)?$/.test(v);
    if (numeric(x as string | number) && numeric(y as string | number)) return sign * (Number(x) - Number(y));
    return sign * collator.compare(String(x), String(y));
  });
}
