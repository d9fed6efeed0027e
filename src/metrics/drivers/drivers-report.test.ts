import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { periodOf } from '../../calendar/period.js';
import type { Engine } from '../../engine/engine.js';
import { AGENT_TIME_TABLE, type RowValues } from '../../engine/schema.js';
import { defaultConfig } from '../../model/config.js';
import { DRIVERS_CONTACTS as CONTACTS, DRIVERS_LINES as LINES } from '../../test-support/drivers-fixture.js';
import { engineWith } from '../../test-support/fixtures.js';
import { costPerContactReport, type ReportRow } from '../cost-per-contact.js';
import { resolveDefinitions } from '../definitions.js';
import { driversReport } from './drivers-report.js';
import { periodSlices } from './period-slices.js';
import { driversView } from './view.js';

// The workspace and its hand computation: test-support/drivers-fixture.ts.
const definitions = resolveDefinitions(defaultConfig('EUR', 'Europe/Berlin'));
let engine: Engine;
beforeAll(async () => {
  engine = await engineWith(CONTACTS, LINES);
});
afterAll(() => engine.close());

describe('drivers report on a workspace', () => {
  it('splits the change exactly into mix, rates, entered, left, without contacts and unallocated', async () => {
    const report = await driversReport(engine, definitions, {
      from: '2026-02',
      to: '2026-03',
      by: ['channel'],
    });
    const d = report.decomposition;
    expect([d.contacts, d.cost.map(String), d.costPerContact.map(String), d.change.toString()]).toEqual([
      [5, 5],
      ['340', '515'],
      ['68', '103'],
      '35',
    ]);
    const parts = [d.mix, d.rate, d.costGrowth, d.entered, d.left, d.withoutContacts, d.unallocated].map(
      String,
    );
    expect(parts).toEqual([
      '0.5',
      '12.5',
      '13.9583333333333333333333333333333333333333',
      '10',
      '-6',
      '2',
      '16',
    ]);
    const bySegment = Object.fromEntries(
      d.segments.map((s) => [s.key, [s.status, s.mix, s.rate, s.costGrowth, s.own].map(String)]),
    );
    expect(bySegment).toEqual({
      '["chat"]': ['entered', '0', '0', '0', '10'],
      '["email"]': ['continuing', '18', '-10', '8.3333333333333333333333333333333333333333', '0'],
      '["sms"]': ['left', '0', '0', '0', '-6'],
      '["social"]': ['without-contacts', '0', '0', '0', '2'],
      '["voice"]': ['continuing', '-17.5', '22.5', '5.625', '0'],
    });
    expect(report.segmentValues.get('["voice"]')).toEqual({ channel: 'voice' });
  });

  it('shows parts in cents that add up to the shown change', async () => {
    const view = driversView(
      await driversReport(engine, definitions, { from: '2026-02', to: '2026-03', by: ['channel'] }),
    );
    expect([view.costPerContact, view.change]).toEqual([['68.00', '103.00'], '35.00']);
    expect(view.bridge).toEqual({
      mix: '0.50',
      rate: '12.50',
      costGrowth: '13.96',
      volumeGrowth: '-1.46',
      entered: '10.00',
      left: '-6.00',
      withoutContacts: '2.00',
      unallocated: '16.00',
    });
    const voice = view.segments.find((s) => s.dimensions.channel === 'voice');
    const email = view.segments.find((s) => s.dimensions.channel === 'email');
    expect([voice?.costGrowth, voice?.volumeGrowth, voice?.rate, voice?.total]).toEqual([
      '5.63',
      '16.87',
      '22.50',
      '5.00',
    ]);
    expect([email?.costGrowth, email?.volumeGrowth, email?.rate, email?.share]).toEqual([
      '8.33',
      '-18.33',
      '-10.00',
      [0.4, 0.6],
    ]);
    expect(view.unallocatedCost).toEqual(['0.00', '80.00']);
  });

  it('splits labour cost per contact by LMDI on the handle-hour basis', async () => {
    const view = driversView(
      await driversReport(engine, definitions, { from: '2026-02', to: '2026-03', by: ['channel'] }),
    );
    const l = view.labour;
    expect([l.basis, l.costPerContact, l.change, l.otherCostsChange]).toEqual([
      'handle-hours',
      ['40.00', '74.00'],
      '34.00',
      '1.00',
    ]);
    const aht = (34 * Math.log(600 / 384)) / Math.log(74 / 40);
    const rate = (34 * Math.log(444 / 375)) / Math.log(74 / 40);
    expect([aht.toFixed(2), rate.toFixed(2)]).toEqual(['24.67', '9.33']);
    expect(l.factors.map((f) => [f.name, ...f.values, f.effect])).toEqual([
      ['aht', '384.0', '600.0', aht.toFixed(2)],
      ['costPerHandleHour', '375.00', '444.00', rate.toFixed(2)],
      ['handledShare', '1.0000', '1.0000', '0.00'],
    ]);
    expect(l.notes).toEqual([
      expect.stringMatching(/^no agent time recorded in 2026-02 and 2026-03: productivity/),
    ]);
    // With paid hours (1 h in both months, to keep the figures plain): productivity 0.5333 → 0.8333
    // lowers labour cost per contact, the loaded rate 200 → 370 per paid hour raises it.
    const withPaid = await driversReport(engine, definitions, {
      from: '2026-02',
      to: '2026-03',
      by: ['channel'],
      paidHours: ['1', '1'],
    });
    const effects = Object.fromEntries(withPaid.labour.factors.map((f) => [f.name, f.effect.toFixed(6)]));
    const L = 34 / Math.log(74 / 40);
    expect(effects).toEqual({
      aht: (L * Math.log(600 / 384)).toFixed(6),
      loadedRate: (L * Math.log(370 / 200)).toFixed(6),
      productivity: (-L * Math.log(3000 / 1920)).toFixed(6),
      handledShare: '0.000000',
    });
  });

  it('takes paid hours from agent time where both periods have it', async () => {
    // 10 paid hours in each month: the same ratios as 1 h above, so the same effects.
    const e = await engineWith(CONTACTS, LINES);
    const agentDay = (day: string, paid: number | null): RowValues => [
      day,
      'a1',
      'day',
      null,
      null,
      36_000,
      paid,
    ];
    await e.append(AGENT_TIME_TABLE, [agentDay('2026-02-10', 36_000), agentDay('2026-03-10', null)]);
    const report = await driversReport(e, definitions, { from: '2026-02', to: '2026-03', by: ['channel'] });
    const L = 34 / Math.log(74 / 40);
    expect([report.paidHours, report.labour.basis]).toEqual([{ kind: 'agent-time' }, 'paid-hours']);
    expect(report.labour.factors.find((f) => f.name === 'productivity')?.effect.toFixed(6)).toBe(
      (-L * Math.log(3000 / 1920)).toFixed(6),
    );
    expect(driversView(report).labour.notes).toEqual([expect.stringContaining('paid hours from agent time')]);
    await e.execute(`DELETE FROM agent_time WHERE day >= DATE '2026-03-01'`);
    const withoutMarch = await driversReport(e, definitions, {
      from: '2026-02',
      to: '2026-03',
      by: ['channel'],
    });
    expect([withoutMarch.labour.basis, withoutMarch.paidHours]).toEqual([
      'handle-hours',
      { kind: 'none', periods: [expect.objectContaining({ label: '2026-03' })] },
    ]);
    await e.close();
  });

  it('reads adjacent periods from one report with the same figures as one report per period', async () => {
    const [feb, mar] = [periodOf('2026-02-01', 'month'), periodOf('2026-03-01', 'month')];
    const { slices } = await periodSlices(engine, definitions, [mar, feb], ['channel', 'team']);
    const figures = (rows: readonly ReportRow[]) =>
      rows.map((r) => [r.segment, r.unallocated, r.measures.contacts, r.cost.toString()]);
    for (const [t, period] of [mar, feb].entries()) {
      const alone = await costPerContactReport(engine, definitions, {
        granularity: 'month',
        from: period.label,
        to: period.label,
        by: ['channel', 'team'],
      });
      expect(figures(slices[t as 0 | 1].rows)).toEqual(figures(alone.rows));
    }
  });

  it('compares periods that are not adjacent, from one report each', async () => {
    /*
     * Feb → Apr: V 5 → 1, C 340 → 50, CPC 68 → 50, change −18. Voice w 0.4 → 1, u 50 → 50: mix
     * 0.6·50 = 30, rate 0. Email and sms left: −200/5 = −40, −30/5 = −6. Social (no April cost):
     * 0 − 10/5 = −2. 30 − 40 − 6 − 2 = −18.
     */
    const d = (await driversReport(engine, definitions, { from: '2026-02', to: '2026-04', by: ['channel'] }))
      .decomposition;
    expect(
      [d.change, d.mix, d.rate, d.left, d.withoutContacts, d.entered, d.unallocated].map(String),
    ).toEqual(['-18', '30', '0', '-46', '-2', '0', '0']);
    expect(d.segments.map((s) => [s.key, s.status])).toEqual([
      ['["email"]', 'left'],
      ['["sms"]', 'left'],
      ['["social"]', 'without-contacts'],
      ['["voice"]', 'continuing'],
    ]);
  });

  it('compares any two periods of the same kind, and refuses mixed kinds and periods without contacts', async () => {
    const back = await driversReport(engine, definitions, {
      from: '2026-03',
      to: '2026-02',
      by: ['channel'],
    });
    expect([
      back.decomposition.change.toString(),
      back.decomposition.entered.toString(),
      back.decomposition.left.toString(),
    ]).toEqual(['-35', '6', '-10']);
    await expect(
      driversReport(engine, definitions, { from: '2026-02', to: '2026-W10', by: ['channel'] }),
    ).rejects.toMatchObject({
      code: 'USAGE',
      message: expect.stringContaining('same kind'),
    });
    // 1 Feb holds no contacts but carries a day of the February cost lines
    await expect(
      driversReport(engine, definitions, { from: '2026-02-01', to: '2026-02-03', by: ['channel'] }),
    ).rejects.toMatchObject({
      code: 'EMPTY_PERIOD',
      message: expect.stringContaining('no counted contacts with a cost in 2026-02-01'),
    });
  });

  it('works by team and without a breakdown', async () => {
    const none = driversView(
      await driversReport(engine, definitions, { from: '2026-02', to: '2026-03', by: [] }),
    );
    // One segment: all of the change is its rate (no unallocated cost without a breakdown).
    expect([none.bridge.mix, none.bridge.rate, none.bridge.unallocated, none.segments.length]).toEqual([
      '0.00',
      '35.00',
      '0.00',
      1,
    ]);
    const team = driversView(
      await driversReport(engine, definitions, { from: '2026-02', to: '2026-03', by: ['team'] }),
    );
    /*
     * By team the channel-direct lines follow the contacts of their channel to team "day"; the social
     * lines find no social contacts to follow and become unallocated (10 → 20); the night supervision is
     * direct to team "night", which has no contacts. Day: 330 → 415 over 5 contacts: rate 17;
     * night 80/5 = 16; unallocated 20/5 − 10/5 = 2.
     */
    expect(team.segments.map((s) => [s.dimensions.team, s.status, s.total])).toEqual([
      ['day', 'continuing', '17.00'],
      ['night', 'without-contacts', '16.00'],
    ]);
    expect([team.bridge.unallocated, team.unallocatedCost]).toEqual(['2.00', ['10.00', '20.00']]);
  });
});
