import type { Granularity } from '../calendar/period.js';
import { minorUnits } from '../money/currency.js';
import { LABELS, type LabelKey, type Term } from './labels.js';

export const LOCALES = ['en-US', 'de-DE'] as const;
export type Locale = (typeof LOCALES)[number];

/** Number, date and text conventions of one locale, for every renderer alike. */
export interface LocaleFormat {
  locale: Locale;
  lang: keyof Term;
  /** German Excel reads `;`-separated CSV with decimal commas; en-US keeps RFC 4180 commas. */
  csvSeparator: string;
  label(key: LabelKey, values?: Record<string, string>): string;
  text(term: Term, values?: Record<string, string>): string;
  count(value: number, signed?: boolean): string;
  /** A plain number with fixed decimals and grouping. */
  decimal(value: number, places: number): string;
  /** Exact decimal text ("-1234.567") grouped, with its own decimals; any other text as it is. */
  decimalText(text: string, signed?: boolean): string;
  /** Money given as exact decimal text, grouped, with the currency's minor-unit decimals; no symbol. */
  money(text: string, signed?: boolean): string;
  /** Money with its currency as the locale writes it: "1.234,56 €", "€1,234.56". */
  moneyWithCurrency(text: string): string;
  percent(ratio: number, places: number, signed?: boolean): string;
  /** An ISO date ("2026-03-05") as the locale writes it. */
  date(iso: string): string;
  /** A period label ("2026-03", "2026-W10", "2026-Q1", "total", "2025-12/2026-02") as the locale writes it. */
  period(label: string): string;
  /** Canonical decimal text ("1234.5") with the locale's decimal separator, no grouping: for CSV. */
  machineNumber(text: string): string;
}

type NumericText = `${number}`;

/**
 * Intl.NumberFormat formats decimal strings exactly (no detour through a float), so money stays
 * decimal text until it is displayed; no arithmetic is done here.
 */
export function localeFormat(locale: Locale, currency: string, granularity: Granularity): LocaleFormat {
  const scale = minorUnits(currency);
  const cache = new Map<string, Intl.NumberFormat>();
  const nf = (key: string, options: Intl.NumberFormatOptions) => {
    let f = cache.get(key);
    if (!f) {
      f = new Intl.NumberFormat(locale, options);
      cache.set(key, f);
    }
    return f;
  };
  const fixed = (places: number, signed = false): Intl.NumberFormatOptions => ({
    minimumFractionDigits: places,
    maximumFractionDigits: places,
    signDisplay: signed ? 'exceptZero' : 'auto',
  });
  const german = locale === 'de-DE';
  const lang = german ? 'de' : 'en';
  const text = (term: Term, values: Record<string, string> = {}) =>
    term[lang].replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
  const period = (label: string): string => {
    if (label === 'total') return LABELS.total[lang];
    // A comparison of a whole range is labelled as an ISO interval of periods, "2025-12/2026-02".
    return label
      .split('/')
      .map((part) => (german ? germanPeriod(part, granularity) : part))
      .join(' – ');
  };
  return {
    locale,
    lang,
    csvSeparator: german ? ';' : ',',
    text,
    label: (key, values) => text(LABELS[key], values),
    count: (value, signed = false) => nf(`c${signed}`, fixed(0, signed)).format(value),
    decimal: (value, places) => nf(`d${places}`, fixed(places)).format(value),
    decimalText: (text, signed = false) => {
      if (!/^[+-]?\d+(\.\d+)?$/.test(text)) return text;
      const places = text.split('.')[1]?.length ?? 0;
      return nf(`t${places}${signed}`, fixed(places, signed)).format(text as NumericText);
    },
    money: (amount, signed = false) => nf(`m${signed}`, fixed(scale, signed)).format(amount as NumericText),
    moneyWithCurrency: (amount) =>
      nf('currency', {
        style: 'currency',
        currency,
        minimumFractionDigits: scale,
        maximumFractionDigits: scale,
      }).format(amount as NumericText),
    percent: (ratio, places, signed = false) =>
      nf(`p${places}${signed}`, { style: 'percent', ...fixed(places, signed) }).format(ratio),
    date: (iso) => (german ? germanDate(iso) : iso),
    period,
    machineNumber: (text) => (german ? text.replace('.', ',') : text),
  };
}

function germanDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${day}.${month}.${year}`;
}

/** German business writing: 05.03.2026, KW 10/2026, 03.2026, Q1/2026, 2026. */
function germanPeriod(label: string, granularity: Granularity): string {
  switch (granularity) {
    case 'day':
      return germanDate(label);
    case 'week':
      return label.replace(/^(\d{4})-W(\d{2})$/, 'KW $2/$1');
    case 'month':
      return label.replace(/^(\d{4})-(\d{2})$/, '$2.$1');
    case 'quarter':
      return label.replace(/^(\d{4})-Q(\d)$/, 'Q$2/$1');
    case 'year':
      return label;
  }
}
