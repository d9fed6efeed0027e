import { basename } from 'node:path';
import type { ImportEntry, ImportsView, RemoveImportView } from '../app/imports.js';
import { IMPORTED_TABLES, type TotalName, type WorkspaceTotals } from '../app/workspace-totals.js';
import { localMinute, textTable } from '../text/text-table.js';
import type { Term } from './labels.js';
import { type Locale, type LocaleFormat, localeFormat } from './locale.js';
import { rowsCount, rowsName } from './row-names.js';

const WORDS = {
  id: { en: 'id', de: 'ID' },
  when: { en: 'when ({timezone})', de: 'wann ({timezone})' },
  kind: { en: 'kind', de: 'Art' },
  source: { en: 'source', de: 'Quelle' },
  rows: { en: 'rows', de: 'Zeilen' },
  checksum: { en: 'checksum', de: 'Prüfsumme' },
  file: { en: 'file', de: 'Datei' },
  none: { en: 'no imports yet', de: 'noch keine Importe' },
  removedMark: { en: ' (removed)', de: ' (entfernt)' },
  untracked: {
    en: 'stored before imports were recorded per row (no import id): {rows}',
    de: 'gespeichert, bevor Importe je Zeile verzeichnet wurden (ohne Import-ID): {rows}',
  },
  removed: { en: 'removed import {id} ({what}): {rows}', de: 'Import {id} entfernt ({what}): {rows}' },
  from: { en: '{kind} from {files}{source}', de: '{kind} aus {files}{source}' },
  fromSource: { en: ', source {source}', de: ', Quelle {source}' },
  nothingStored: { en: 'no rows were still stored', de: 'keine Zeilen waren mehr gespeichert' },
  before: { en: 'before', de: 'vorher' },
  after: { en: 'after', de: 'nachher' },
  cost: { en: 'cost ({currency})', de: 'Kosten ({currency})' },
  staffedHours: { en: 'staffed hours', de: 'besetzte Stunden' },
} satisfies Record<string, Term>;

const words = (locale: LocaleFormat) => (key: keyof typeof WORDS, values?: Record<string, string>) =>
  locale.text(WORDS[key], values);

/** The import log as a table, oldest first, times in the workspace's zone. */
export function importsText(view: ImportsView, language: Locale = 'en-US'): string {
  const locale = localeFormat(language, 'EUR', 'day');
  const word = words(locale);
  const { timezone } = view;
  const header = ['id', 'when', 'kind', 'source', 'rows', 'checksum', 'file'].map((k) =>
    word(k as keyof typeof WORDS, { timezone }),
  );
  const rows = view.imports.map((e) => [
    e.shortId,
    localMinute(e.finishedAt, timezone, locale.date),
    e.kind,
    e.source ?? '',
    locale.count(e.rowsStored),
    (e.checksums[0] ?? '').replace(/^sha256:/, '').slice(0, 12),
    fileText(e, word('removedMark')),
  ]);
  const lines =
    rows.length === 0 ? [word('none')] : textTable([header, ...rows], (i) => (i === 4 ? 'right' : 'left'));
  const untracked = Object.entries(view.untracked).map(([k, n]) => rowsCount(k as TotalName, n, locale));
  if (untracked.length > 0) lines.push('', word('untracked', { rows: untracked.join(', ') }));
  return `${lines.join('\n')}\n`;
}

function fileText(e: ImportEntry, removed: string): string {
  const [first] = e.files;
  const name = first ? basename(first) : '';
  return `${name}${e.files.length > 1 ? ` +${e.files.length - 1}` : ''}${e.removedAt ? removed : ''}`;
}

/** What `imports remove` took out, and the workspace's totals before and after. */
export function removedText(view: RemoveImportView, language: Locale = 'en-US'): string {
  const locale = localeFormat(language, view.currency, 'day');
  const word = words(locale);
  const e = view.removed;
  const what = Object.entries(view.rows).map(([k, n]) => rowsCount(k as TotalName, n, locale));
  const from = word('from', {
    kind: e.kind,
    files: e.files.join(', '),
    source: e.source ? word('fromSource', { source: e.source }) : '',
  });
  const lines = [
    word('removed', {
      id: e.shortId,
      what: from,
      rows: what.length > 0 ? what.join(', ') : word('nothingStored'),
    }),
    '',
    ...textTable([['', word('before'), word('after')], ...pairs(view, locale)]),
  ];
  return `${lines.join('\n')}\n`;
}

function pairs({ before, after, currency }: RemoveImportView, locale: LocaleFormat): string[][] {
  const word = words(locale);
  const currencies = [...new Set([currency, ...Object.keys(before.cost), ...Object.keys(after.cost)])];
  const amount = (t: WorkspaceTotals, c: string) => locale.decimalText(t.cost[c] ?? '0');
  return [
    ...IMPORTED_TABLES.filter(({ total }) => total === 'contacts' || before[total] + after[total] > 0).map(
      ({ total }) => [rowsName(total, locale), locale.count(before[total]), locale.count(after[total])],
    ),
    ...currencies.map((c) => [word('cost', { currency: c }), amount(before, c), amount(after, c)]),
    ...(before.staffedHours + after.staffedHours > 0
      ? [
          [
            word('staffedHours'),
            locale.decimal(before.staffedHours, 1),
            locale.decimal(after.staffedHours, 1),
          ],
        ]
      : []),
  ];
}
