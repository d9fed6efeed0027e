import type { TotalName } from '../app/workspace-totals.js';
import type { LocaleFormat } from './locale.js';

/** What people call the rows behind each of a workspace's totals, one and many, in each language. */
const ROW_NAMES: Record<TotalName, { en: [string, string]; de: [string, string] }> = {
  contacts: { en: ['contact', 'contacts'], de: ['Kontakt', 'Kontakte'] },
  volumeRows: { en: ['volume row', 'volume rows'], de: ['Volumenzeile', 'Volumenzeilen'] },
  costLines: { en: ['cost line', 'cost lines'], de: ['Kostenzeile', 'Kostenzeilen'] },
  fxRates: { en: ['exchange rate', 'exchange rates'], de: ['Wechselkurs', 'Wechselkurse'] },
  rateCards: { en: ['rate card', 'rate cards'], de: ['Kostensatz', 'Kostensätze'] },
  agentDays: { en: ['agent day', 'agent days'], de: ['Agententag', 'Agententage'] },
};

/** "cost lines", "Kostenzeilen". */
export function rowsName(total: TotalName, locale: LocaleFormat): string {
  return ROW_NAMES[total][locale.lang][1];
}

/** "1 cost line", "3.082 Kontakte". */
export function rowsCount(total: TotalName, n: number, locale: LocaleFormat): string {
  return `${locale.count(n)} ${ROW_NAMES[total][locale.lang][n === 1 ? 0 : 1]}`;
}
