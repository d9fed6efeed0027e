import { describe, expect, it } from 'vitest';
import { texts } from '../i18n/texts.js';
import { bridgeRows, bridgeSum, waterfallSteps } from './bridge.js';
import type { Drivers } from './types.js';

// The demo workspace's September → October 2026 bridge, as GET /drivers answers it.
const drivers = {
  currency: 'EUR',
  periods: [
    { label: '2026-09', from: '2026-09-01', to: '2026-10-01' },
    { label: '2026-10', from: '2026-10-01', to: '2026-11-01' },
  ],
  costPerContact: ['4.91', '5.00'],
  change: '0.09',
  bridge: {
    mix: '-0.02',
    rate: '0.11',
    costGrowth: '0.25',
    volumeGrowth: '-0.14',
    entered: '0.00',
    left: '0.00',
    withoutContacts: '0.00',
    unallocated: '0.00',
  },
} as unknown as Drivers;

describe('the cost bridge', () => {
  it('runs from the earlier cost per contact through mix, cost and volume growth to the later one', () => {
    const rows = bridgeRows(drivers, texts('en'));
    expect(rows.map((r) => [r.key, r.value])).toEqual([
      ['start', '4.91'],
      ['mix', '-0.02'],
      ['costGrowth', '0.25'],
      ['volumeGrowth', '-0.14'],
      ['end', '5.00'],
    ]);
    // 4.91 − 0.02 + 0.25 − 0.14 = 5.00 (by hand)
    expect(bridgeSum(rows)).toBe('5.00');
  });

  it('shows the other parts only where they move the figure', () => {
    const rows = bridgeRows({ ...drivers, bridge: { ...drivers.bridge, entered: '0.03' } }, texts('de'));
    expect(rows.find((r) => r.key === 'entered')?.label).toBe('neue Segmente');
  });

  it('draws rises and falls as such', () => {
    const steps = waterfallSteps(bridgeRows(drivers, texts('en')));
    expect(steps.map((s) => s.kind)).toEqual(['level', 'down', 'up', 'down', 'level']);
  });

  it('has no bridge where either period has no cost per contact', () => {
    expect(
      bridgeRows({ ...drivers, costPerContact: [null, '5.00'] } as unknown as Drivers, texts('en')),
    ).toEqual([]);
  });
});
