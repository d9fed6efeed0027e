import type { StaffingTargets } from '../planning/erlang/staffing.js';
import type { Term } from './labels.js';

/** The languages a staffing heading is written in; a heading is a Term (one text per language). */
type Lang = keyof Term;

/** Words of the staffing and simulation outputs in each supported language. */
export const STAFF_WORDS = {
  erlangC: { en: 'Erlang C', de: 'Erlang C' },
  erlangA: { en: 'Erlang A, patience {patience} s', de: 'Erlang A, Geduld {patience} s' },
  single: {
    en: '{model}: {calls} calls in {interval} s, AHT {aht} s{atOnce}; {goal}',
    de: '{model}: {calls} Anrufe in {interval} s, AHT {aht} s{atOnce}; {goal}',
  },
  atOnce: { en: ', {n} at once', de: ', {n} gleichzeitig' },
  target: { en: 'target {targets}', de: 'Ziel {targets}' },
  evaluated: {
    en: '{agents} agents, SL within {within} s, shrinkage {shrinkage}',
    de: '{agents} Agenten, SL innerhalb {within} s, Ausfallquote {shrinkage}',
  },
  sl: { en: 'SL >= {share} within {within} s', de: 'SL >= {share} innerhalb {within} s' },
  asa: { en: 'ASA <= {seconds} s', de: 'ASA <= {seconds} s' },
  abandonment: { en: 'abandonment <= {share}', de: 'Abbruchquote <= {share}' },
  occupancy: { en: 'occupancy <= {share}', de: 'Auslastung <= {share}' },
  shrinkage: { en: 'shrinkage {share}', de: 'Ausfallquote {share}' },
  rate: { en: '{currency} {rate} per paid agent hour', de: '{currency} {rate} je bezahlter Agentenstunde' },
  csvPlan: {
    en: 'Staffing plan: {n} intervals of {interval} s; {targets}',
    de: 'Personalplan: {n} Intervalle zu {interval} s; {targets}',
  },
  historyPlan: {
    en: 'Staffing plan from {dir}, history {from} to {to} (exclusive, {timezone}): typical week in {minutes}-minute intervals; {targets}{priced}',
    de: 'Personalplan aus {dir}, Verlauf {from} bis {to} (ausschließlich, {timezone}): typische Woche in {minutes}-Minuten-Intervallen; {targets}{priced}',
  },
  priced: { en: '; paid hours at the rate cards', de: '; bezahlte Stunden zu den Kostensätzen' },
  steadyState: { en: 'Steady state, {agents} agents', de: 'Eingeschwungener Zustand, {agents} Agenten' },
} satisfies Record<string, Term>;

export type StaffWord = keyof typeof STAFF_WORDS;

/** A text of STAFF_WORDS in one language, with its values filled in. */
export function staffWord(lang: Lang, key: StaffWord, values: Record<string, string> = {}): string {
  return STAFF_WORDS[key][lang].replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** The same text in every language: a heading a view carries until a locale is chosen. */
export function inEveryLanguage(build: (lang: Lang) => string): Term {
  return { en: build('en'), de: build('de') };
}

/** A share as people write it in a heading: 80%, 80 %. */
export function headingPercent(share: number, lang: Lang): string {
  const value = +(share * 100).toFixed(2);
  return lang === 'de' ? `${String(value).replace('.', ',')} %` : `${value}%`;
}

export function modelText(patience: number | undefined, lang: Lang): string {
  return patience === undefined
    ? staffWord(lang, 'erlangC')
    : staffWord(lang, 'erlangA', { patience: String(patience) });
}

/** The targets a staffing meets, in words: "SL >= 80% within 20 s, occupancy <= 85%, shrinkage 30%". */
export function targetText(t: StaffingTargets, shrinkage: number, lang: Lang): string {
  const share = (s: number) => headingPercent(s, lang);
  const parts = [
    t.serviceLevel === undefined
      ? undefined
      : staffWord(lang, 'sl', { share: share(t.serviceLevel), within: String(t.answerWithinSeconds) }),
    t.maxAsaSeconds === undefined ? undefined : staffWord(lang, 'asa', { seconds: String(t.maxAsaSeconds) }),
    t.maxAbandon === undefined ? undefined : staffWord(lang, 'abandonment', { share: share(t.maxAbandon) }),
    t.maxOccupancy === undefined || t.maxOccupancy === 1
      ? undefined
      : staffWord(lang, 'occupancy', { share: share(t.maxOccupancy) }),
    staffWord(lang, 'shrinkage', { share: share(shrinkage) }),
  ];
  return parts.filter((p) => p !== undefined).join(', ');
}
