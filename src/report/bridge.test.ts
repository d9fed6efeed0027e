import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../money/decimal.js';
import { midpointBridge, type PeriodFigures } from './bridge.js';

const texts = (b: NonNullable<ReturnType<typeof midpointBridge>>) => ({
  start: b.start.toFixed(4),
  end: b.end.toFixed(4),
  mix: b.mix.toFixed(4),
  rates: b.rates.map((r) => [r.key, r.value.toFixed(4)]),
  other: b.other.toFixed(4),
  unallocated: b.unallocated.toFixed(4),
});

describe('midpointBridge', () => {
  it('splits the DESIGN example into mix and channel rates', () => {
    /*
     * voice 100 contacts 500.00 → 100 contacts 600.00; email 100 / 300.00 → 300 / 600.00.
     * CPC 800/200 = 4 → 1200/400 = 3. Shares voice 0.5 → 0.25, email 0.5 → 0.75; unit costs voice 5 → 6,
     * email 3 → 2. mix = −0.25·5.5 + 0.25·2.5 = −0.75; voice 0.375·1 = 0.375; email 0.625·(−1) = −0.625.
     */
    const bridge = midpointBridge(
      {
        segments: [
          { key: 'voice', contacts: 100, cost: '500.00' },
          { key: 'email', contacts: 100, cost: '300.00' },
        ],
        unallocated: '0',
      },
      {
        segments: [
          { key: 'voice', contacts: 100, cost: '600.00' },
          { key: 'email', contacts: 300, cost: '600.00' },
        ],
        unallocated: '0',
      },
    );
    expect(bridge && texts(bridge)).toEqual({
      start: '4.0000',
      end: '3.0000',
      mix: '-0.7500',
      rates: [
        ['email', '-0.6250'],
        ['voice', '0.3750'],
      ],
      other: '0.0000',
      unallocated: '0.0000',
    });
  });

  it('keeps channels entered, left or without contacts and unallocated cost out of the mix', () => {
    /*
     * Before: voice 10 contacts 100.00, social 0 contacts 20.00, unallocated 10.00: CPC 130/10 = 13.
     * After: voice 10 contacts 100.00, chat 10 contacts 50.00, unallocated 0: CPC 150/20 = 7.5.
     * voice shares 1 → 0.5 at unit cost 10: mix −0.5·10 = −5, rate 0. chat entered: 50/20 − 0 = 2.5;
     * social left: 0 − 20/10 = −2, so other = 0.5. unallocated 0 − 10/10 = −1. −5 + 0.5 − 1 = −5.5 = 7.5 − 13.
     */
    const bridge = midpointBridge(
      {
        segments: [
          { key: 'voice', contacts: 10, cost: '100.00' },
          { key: 'social', contacts: 0, cost: '20.00' },
        ],
        unallocated: '10.00',
      },
      {
        segments: [
          { key: 'voice', contacts: 10, cost: '100.00' },
          { key: 'chat', contacts: 10, cost: '50.00' },
        ],
        unallocated: '0',
      },
    );
    expect(bridge && texts(bridge)).toEqual({
      start: '13.0000',
      end: '7.5000',
      mix: '-5.0000',
      rates: [['voice', '0.0000']],
      other: '0.5000',
      unallocated: '-1.0000',
    });
  });

  it('has no bridge when a period has no contacts', () => {
    const empty: PeriodFigures = {
      segments: [{ key: 'voice', contacts: 0, cost: '5.00' }],
      unallocated: '0',
    };
    const some: PeriodFigures = { segments: [{ key: 'voice', contacts: 1, cost: '5.00' }], unallocated: '0' };
    expect(midpointBridge(empty, some)).toBeUndefined();
    expect(midpointBridge(some, empty)).toBeUndefined();
  });

  it('adds up to the change of cost per contact, whatever the segments', () => {
    const segment = fc.record({
      key: fc.constantFrom('voice', 'email', 'chat', 'social'),
      contacts: fc.integer({ min: 0, max: 5000 }),
      cost: fc.integer({ min: 0, max: 10_000_000 }).map((cents) => (cents / 100).toFixed(2)),
    });
    const period = fc.record({
      segments: fc.uniqueArray(segment, { selector: (s) => s.key, minLength: 1, maxLength: 4 }),
      unallocated: fc.integer({ min: 0, max: 100_000 }).map((cents) => (cents / 100).toFixed(2)),
    });
    fc.assert(
      fc.property(period, period, (before, after) => {
        const bridge = midpointBridge(before, after);
        const contacts = (p: PeriodFigures) => p.segments.reduce((n, s) => n + s.contacts, 0);
        if (contacts(before) === 0 || contacts(after) === 0) return bridge === undefined;
        // A second, naive computation of CPC from the totals.
        const cpc = (p: PeriodFigures) =>
          p.segments.reduce((c, s) => c.plus(s.cost), new Decimal(p.unallocated)).div(contacts(p));
        const parts = [
          bridge?.mix,
          bridge?.other,
          bridge?.unallocated,
          ...(bridge?.rates.map((r) => r.value) ?? []),
        ];
        const sum = parts.reduce((a: Decimal, b) => a.plus(b ?? 0), new Decimal(0));
        return sum
          .minus(cpc(after).minus(cpc(before)))
          .abs()
          .lt('1e-30');
      }),
    );
  });
});
