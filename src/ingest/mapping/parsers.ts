import { UserError } from '../../errors.js';
import { CURRENCY_CODES } from '../../money/currency.js';
import { lit, litList, number } from './sql.js';

/**
 * SQL that reads text (already trimmed, empty = NULL) as a typed value, or NULL when it cannot:
 * the caller turns "text present but value NULL" into a row problem.
 */

const UNIT_SECONDS = { milliseconds: 0.001, seconds: 1, minutes: 60, hours: 3600 } as const;
export type DurationUnit = keyof typeof UNIT_SECONDS;

/**
 * Seconds from a plain number (in `unit`) or a clock duration: H:MM:SS(.fff), and two-part M:SS
 * (or H:MM with `twoPart` 'h:mm').
 */
export function seconds(
  text: string,
  decimal: '.' | ',',
  unit: DurationUnit = 'seconds',
  twoPart: 'm:ss' | 'h:mm' = 'm:ss',
): string {
  const part = (i: number) => `TRY_CAST(replace(split_part(${text}, ':', ${i}), ',', '.') AS DOUBLE)`;
  const first = twoPart === 'h:mm' ? 3600 : 60;
  const second = twoPart === 'h:mm' ? 60 : 1;
  const plain = number(text, decimal);
  const scaled = unit === 'seconds' ? plain : `(${plain} * ${UNIT_SECONDS[unit]})`;
  return `(CASE WHEN NOT contains(${text}, ':') THEN ${scaled}
    WHEN regexp_full_match(${text}, '\\d+:\\d{1,2}:\\d{1,2}([.,]\\d+)?') THEN ${part(1)} * 3600 + ${part(2)} * 60 + ${part(3)}
    WHEN regexp_full_match(${text}, '\\d+:\\d{1,2}([.,]\\d+)?') THEN ${part(1)} * ${first} + ${part(2)} * ${second} END)`;
}

/** A whole number (counts); 12.0 is fine, 12.5 is not. */
export function wholeNumber(text: string, decimal: '.' | ','): string {
  const value = number(text, decimal);
  return `(CASE WHEN ${value} = floor(${value}) THEN CAST(${value} AS BIGINT) END)`;
}

/** A number, or a percentage ("94.01%") as a fraction. */
export function fraction(text: string, decimal: '.' | ','): string {
  const percent = number(`rtrim(${text}, '% ')`, decimal);
  return `(CASE WHEN ${text} LIKE '%\\%' ESCAPE '\\' THEN ${percent} / 100 ELSE ${number(text, decimal)} END)`;
}

const TRUE_WORDS = ['true', 't', 'yes', 'y', '1', 'ja', 'j', 'wahr', 'x'];
const FALSE_WORDS = ['false', 'f', 'no', 'n', '0', 'nein', 'falsch'];

/** A simple CASE over literals (the engine turns a long IN list into a join, which costs more). */
function lookup(text: string, pairs: readonly (readonly [string, string])[]): string {
  return `(CASE ${text} ${pairs.map(([from, to]) => `WHEN ${lit(from)} THEN ${to}`).join(' ')} END)`;
}

export function boolean(text: string): string {
  const pairs = [
    ...TRUE_WORDS.map((w) => [w, 'TRUE'] as const),
    ...FALSE_WORDS.map((w) => [w, 'FALSE'] as const),
  ];
  return lookup(`lower(${text})`, pairs);
}

/**
 * One of `values`, compared case-insensitively; spaces and hyphens count as underscores ("Self
 * Served"). The relaxed form appears once, inside the fallback, so the engine computes it only for
 * values that did not match as written.
 */
export function oneOf(text: string, values: readonly string[]): string {
  const list = `[${litList(values)}]`;
  const relaxed = `replace(replace(lower(${text}), ' ', '_'), '-', '_')`;
  return `coalesce(${lookup(
    `lower(${text})`,
    values.map((v) => [v, lit(v)] as const),
  )}, ${list}[list_position(${list}, ${relaxed})])`;
}

/** Exact decimal text ("1234.56") from "1234.56", "1,234.56" or, with decimal ',', "1.234,56". */
export function decimalText(text: string, decimal: '.' | ','): string {
  const normalized =
    decimal === ','
      ? `replace(replace(${text}, '.', ''), ',', '.')`
      : `(CASE WHEN regexp_full_match(${text}, '[+-]?\\d{1,3}(,\\d{3})+(\\.\\d+)?') THEN replace(${text}, ',', '') ELSE ${text} END)`;
  return `(CASE WHEN regexp_full_match(${normalized}, '[+-]?(\\d+(\\.\\d*)?|\\.\\d+)') THEN ltrim(${normalized}, '+') END)`;
}

/** An ISO 4217 code in any case ("eur" → "EUR"); a code ISO 4217 does not have (XYZ) is NULL. */
export function currencyCode(text: string): string {
  return lookup(
    `upper(${text})`,
    [...CURRENCY_CODES].map((code) => [code, lit(code)] as const),
  );
}

/** Text ending in a zone (Z, UTC, GMT, +01:00, -0500, +02), tested by suffix: cheaper than a pattern. */
function hasZone(text: string): string {
  const tail = `right(${text}, 6)`;
  return `(ends_with(${text}, 'Z') OR ends_with(${text}, 'z') OR ends_with(${text}, 'UTC') OR ends_with(${text}, 'GMT')
    OR (length(${text}) > 16 AND (contains(${tail}, '+') OR contains(${tail}, '-'))))`;
}

/** Text with a zone: ISO 8601, "… +0100" with a space, or RFC 2822 ("Tue, 10 Aug 2010 08:02:17 +0000"). */
function zonedInstant(text: string): string {
  const joined = `regexp_replace(${text}, '\\s+([+-]\\d\\d:?\\d\\d)$', '\\1')`;
  return `coalesce(TRY_CAST(${text} AS TIMESTAMPTZ), TRY_CAST(${joined} AS TIMESTAMPTZ), try_strptime(${text}, '%a, %d %b %Y %H:%M:%S %z'))`;
}

/**
 * A UTC instant from text. Without `formats`: ISO 8601 ("2026-03-01 08:15:00", "2026-03-01T08:15",
 * optional fraction) or RFC 2822; a trailing offset, Z or UTC makes it absolute, otherwise it is
 * wall-clock time in `timeZone`. Formats are strptime patterns (a pattern with %z gives an absolute time), or `epoch` /
 * `epoch_ms` for Unix times.
 */
export function instant(text: string, timeZone: string, formats?: readonly string[]): string {
  if (!formats) {
    return `(CASE WHEN ${hasZone(text)} THEN ${zonedInstant(text)} ELSE ${localInstant(`TRY_CAST(${text} AS TIMESTAMP)`, timeZone)} END)`;
  }
  if (formats.length === 1 && (formats[0] === 'epoch' || formats[0] === 'epoch_ms')) {
    const divisor = formats[0] === 'epoch' ? '' : ' / 1000';
    return `(CASE WHEN TRY_CAST(${text} AS DOUBLE) BETWEEN 0 AND 32503680000000 THEN to_timestamp(TRY_CAST(${text} AS DOUBLE)${divisor}) END)`;
  }
  const zoned = formats.filter((f) => f.includes('%z') || f.includes('%Z'));
  if (zoned.length > 0 && zoned.length < formats.length) {
    throw new UserError(
      'USAGE',
      `mapping: formats ${formats.join(', ')} mix patterns with and without a zone (%z)`,
    );
  }
  const parsed = `try_strptime(${text}, [${litList(formats)}])`;
  return zoned.length > 0 ? parsed : localInstant(parsed, timeZone);
}

/** A wall-clock TIMESTAMP in a zone as an instant (a repeated hour reads as its second occurrence). */
export function localInstant(timestamp: string, timeZone: string): string {
  return `timezone(${lit(timeZone)}, ${timestamp})`;
}

/** A calendar date: ISO (2026-03-01, also with a midnight time), German 01.03.2026, or the given formats. */
export function date(text: string, formats?: readonly string[]): string {
  if (formats) return `CAST(try_strptime(${text}, [${litList(formats)}]) AS DATE)`;
  return `(CASE WHEN regexp_full_match(${text}, '\\d{4}-\\d{2}-\\d{2}( 00:00(:00)?)?') THEN TRY_CAST(left(${text}, 10) AS DATE)
    WHEN regexp_full_match(${text}, '\\d{1,2}\\.\\d{1,2}\\.\\d{4}') THEN CAST(try_strptime(${text}, '%d.%m.%Y') AS DATE) END)`;
}

/**
 * An interval length as an ISO 8601 duration: minutes ("15", "15m", "30 min", "PT30M"), hours
 * ("1h", "PT1H"), or day / week / month ("P1D", "daily"...). Minute lengths must divide a day.
 */
export function intervalLength(text: string): string {
  const t = `lower(replace(${text}, ' ', ''))`;
  const minutes = `TRY_CAST(regexp_extract(${t}, '^(\\d+)(m|min|mins|minute|minutes)?$', 1) AS INTEGER)`;
  const hours = `TRY_CAST(regexp_extract(${t}, '^(\\d+)(h|hr|hour|hours)$', 1) AS INTEGER)`;
  const iso = `upper(${text})`;
  return `(CASE
    WHEN ${t} IN ('day', 'daily', 'd', '1d', 'p1d', 'tag') THEN 'P1D'
    WHEN ${t} IN ('week', 'weekly', 'w', '1w', 'p1w', 'woche') THEN 'P1W'
    WHEN ${t} IN ('month', 'monthly', '1mo', 'p1m', 'monat') THEN 'P1M'
    WHEN regexp_full_match(${iso}, 'PT\\d+[MH]') THEN ${minuteDuration(`CASE WHEN ${iso} LIKE '%H' THEN 60 ELSE 1 END * TRY_CAST(regexp_extract(${iso}, '(\\d+)', 1) AS INTEGER)`)}
    WHEN ${minutes} IS NOT NULL THEN ${minuteDuration(minutes)}
    WHEN ${hours} IS NOT NULL THEN ${minuteDuration(`${hours} * 60`)} END)`;
}

function minuteDuration(minutesSql: string): string {
  return `(CASE WHEN (${minutesSql}) > 0 AND 1440 % (${minutesSql}) = 0 THEN (CASE WHEN (${minutesSql}) % 60 = 0 THEN 'PT' || ((${minutesSql}) // 60) || 'H' ELSE 'PT' || (${minutesSql}) || 'M' END) END)`;
}
