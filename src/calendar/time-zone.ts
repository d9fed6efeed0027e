import { UserError } from '../errors.js';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function assertTimeZone(timeZone: string): string {
  try {
    formatter(timeZone);
  } catch {
    throw new UserError('USAGE', `time zone "${timeZone}" is not an IANA time zone (e.g. Europe/Berlin)`);
  }
  return timeZone;
}

/** Wall-clock fields of an instant in a time zone. */
export function wallClock(
  instant: Date,
  timeZone: string,
): { date: string; hour: number; minute: number; second: number } {
  const parts: Record<string, string> = {};
  for (const part of formatter(timeZone).formatToParts(instant)) parts[part.type] = part.value;
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** Offset of the time zone from UTC at an instant, in milliseconds (Berlin summer: +7,200,000). */
export function offsetMs(instant: Date, timeZone: string): number {
  const w = wallClock(instant, timeZone);
  const [y, m, d] = w.date.split('-').map(Number) as [number, number, number];
  const asUtc = Date.UTC(y, m - 1, d, w.hour, w.minute, w.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/**
 * The instant at which a local wall-clock time occurs in a time zone. For a time skipped by a DST
 * jump the result is the moment after the jump; for a repeated time, the first occurrence.
 */
export function localToInstant(
  isoDateText: string,
  timeZone: string,
  hour = 0,
  minute = 0,
  second = 0,
): Date {
  const [y, m, d] = isoDateText.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d, hour, minute, second);
  // The offsets in force a day either side cover both sides of any transition near this time.
  const offsets = new Set([-DAY_MS, 0, DAY_MS].map((shift) => offsetMs(new Date(wall + shift), timeZone)));
  const candidates = [...offsets].map((offset) => wall - offset);
  const valid = candidates.filter((t) => offsetMs(new Date(t), timeZone) === wall - t);
  return new Date(valid.length > 0 ? Math.min(...valid) : Math.max(...candidates));
}

const DAY_MS = 86_400_000;
