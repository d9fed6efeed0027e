/**
 * A cost line's `period` as SQL: the first day and the day after the last of a period written as
 * the tool labels periods, in English or German: a day (2026-03-05, 05.03.2026), an ISO week
 * (2026-W10, KW 10/2026), a month (2026-03, 03.2026), a quarter (2026-Q1, Q1/2026) or a year (2026).
 * NULL for anything else. `p` is the period's trimmed text.
 */
export function periodBounds(p: string): { start: string; end: string } {
  const n = canonicalLabel(p);
  const year = `TRY_CAST(left(${n}, 4) AS INTEGER)`;
  const week = `TRY_CAST(right(${n}, 2) AS INTEGER)`;
  const jan4 = `make_date(${year}, 1, 4)`;
  // ISO week 1 holds 4 January; a year has week 53 when 28 December falls in it.
  const weekStart = `(CASE WHEN ${week} BETWEEN 1 AND weekofyear(make_date(${year}, 12, 28))
    THEN ${jan4} - CAST(isodow(${jan4}) - 1 AS INTEGER) + (${week} - 1) * 7 END)`;
  const is = (pattern: string) => `regexp_full_match(${n}, '${pattern}')`;
  const start = `(CASE WHEN ${is('\\d{4}-\\d{2}-\\d{2}')} THEN TRY_CAST(${n} AS DATE)
    WHEN ${is('\\d{4}-W\\d{2}')} THEN ${weekStart}
    WHEN ${is('\\d{4}-\\d{2}')} THEN CAST(try_strptime(${n}, '%Y-%m') AS DATE)
    WHEN ${is('\\d{4}-Q[1-4]')} THEN make_date(${year}, (TRY_CAST(right(${n}, 1) AS INTEGER) - 1) * 3 + 1, 1)
    WHEN ${is('\\d{4}')} THEN make_date(TRY_CAST(${n} AS INTEGER), 1, 1) END)`;
  const end = `(CASE WHEN ${is('\\d{4}-\\d{2}-\\d{2}')} THEN ${start} + 1
    WHEN ${is('\\d{4}-W\\d{2}')} THEN ${start} + 7
    WHEN ${is('\\d{4}-\\d{2}')} THEN CAST(${start} + INTERVAL 1 MONTH AS DATE)
    WHEN ${is('\\d{4}-Q[1-4]')} THEN CAST(${start} + INTERVAL 3 MONTH AS DATE)
    WHEN ${is('\\d{4}')} THEN CAST(${start} + INTERVAL 1 YEAR AS DATE) END)`;
  return { start, end };
}

/** German labels in the English (ISO) form: 03.2026 → 2026-03, Q1/2026 → 2026-Q1, KW 10/2026 → 2026-W10. */
function canonicalLabel(p: string): string {
  const u = `upper(${p})`;
  return `(CASE WHEN regexp_full_match(${p}, '\\d{1,2}\\.\\d{4}') THEN right(${p}, 4) || '-' || lpad(split_part(${p}, '.', 1), 2, '0')
    WHEN regexp_full_match(${p}, '\\d{1,2}\\.\\d{1,2}\\.\\d{4}') THEN strftime(try_strptime(${p}, '%d.%m.%Y'), '%Y-%m-%d')
    WHEN regexp_full_match(${u}, 'Q[1-4]/\\d{4}') THEN right(${p}, 4) || '-Q' || substr(${p}, 2, 1)
    WHEN regexp_full_match(${u}, 'KW ?\\d{1,2}/\\d{4}') THEN right(${p}, 4) || '-W' || lpad(regexp_extract(${p}, '(\\d{1,2})/', 1), 2, '0')
    ELSE ${u} END)`;
}
