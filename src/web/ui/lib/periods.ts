import { addDays } from '../../../calendar/dates.js';
import { type Granularity, parsePeriodText, periodOf } from '../../../calendar/period.js';

/** The label of the period just before `label` ("2026-10" → "2026-09", "2026-W01" → "2025-W53"). */
export function previousPeriod(label: string): string {
  const period = parsePeriodText(label);
  return periodOf(addDays(period.start, -1), period.granularity).label;
}

/** The label of the period of kind `granularity` holding the last day of `to` (a date or period). */
export function lastPeriodOf(to: string, granularity: Granularity): string | undefined {
  try {
    return periodOf(addDays(parsePeriodText(to).end, -1), granularity).label;
  } catch {
    return undefined;
  }
}

/** The label of the period of kind `granularity` holding the first day of `from` (a date or period). */
export function firstPeriodOf(from: string, granularity: Granularity): string | undefined {
  try {
    return periodOf(parsePeriodText(from).start, granularity).label;
  } catch {
    return undefined;
  }
}

/** The kind of a period label, or undefined when it is not one. */
export function granularityOf(label: string): Granularity | undefined {
  try {
    return parsePeriodText(label).granularity;
  } catch {
    return undefined;
  }
}

/** Short month names, fixed here rather than taken from Intl, whose abbreviations differ between ICU versions. */
const MONTHS = {
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  de: ['Jan.', 'Feb.', 'März', 'Apr.', 'Mai', 'Juni', 'Juli', 'Aug.', 'Sept.', 'Okt.', 'Nov.', 'Dez.'],
};

/**
 * A period label as people read it: months by name ("Oct 2026", "Okt. 2026"), ISO weeks as
 * "W41 2026" / "KW 41/2026", quarters "Q4 2026" / "Q4/2026", days ISO in English and 05.10.2026
 * in German. "2026-08/2026-10" (a range) becomes "Aug 2026 – Oct 2026".
 */
export function periodText(label: string, lang: 'en' | 'de'): string {
  if (label.includes('/'))
    return label
      .split('/')
      .map((part) => periodText(part, lang))
      .join(' – ');
  const kind = granularityOf(label);
  if (kind === undefined) return label;
  const german = lang === 'de';
  switch (kind) {
    case 'day':
      return german ? label.split('-').reverse().join('.') : label;
    case 'week': {
      const [year, week] = label.split('-W') as [string, string];
      return german ? `KW ${week}/${year}` : `W${week} ${year}`;
    }
    case 'month': {
      const [year, month] = label.split('-') as [string, string];
      return `${MONTHS[lang][Number(month) - 1]} ${year}`;
    }
    case 'quarter': {
      const [year, quarter] = label.split('-') as [string, string];
      return german ? `${quarter}/${year}` : `${quarter} ${year}`;
    }
    case 'year':
      return label;
  }
}
