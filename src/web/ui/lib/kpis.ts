import type { Term } from '../../../report/labels.js';
import type { Texts } from '../i18n/texts.js';
import { subtractDecimals } from './decimal.js';
import { METRIC_LABELS } from './metric-labels.js';
import type { ReportRow } from './types.js';

export type KpiKey =
  | 'costPerContact'
  | 'cost'
  | 'contacts'
  | 'ahtSeconds'
  | 'serviceLevel'
  | 'abandonRate'
  | 'fcr'
  | 'csatMean';

export interface Kpi {
  key: KpiKey;
  label: Term;
  /** The metric `explain` takes apart for this tile (cost and contacts: the parts of cost per contact). */
  explain?: string;
  /** Needs the report's detail full (repeat contacts). */
  detail?: boolean;
  /** Which way is good, for the colour of a change. */
  better: 'lower' | 'higher' | 'neither';
  show(tx: Texts, value: string | number): string;
  /** The change from the previous value, shown; undefined where either is missing. */
  change(tx: Texts, now: string | number, before: string | number): string;
}

const moneyChange = (tx: Texts, now: string | number, before: string | number) =>
  tx.moneyChange(subtractDecimals(String(now), String(before)));
const pointsChange = (tx: Texts, now: string | number, before: string | number) =>
  `${tx
    .decimal((Number(now) - Number(before)) * 100, 1)
    .replace(/^(?=\d)/, '+')
    .replace(/^-/, '−')} ${tx.lang === 'de' ? 'Pp.' : 'pp'}`;
const relativeChange = (tx: Texts, now: string | number, before: string | number) =>
  Number(before) === 0 ? '' : tx.percent(Number(now) / Number(before) - 1, 1, true);

/** The tiles of the overview, in the order they are shown; labels are the reports' own. */
export const KPIS: readonly Kpi[] = [
  {
    key: 'costPerContact',
    label: METRIC_LABELS.costPerContact,
    explain: 'costPerContact',
    better: 'lower',
    show: (tx, v) => tx.money(String(v)),
    change: moneyChange,
  },
  {
    key: 'cost',
    label: { en: 'Total cost', de: 'Gesamtkosten' },
    explain: 'costPerContact',
    better: 'neither',
    show: (tx, v) => tx.money(String(v)),
    change: relativeChange,
  },
  {
    key: 'contacts',
    label: { en: 'Contacts', de: 'Kontakte' },
    explain: 'costPerContact',
    better: 'neither',
    show: (tx, v) => tx.count(Number(v)),
    change: relativeChange,
  },
  {
    key: 'ahtSeconds',
    label: METRIC_LABELS.ahtSeconds,
    explain: 'ahtSeconds',
    better: 'lower',
    show: (tx, v) => tx.seconds(Number(v)),
    change: relativeChange,
  },
  {
    key: 'serviceLevel',
    label: METRIC_LABELS.serviceLevel,
    explain: 'serviceLevel',
    better: 'higher',
    show: (tx, v) => tx.percent(Number(v)),
    change: pointsChange,
  },
  {
    key: 'abandonRate',
    label: METRIC_LABELS.abandonRate,
    explain: 'abandonRate',
    better: 'lower',
    show: (tx, v) => tx.percent(Number(v)),
    change: pointsChange,
  },
  {
    key: 'fcr',
    label: METRIC_LABELS.fcr,
    explain: 'fcr',
    detail: true,
    better: 'higher',
    show: (tx, v) => tx.percent(Number(v)),
    change: pointsChange,
  },
  {
    key: 'csatMean',
    label: METRIC_LABELS.csatMean,
    explain: 'csatMean',
    better: 'higher',
    show: (tx, v) => tx.percent(Number(v)),
    change: pointsChange,
  },
];

/** A tile's value in a report row; null where it cannot be computed. */
export function kpiValue(row: ReportRow | undefined, key: KpiKey): string | number | null {
  if (!row) return null;
  const v = row[key];
  return v === undefined ? null : v;
}

/** Why a figure is missing, in the reader's words: the coverage of its row tells. */
export function missingReason(tx: Texts, row: ReportRow | undefined, key: KpiKey): string {
  if (!row) return tx.t('reasonNoData');
  if (
    (key === 'costPerContact' || key === 'cost') &&
    (!row.coverage.costs || row.coverage.contactsWithoutCost > 0)
  )
    return tx.t('reasonNoCost');
  if (key === 'fcr') return tx.t('reasonDetail');
  return tx.t('reasonNoData');
}
