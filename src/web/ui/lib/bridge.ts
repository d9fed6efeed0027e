import type { TermKey } from '../i18n/terms.js';
import type { Texts } from '../i18n/texts.js';
import type { WaterfallStep } from './chart-options.js';
import { sumDecimals } from './decimal.js';
import type { Drivers } from './types.js';

/** The bridge's parts in the order they are drawn; the three main ones always, the rest where not zero. */
const PARTS: { key: keyof Drivers['bridge']; term: TermKey; always: boolean }[] = [
  { key: 'mix', term: 'bridgeMix', always: true },
  { key: 'costGrowth', term: 'bridgeCostGrowth', always: true },
  { key: 'volumeGrowth', term: 'bridgeVolumeGrowth', always: true },
  { key: 'entered', term: 'bridgeEntered', always: false },
  { key: 'left', term: 'bridgeLeft', always: false },
  { key: 'withoutContacts', term: 'bridgeWithoutContacts', always: false },
  { key: 'unallocated', term: 'bridgeUnallocated', always: false },
];

export interface BridgeRow {
  key: string;
  label: string;
  /** Decimal text: the level for the first and last row, the effect for the others. */
  value: string;
  kind: 'level' | 'part';
}

/**
 * From the earlier cost per contact through each part to the later one. The parts are the API's
 * (rounded so that they add up to the shown change); the sum of start and parts is computed here,
 * exactly, so the reader sees it land on the end.
 */
export function bridgeRows(d: Drivers, tx: Texts): BridgeRow[] {
  const [start, end] = d.costPerContact;
  const [from, to] = d.periods;
  if (start === null || end === null || !from || !to) return [];
  const parts = PARTS.filter((p) => p.always || Number(d.bridge[p.key]) !== 0).map((p) => ({
    key: p.key,
    label: tx.t(p.term),
    value: d.bridge[p.key],
    kind: 'part' as const,
  }));
  return [
    {
      key: 'start',
      label: tx.t('bridgeStart', { period: tx.period(from.label) }),
      value: start,
      kind: 'level',
    },
    ...parts,
    { key: 'end', label: tx.t('bridgeStart', { period: tx.period(to.label) }), value: end, kind: 'level' },
  ];
}

/** Start plus every part: equals the end when the bridge is exact. */
export function bridgeSum(rows: readonly BridgeRow[]): string {
  return sumDecimals(rows.filter((r) => r.key !== 'end').map((r) => r.value));
}

export function waterfallSteps(rows: readonly BridgeRow[]): WaterfallStep[] {
  return rows.map((r) => ({
    key: r.key,
    label: r.label,
    value: Number(r.value),
    kind: r.kind === 'level' ? 'level' : Number(r.value) >= 0 ? 'up' : 'down',
  }));
}
