import { describe, expect, it } from 'vitest';
import { texts } from '../i18n/texts.js';
import { KPIS } from './kpis.js';

const kpi = (key: string) => {
  const found = KPIS.find((k) => k.key === key);
  if (!found) throw new Error(key);
  return found;
};

describe('KPI tiles', () => {
  it('shows the eight figures the overview promises', () => {
    expect(KPIS.map((k) => k.key)).toEqual([
      'costPerContact',
      'cost',
      'contacts',
      'ahtSeconds',
      'serviceLevel',
      'abandonRate',
      'fcr',
      'csatMean',
    ]);
  });

  it('states changes as money, percentage points or relative change', () => {
    const en = texts('en');
    // 5.13 − 5.20 = −0.07 (by hand)
    expect(kpi('costPerContact').change(en, '5.13', '5.20')).toBe('−€0.07');
    // 0.7902 − 0.8260 = −0.0358 → −3.6 points
    expect(kpi('serviceLevel').change(en, 0.7902, 0.826)).toBe('−3.6 pp');
    expect(kpi('serviceLevel').change(texts('de'), 0.826, 0.7902)).toBe('+3,6 Pp.');
    // 108222 / 104108 − 1 = 0.03952 → +4.0 %
    expect(kpi('contacts').change(en, 108222, 104108)).toBe('+4.0%');
  });
});
