import { type Granularity, isGranularity } from '../../../calendar/period.js';
import type { Lang } from '../i18n/texts.js';

export const VIEWS = ['overview', 'drivers', 'staffing', 'planner', 'data'] as const;
export type View = (typeof VIEWS)[number];

export const BREAKDOWNS = ['channel', 'queue', 'team'] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];

/**
 * What the address bar holds, named as the API's parameters (`period`, `from`, `to`, `by`, and the
 * staffing plan's `channel`, `interval`, `sl`, `within`, `shrinkage`) plus the dashboard's own
 * `view`, `lang` and `target`. A shared link opens the same figures.
 */
export interface UrlState {
  view: View;
  lang?: Lang;
  period: Granularity;
  from?: string;
  to?: string;
  by: Breakdown;
  /** A target cost per contact drawn on the trend (decimal text). */
  target?: string;
  /** Further parameters of the view (staffing, planner), kept as given. */
  extra: Record<string, string>;
}

const OWN = new Set(['view', 'lang', 'period', 'from', 'to', 'by', 'target']);
const PERIOD_TEXT = /^\d{4}(-(\d{2}|Q[1-4]|W\d{2}|\d{2}-\d{2}))?$/i;
const DECIMAL = /^\d+(\.\d+)?$/;

/** Reads the state from a query string; values that cannot be meant are dropped, not guessed at. */
export function readState(search: string): UrlState {
  const q = new URLSearchParams(search);
  const value = (name: string) => q.get(name)?.trim() || undefined;
  const view = value('view');
  const lang = value('lang');
  const period = value('period');
  const by = value('by');
  const from = value('from');
  const to = value('to');
  const target = value('target');
  const extra: Record<string, string> = {};
  for (const [name, v] of q) if (!OWN.has(name) && v !== '') extra[name] = v;
  return {
    view: (VIEWS as readonly string[]).includes(view ?? '') ? (view as View) : 'overview',
    ...(lang === 'de' || lang === 'en' ? { lang } : {}),
    period: period && isGranularity(period) ? period : 'month',
    ...(from && PERIOD_TEXT.test(from) ? { from } : {}),
    ...(to && PERIOD_TEXT.test(to) ? { to } : {}),
    by: (BREAKDOWNS as readonly string[]).includes(by ?? '') ? (by as Breakdown) : 'channel',
    ...(target && DECIMAL.test(target) ? { target } : {}),
    extra,
  };
}

/** The query string of a state: defaults left out, so links stay short; the view first. */
export function writeState(state: UrlState): string {
  const q = new URLSearchParams();
  if (state.view !== 'overview') q.set('view', state.view);
  if (state.period !== 'month' || state.from || state.to) q.set('period', state.period);
  if (state.from) q.set('from', state.from);
  if (state.to) q.set('to', state.to);
  if (state.by !== 'channel' || state.view === 'overview') q.set('by', state.by);
  if (state.target) q.set('target', state.target);
  for (const [name, v] of Object.entries(state.extra)) q.set(name, v);
  if (state.lang) q.set('lang', state.lang);
  const text = q.toString();
  return text ? `?${text}` : '';
}

/** The language a visitor without `lang` in the link gets: German for German browsers. */
export function preferredLang(languages: readonly string[]): Lang {
  return languages
    .find((l) => /^(de|en)\b/i.test(l))
    ?.toLowerCase()
    .startsWith('de')
    ? 'de'
    : 'en';
}

/**
 * The state a view is opened with from the navigation: the range is kept where the view reads it
 * the same way (the overview's and drivers' periods, the planner's months), and dropped where it
 * would mean something else (a staffing day or week in the overview's months), so each view then
 * picks its own default.
 */
export function stateForView(
  state: UrlState,
  view: View,
  kindOf: (label: string) => string | undefined,
): UrlState {
  const kinds = [state.from, state.to].map((p) => (p ? kindOf(p) : undefined));
  const fits: Record<View, boolean> = {
    overview: kinds.every((k) => k === undefined || k === state.period),
    drivers: kinds.every((k) => k === undefined || k === state.period),
    staffing: kinds.every((k) => k === 'day' || k === 'week') && state.from === state.to,
    planner: kinds.every((k) => k === 'month'),
    data: true,
  };
  const { from: _from, to: _to, ...rest } = state;
  return { ...(fits[view] ? state : rest), view, extra: {} };
}
