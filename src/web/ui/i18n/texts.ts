import type { Granularity } from '../../../calendar/period.js';
import {
  CATEGORY_LABELS,
  CHANNEL_LABELS,
  DIMENSION_LABELS,
  GRANULARITY_LABELS,
  type Term,
} from '../../../report/labels.js';
import { type LocaleFormat, localeFormat } from '../../../report/locale.js';
import { periodText } from '../lib/periods.js';
import { TERMS, type TermKey } from './terms.js';

export const LANGS = ['en', 'de'] as const;
export type Lang = (typeof LANGS)[number];

/** Words and number formats of one language, as every view uses them. */
export interface Texts {
  lang: Lang;
  /** The BCP 47 tag for Intl and the page's lang attribute. */
  locale: 'en-US' | 'de-DE';
  currency: string;
  t(key: TermKey, values?: Record<string, string>): string;
  term(term: Term, values?: Record<string, string>): string;
  /** Money given as decimal text, with its currency ("1.234,56 €"); a dash for a figure that cannot be computed. */
  money(text: string | null | undefined): string;
  /** Money rounded to whole units, for chart axes ("210.000 €"). */
  moneyWhole(value: number): string;
  /** Money with a sign, for changes ("+0,23 €"). */
  moneyChange(text: string | null | undefined): string;
  count(value: number | null | undefined): string;
  decimal(value: number | null | undefined, places: number): string;
  percent(ratio: number | null | undefined, places?: number, signed?: boolean): string;
  seconds(value: number | null | undefined): string;
  period(label: string): string;
  date(iso: string): string;
  dateTime(iso: string): string;
  channel(channel: string | null): string;
  category(category: string): string;
  dimension(dimension: string): string;
  granularity(granularity: Granularity): string;
}

export const DASH = '—';

export function texts(lang: Lang, currency = 'EUR'): Texts {
  const locale = lang === 'de' ? 'de-DE' : 'en-US';
  const f: LocaleFormat = localeFormat(locale, currency, 'month');
  const term = (t: Term, values: Record<string, string> = {}) =>
    t[lang].replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
  const known = <K extends string>(table: Record<K, Term>, key: string | null) =>
    key !== null && key in table ? term(table[key as K]) : (key ?? term(TERMS.segmentNone));
  const orDash =
    <T>(show: (value: T) => string) =>
    (value: T | null | undefined) =>
      value === null || value === undefined ? DASH : show(value);
  const whole = new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0 });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  return {
    lang,
    locale,
    currency,
    t: (key, values) => term(TERMS[key], values),
    term,
    money: orDash((text: string) => f.moneyWithCurrency(text)),
    moneyWhole: (value) => whole.format(value),
    moneyChange: orDash((text: string) => {
      const shown = f.moneyWithCurrency(text.replace(/^-/, ''));
      return Number(text) === 0 ? shown : `${text.startsWith('-') ? '−' : '+'}${shown}`;
    }),
    count: orDash((n: number) => f.count(n)),
    decimal: (value, places) => (value === null || value === undefined ? DASH : f.decimal(value, places)),
    percent: (ratio, places = 1, signed = false) =>
      ratio === null || ratio === undefined ? DASH : f.percent(ratio, places, signed),
    seconds: orDash((n: number) => `${f.decimal(n, 1)}\u00a0s`),
    period: (label) => (label === 'total' ? term(TERMS.total) : periodText(label, lang)),
    date: (iso) => f.date(iso),
    dateTime: (iso) => dateTime.format(new Date(iso)),
    channel: (c) => known(CHANNEL_LABELS, c),
    category: (c) => known(CATEGORY_LABELS, c),
    dimension: (d) => known(DIMENSION_LABELS, d),
    granularity: (g) => term(GRANULARITY_LABELS[g]),
  };
}
