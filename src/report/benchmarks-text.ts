import type { BenchmarksView } from '../app/benchmarks.js';
import { isChannel } from '../model/contact.js';
import { CHANNEL_LABELS, type Term } from './labels.js';
import { type Locale, localeFormat } from './locale.js';

const WORDS = {
  heading: {
    en: 'Benchmarks: the shipped table (version {version}){own}, each with its source and year',
    de: 'Vergleichswerte: die mitgelieferte Tabelle (Version {version}){own}, jeder mit Quelle und Jahr',
  },
  own: { en: " and {n} of the workspace's own", de: ' und {n} eigene des Arbeitsbereichs' },
  workspace: { en: 'Workspace {dir} compares with:', de: 'Arbeitsbereich {dir} vergleicht mit:' },
  newWorkspace: {
    en: 'A new workspace compares with (percontact init):',
    de: 'Ein neuer Arbeitsbereich vergleicht mit (percontact init):',
  },
  several: { en: 'rows of several channels', de: 'Zeilen mehrerer Kanäle' },
  others: {
    en: 'other channels: the figure for rows of several channels',
    de: 'übrige Kanäle: der Wert für Zeilen mehrerer Kanäle',
  },
  whose: { en: " (the workspace's own)", de: ' (eigener des Arbeitsbereichs)' },
  source: { en: 'source: {source}, {year}', de: 'Quelle: {source}, {year}' },
  usedFor: { en: 'used for: {what}', de: 'verwendet für: {what}' },
  noYear: { en: 'year not stated', de: 'Jahr nicht angegeben' },
  missing: { en: 'not in the table', de: 'nicht in der Tabelle' },
  overall: { en: 'overall', de: 'gesamt' },
} satisfies Record<string, Term>;

const METRICS: Record<string, Term> = {
  costPerContact: { en: 'costPerContact', de: 'Kosten je Kontakt' },
  costPerCall: { en: 'costPerCall', de: 'Kosten je Anruf' },
  labourShare: { en: 'labourShare', de: 'Personalkostenanteil' },
};

/** The benchmark table: what the workspace compares with, then every figure with its source and year. */
export function benchmarksText(view: BenchmarksView, language: Locale = 'en-US'): string {
  const locale = localeFormat(language, 'EUR', 'month');
  const word = (key: keyof typeof WORDS, values?: Record<string, string>) => locale.text(WORDS[key], values);
  const channel = (c: string) => (isChannel(c) ? locale.text(CHANNEL_LABELS[c]) : c);
  const value = (b: { value: string; currency?: string | undefined }) =>
    `${locale.decimalText(b.value)}${b.currency ? ` ${b.currency}` : ''}`;
  const year = (y: number | null) => (y === null ? word('noYear') : String(y));
  const own = view.benchmarks.filter((b) => b.table === 'workspace').length;
  const figure = (id: string) => {
    const b = view.benchmarks.find((x) => x.id === id);
    return b ? `${id} (${value(b)}, ${year(b.year)})` : `${id} (${word('missing')})`;
  };
  const lines = [
    word('heading', { version: view.version, own: own > 0 ? word('own', { n: String(own) }) : '' }),
    '',
    view.workspace ? word('workspace', { dir: view.workspace }) : word('newWorkspace'),
    `  ${word('several')}: ${figure(view.comparesWith.overall)}`,
    ...Object.entries(view.comparesWith.byChannel).map(([c, id]) => `  ${channel(c)}: ${figure(id)}`),
    `  ${word('others')}`,
    '',
  ];
  for (const r of view.benchmarks) {
    const metric = METRICS[r.metric] ? locale.text(METRICS[r.metric] as Term) : r.metric;
    const scope = `${metric}${r.channel ? `, ${channel(r.channel)}` : ''}`;
    lines.push(
      `${r.id}${r.table === 'workspace' ? word('whose') : ''}`,
      `  ${scope}: ${value(r)}${r.note ? ` (${r.note})` : ''}`,
      `  ${word('source', { source: r.source, year: year(r.year) })}`,
    );
    const used = r.comparedFor.map((c) => (c === 'overall' ? word('overall') : channel(c)));
    if (used.length > 0) lines.push(`  ${word('usedFor', { what: used.join(', ') })}`);
  }
  return `${lines.join('\n')}\n`;
}
