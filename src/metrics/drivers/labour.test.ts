import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Decimal } from '../../money/decimal.js';
import { exact } from './arithmetic.js';
import { type LabourInput, splitLabour } from './labour.js';

const effects = (split: ReturnType<typeof splitLabour>) =>
  Object.fromEntries(split.factors.map((f) => [f.name, f.effect.toFixed(10)]));

describe('labour split', () => {
  it('matches the hand-computed example (handle-hour basis)', () => {
    // See labour.ts: y 10 → 13.31; AHT effect 3.31·2/3, cost per handle hour 3.31/3, handled share 0.
    const split = splitLabour([
      { labourCost: '1000', contacts: 100, handled: 100, handleSeconds: 360_000 },
      { labourCost: '1331', contacts: 100, handled: 100, handleSeconds: 435_600 },
    ]);
    expect(split.basis).toBe('handle-hours');
    expect(split.change.toString()).toBe('3.31');
    expect(effects(split)).toEqual({
      aht: '2.2066666667',
      costPerHandleHour: '1.1033333333',
      handledShare: '0.0000000000',
    });
    expect(split.factors.find((f) => f.name === 'aht')?.values.map(String)).toEqual(['3600', '4356']);
  });

  it('separates loaded rate and productivity when paid hours are known', () => {
    /*
     * Period 0: L 2000, V 100 = N, H 50 h, paid 100 h → y 20, AHT 0.5 h, rate 20/h, productivity 0.5.
     * Period 1: L 2000, V 100 = N, H 50 h, paid 80 h → y 20, rate 25/h, productivity 0.625.
     * y does not move: rate +L·ln 1.25 and productivity −L·ln 1.25 cancel, L = 20:
     * 20·ln 1.25 = 4.4628710262841953…
     */
    const period = (labourCost: string): LabourInput => ({
      labourCost,
      contacts: 100,
      handled: 100,
      handleSeconds: 180_000,
    });
    const split = splitLabour([period('2000'), period('2000')], ['100', '80']);
    expect(split.basis).toBe('paid-hours');
    expect(effects(split)).toEqual({
      aht: '0.0000000000',
      loadedRate: (20 * Math.log(1.25)).toFixed(10),
      productivity: (-20 * Math.log(1.25)).toFixed(10),
      handledShare: '0.0000000000',
    });
    expect(split.change.isZero()).toBe(true);
  });

  it('counts the handled share when callbacks are counted but not handled', () => {
    // V 100 both; handled 100 → 80 (20 callbacks), same AHT and cost per handle hour: y 10 → 8,
    // all of it the handled share.
    const split = splitLabour([
      { labourCost: '1000', contacts: 100, handled: 100, handleSeconds: 360_000 },
      { labourCost: '800', contacts: 100, handled: 80, handleSeconds: 288_000 },
    ]);
    expect(effects(split)).toEqual({
      aht: '0.0000000000',
      costPerHandleHour: '0.0000000000',
      handledShare: '-2.0000000000',
    });
  });

  it('reports a gap instead of a split when a figure is zero', () => {
    const ok: LabourInput = { labourCost: '10', contacts: 1, handled: 1, handleSeconds: 60 };
    expect(splitLabour([{ ...ok, labourCost: '0' }, ok]).gap).toEqual({ missing: 'labour cost', period: 0 });
    expect(splitLabour([ok, { ...ok, handled: 0 }]).gap).toEqual({ missing: 'handled contacts', period: 1 });
    expect(splitLabour([ok, { ...ok, handleSeconds: 0 }]).gap).toEqual({ missing: 'handle time', period: 1 });
    expect(splitLabour([ok, ok], ['0', '5']).gap).toEqual({ missing: 'paid hours', period: 0 });
    const gap = splitLabour([{ ...ok, labourCost: '0' }, ok]);
    expect([gap.factors, gap.change.toString()]).toEqual([[], '10']);
  });

  const periodArb = fc
    .record({
      cents: fc.integer({ min: 1, max: 100_000_000 }),
      contacts: fc.integer({ min: 1, max: 50_000 }),
      handledPerMille: fc.integer({ min: 1, max: 1000 }),
      handleSeconds: fc.integer({ min: 1, max: 100_000_000 }),
      paidHours: fc.integer({ min: 1, max: 100_000 }),
    })
    .map((p) => ({
      input: {
        labourCost: exact(p.cents).div(100),
        contacts: p.contacts,
        handled: Math.max(1, Math.floor((p.contacts * p.handledPerMille) / 1000)),
        handleSeconds: p.handleSeconds,
      },
      paidHours: String(p.paidHours),
    }));

  it('effects sum to the change of labour cost per contact, on either basis', () => {
    fc.assert(
      fc.property(periodArb, periodArb, fc.boolean(), (p0, p1, withPaid) => {
        const split = splitLabour([p0.input, p1.input], withPaid ? [p0.paidHours, p1.paidHours] : undefined);
        // y computed here from the raw figures, not taken from the split
        const y = [p0, p1].map((p) => exact(p.input.labourCost).div(p.input.contacts)) as [Decimal, Decimal];
        const total = split.factors.reduce((s, f) => s.plus(f.effect), exact(0));
        expect(split.factors).toHaveLength(withPaid ? 4 : 3);
        expect(total.minus(y[1].minus(y[0])).abs().lte('1e-37')).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});
