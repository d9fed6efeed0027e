import type { StatusCell, StatusView } from '../app/status.js';
import { IMPORTED_TABLES } from '../app/workspace-totals.js';
import { isChannel } from '../model/contact.js';
import { localMinute } from '../text/text-table.js';
import { CHANNEL_LABELS, type Term } from './labels.js';
import { type Locale, localeFormat } from './locale.js';
import { rowsCount } from './row-names.js';

const WORDS = {
  heading: {
    en: 'Workspace {dir} ({currency}, {timezone}): {imports} imports{last}',
    de: 'Arbeitsbereich {dir} ({currency}, {timezone}): {imports} Importe{last}',
  },
  last: { en: ', the last on {when}', de: ', der letzte am {when}' },
  ledger: { en: 'ledger total ', de: 'Kostenbuch gesamt ' },
  empty: {
    en: 'No data yet: import contacts and costs (percontact import).',
    de: 'Noch keine Daten: Kontakte und Kosten importieren (percontact import).',
  },
  coverage: {
    en: 'Coverage by month and channel, - where missing:',
    de: 'Abdeckung nach Monat und Kanal, - wo sie fehlt:',
  },
  legend: {
    en: '  C contacts, $ cost lines, A agent time, H handle time (h: known for some handled contacts)',
    de: '  C Kontakte, $ Kostenzeilen, A Agentenzeit, H Bearbeitungszeit (h: für einen Teil der bearbeiteten Kontakte bekannt)',
  },
  month: { en: 'month', de: 'Monat' },
  all: { en: 'all', de: 'alle' },
  noData: { en: '{from} … {to}: no data', de: '{from} … {to}: keine Daten' },
  costless: {
    en: 'Contacts without cost lines (no cost per contact there): {months}',
    de: 'Kontakte ohne Kostenzeilen (dort keine Kosten je Kontakt): {months}',
  },
} satisfies Record<string, Term>;

/** One cell of the coverage map: C contacts, $ cost lines, A agent time, H handle time (h: some). */
export function coverageMark(c: StatusCell): string {
  const handle =
    c.handled === 0
      ? '-'
      : c.handledWithHandleTime === c.handled
        ? 'H'
        : c.handledWithHandleTime > 0
          ? 'h'
          : '-';
  return `${c.contacts > 0 ? 'C' : '-'}${c.costLines > 0 ? '$' : '-'}${c.agentTimeSeconds > 0 ? 'A' : '-'}${handle}`;
}

/** The status as text: totals, then the coverage map (a month a line, a column per channel, ≤ 100 columns). */
export function statusText(view: StatusView, language: Locale = 'en-US'): string {
  const locale = localeFormat(language, view.currency, 'month');
  const word = (key: keyof typeof WORDS, values?: Record<string, string>) => locale.text(WORDS[key], values);
  const t = view.totals;
  const costs = Object.entries(t.cost).map(
    ([currency, amount]) => `${currency} ${locale.decimalText(amount)}`,
  );
  const counts = IMPORTED_TABLES.filter(({ total }) => t[total] > 0 || total === 'contacts').map(
    ({ total }) => rowsCount(total, t[total], locale),
  );
  const last = view.imports.last
    ? word('last', { when: localMinute(view.imports.last, view.timezone, locale.date) })
    : '';
  const lines = [
    word('heading', {
      dir: view.workspace,
      currency: view.currency,
      timezone: view.timezone,
      imports: locale.count(view.imports.count),
      last,
    }),
    ...wrapped(counts),
    ...(costs.length > 0 ? wrapped(costs, word('ledger')) : []),
  ];
  if (view.months.length === 0) return `${[...lines, '', word('empty')].join('\n')}\n`;
  const channels = view.channels.length > 0 ? view.channels : ['all'];
  // English columns are the channels as the data names them; German ones in words.
  const shown = channels.map((c) =>
    locale.lang === 'en' || !isChannel(c) ? (c === 'all' ? word('all') : c) : locale.text(CHANNEL_LABELS[c]),
  );
  const byKey = new Map(view.cells.map((c) => [`${c.month}|${c.channel}`, c]));
  const widths = shown.map((c) => Math.max(c.length, 4));
  const row = (month: string, cells: string[]) =>
    [month.padEnd(7), ...cells.map((cell, i) => cell.padEnd(widths[i] ?? 4))].join('  ').trimEnd();
  const marks = (m: string) => channels.map((c) => coverageMark(byKey.get(`${m}|${c}`) as StatusCell));
  const empty = (m: string) => marks(m).every((mark) => mark === '----');
  lines.push(
    '',
    word('coverage'),
    word('legend'),
    row(word('month'), shown),
    // A run of empty months is one line: a workspace from 1998 to 2021 with a gap is not 286 lines.
    ...runs(view.months, empty).map(({ from, to, matched }) =>
      matched && from !== to
        ? word('noData', { from: locale.period(from), to: locale.period(to) })
        : row(locale.period(from), marks(from)),
    ),
  );
  const costless = runs(view.months, (m) =>
    channels.some((c) => {
      const cell = byKey.get(`${m}|${c}`);
      return cell !== undefined && cell.contacts > 0 && cell.costLines === 0;
    }),
  )
    .filter((r) => r.matched)
    .map((r) =>
      r.from === r.to ? locale.period(r.from) : `${locale.period(r.from)} … ${locale.period(r.to)}`,
    );
  if (costless.length > 0) lines.push('', word('costless', { months: costless.join(', ') }));
  return `${lines.join('\n')}\n`;
}

/**
 * Consecutive months grouped into runs that all match or all do not; a month that does not match is
 * a run of its own.
 */
function runs(
  months: readonly string[],
  matches: (month: string) => boolean,
): { from: string; to: string; matched: boolean }[] {
  const out: { from: string; to: string; matched: boolean }[] = [];
  for (const month of months) {
    const matched = matches(month);
    const last = out.at(-1);
    if (matched && last?.matched) last.to = month;
    else out.push({ from: month, to: month, matched });
  }
  return out;
}

/** Items joined by commas, in lines of at most 100 columns, indented by two spaces (and `lead`). */
function wrapped(items: readonly string[], lead = ''): string[] {
  const lines: string[] = [];
  let line = '';
  for (const item of items) {
    const longer = line ? `${line}, ${item}` : item;
    if (line && 2 + lead.length + longer.length > 100) {
      lines.push(`${line},`);
      line = item;
    } else line = longer;
  }
  if (line) lines.push(line);
  return lines.map((l, i) => `  ${i === 0 ? lead : ' '.repeat(lead.length)}${l}`);
}
