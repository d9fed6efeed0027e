import { isIsoDate } from '../calendar/dates.js';
import { wallClock } from '../calendar/time-zone.js';
import { UserError } from '../errors.js';
import { parseDecimal } from '../money/decimal.js';
import type { IntervalDemand } from './plan.js';

const REQUIRED = ['interval_start', 'calls', 'aht_seconds'] as const;
/** Local wall-clock time: ISO (`2026-03-02 08:30`, with T or seconds) or German (`02.03.2026 08:30`). */
const LOCAL_STARTS = [
  { pattern: /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::\d{2})?$/, order: [1, 2, 3] },
  { pattern: /^(\d{2})\.(\d{2})\.(\d{4}) (\d{2}):(\d{2})(?::\d{2})?$/, order: [3, 2, 1] },
] as const;
/** An instant: ISO 8601 with `Z` or an offset (`2026-01-01T00:00:00Z`, `2026-03-02T08:30+01:00`). */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

/**
 * Reads a CSV of intervals: a header with interval_start, calls, aht_seconds and optionally
 * patience_seconds (any order, any case). The separator is `,` or, for German spreadsheets, `;`
 * with a decimal comma. interval_start is local wall-clock time in the plan's time zone,
 * 'YYYY-MM-DD HH:MM' (or with T and seconds) or 'DD.MM.YYYY HH:MM', or an ISO 8601 instant with `Z`
 * or an offset, which is converted to the plan's time zone. An empty patience cell means "no
 * abandonment" for that interval.
 */
export function parseIntervalsCsv(
  text: string,
  file: string,
  intervalSeconds: number,
  timeZone = 'UTC',
): IntervalDemand[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = lines[0] ?? '';
  const separator = count(header, ';') > count(header, ',') ? ';' : ',';
  const names = splitLine(header, separator).map((n) => n.trim().toLowerCase());
  for (const name of REQUIRED) {
    if (!names.includes(name)) {
      throw new UserError(
        'INVALID_INPUT',
        `${file}: the header needs a column ${name} (found: ${names.join(', ')})`,
        {
          file,
          line: 1,
          column: name,
        },
      );
    }
  }
  const demands: IntervalDemand[] = [];
  lines.forEach((line, index) => {
    if (index === 0 || line.trim() === '') return;
    const cells = splitLine(line, separator);
    const cell = (name: string) => (cells[names.indexOf(name)] ?? '').trim();
    const at = { file, line: index + 1 };
    const patience = names.includes('patience_seconds') ? cell('patience_seconds') : '';
    demands.push({
      start: parseStart(cell('interval_start'), at, timeZone),
      calls: parseNumber(cell('calls'), separator, { ...at, column: 'calls' }, 0),
      intervalSeconds,
      ahtSeconds: parseNumber(
        cell('aht_seconds'),
        separator,
        { ...at, column: 'aht_seconds' },
        Number.MIN_VALUE,
      ),
      ...(patience === ''
        ? {}
        : {
            patienceSeconds: parseNumber(
              patience,
              separator,
              { ...at, column: 'patience_seconds' },
              Number.MIN_VALUE,
            ),
          }),
    });
  });
  if (demands.length === 0)
    throw new UserError('INVALID_INPUT', `${file}: no intervals below the header`, { file });
  return demands;
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

/** One CSV line into cells; double quotes enclose cells holding the separator ("" is a quote). */
function splitLine(line: string, separator: string): string[] {
  const cells: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] as string;
    if (quoted && ch === '"' && line[i + 1] === '"') {
      current += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (ch === separator && !quoted) {
      cells.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  cells.push(current);
  return cells;
}

interface At {
  file: string;
  line: number;
  column?: string;
}

function invalid(at: At & { column: string }, value: string, expected: string): UserError {
  return new UserError(
    'INVALID_INPUT',
    `${at.file} line ${at.line}, column ${at.column}: "${value}" is not ${expected}`,
    { ...at, value },
  );
}

function parseStart(value: string, at: At, timeZone: string): string {
  const bad = () =>
    invalid(
      { ...at, column: 'interval_start' },
      value,
      'a local date and time like 2026-03-02 08:30 or 02.03.2026 08:30, or an instant like 2026-03-02T07:30:00Z',
    );
  if (INSTANT.test(value)) {
    const instant = new Date(value);
    if (Number.isNaN(instant.getTime()) || !isIsoDate(value.slice(0, 10))) throw bad();
    const local = wallClock(instant, timeZone);
    return `${local.date} ${pad(local.hour)}:${pad(local.minute)}`;
  }
  for (const { pattern, order } of LOCAL_STARTS) {
    const match = pattern.exec(value);
    if (!match) continue;
    const [year, month, day] = order.map((i) => match[i] as string);
    const date = `${year}-${month}-${day}`;
    const [hour, minute] = [match[4] as string, match[5] as string];
    if (!isIsoDate(date) || Number(hour) > 23 || Number(minute) > 59) throw bad();
    return `${date} ${hour}:${minute}`;
  }
  throw bad();
}

const pad = (n: number) => String(n).padStart(2, '0');

function parseNumber(value: string, separator: string, at: At & { column: string }, min: number): number {
  const normal = separator === ';' ? value.replace(',', '.') : value;
  const n = parseDecimal(normal)?.toNumber() ?? Number.NaN;
  if (!(n >= min && Number.isFinite(n))) {
    throw invalid(at, value, min > 0 ? 'a number above 0' : 'a number of at least 0');
  }
  return n;
}
