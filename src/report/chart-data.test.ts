import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../engine/engine.js';
import { costPerContactReport } from '../metrics/cost-per-contact.js';
import { resolveDefinitions } from '../metrics/definitions.js';
import { defaultConfig } from '../model/config.js';
import { engineWith } from '../test-support/fixtures.js';
import { HAND_CHECKED_CONTACTS, HAND_CHECKED_LINES } from '../test-support/hand-checked.js';
import { bridgeData, bridgeTicks, compositionData, niceTicks, trendData, waterfall } from './chart-data.js';
import { localeFormat } from './locale.js';
import { type ReportView, reportView } from './report-view.js';

const en = localeFormat('en-US', 'EUR', 'month');
const round = (values: (number | null)[]) => values.map((v) => (v === null ? null : Number(v.toFixed(4))));
let engine: Engine;
let view: ReportView;
beforeAll(async () => {
  engine = await engineWith(HAND_CHECKED_CONTACTS, HAND_CHECKED_LINES);
  const definitions = resolveDefinitions(defaultConfig('EUR', 'Europe/Berlin'));
  view = reportView(
    await costPerContactReport(engine, definitions, { granularity: 'month', by: ['channel'] }),
  );
});
afterAll(() => engine.close());

describe('chart data from the hand-checked report', () => {
  it('trend: cost per contact per channel and month; channels without any contacts left out', () => {
    // Jan email 891.24, voice 442.97; Feb chat 653.52, email 943.35, voice 254.96; social and self-service never have contacts.
    expect(trendData(view, en)).toEqual({
      periods: ['2026-01', '2026-02'],
      series: [
        { name: 'email', values: [891.24, 943.35] },
        { name: 'voice', values: [442.97, 254.96] },
        { name: 'chat', values: [null, 653.52] },
      ],
    });
  });

  it('composition: each category per month, from the ledger parts', () => {
    // L1 wages 1628.81 / 1471.19, L5 outsourcing Feb 30, L3 technology 101.92 / 92.05, L2 telephony 46.45 / 43.55, L4 training Feb 500
    expect(compositionData(view, en)).toEqual({
      periods: ['2026-01', '2026-02'],
      series: [
        { name: 'Agent wages', values: [1628.81, 1471.19] },
        { name: 'Outsourcing', values: [0, 30] },
        { name: 'Technology', values: [101.92, 92.05] },
        { name: 'Telephony', values: [46.45, 43.55] },
        { name: 'Training and recruiting', values: [0, 500] },
      ],
    });
  });

  it('bridge: January to February by mix, channel rates and the channels that came or had no contacts', () => {
    /*
     * CPC 1777.18 / 3 = 592.3933 → 2136.79 / 4 = 534.1975. Continuing: email (1 → 1 contact, 891.24 → 943.35)
     * and voice (2 → 2, unit 442.97 → 254.96). mix = (1/4 − 1/3)·917.295 + (1/2 − 2/3)·348.965 = −76.44125 −
     * 58.16083 = −134.60208; email rate (7/24)·52.11 = 15.19875; voice rate (7/12)·(−188.01) = −109.6725;
     * chat entered 653.52/4 = 163.38, social without contacts 30/4 = 7.5 → 170.88. Sum −58.19583 = 534.1975 − 592.3933.
     */
    const bridge = bridgeData(view, en);
    expect(bridge?.start).toEqual({ label: '2026-01', value: expect.closeTo(592.393333, 5) });
    expect(bridge?.end).toEqual({ label: '2026-02', value: 534.1975 });
    expect(bridge?.steps.map((s) => s.label)).toEqual(['channel mix', 'email', 'voice', 'other channels']);
    expect(round(bridge?.steps.map((s) => s.value) ?? [])).toEqual([-134.6021, 15.1988, -109.6725, 170.88]);
  });

  it('names channels and categories in German for de-DE', () => {
    const de = localeFormat('de-DE', 'EUR', 'month');
    expect(trendData(view, de).series.map((s) => s.name)).toEqual(['E-Mail', 'Telefon', 'Chat']);
    expect(trendData(view, de).periods).toEqual(['01.2026', '02.2026']);
    expect(compositionData(view, de).series[0]?.name).toBe('Agentenlöhne');
    expect(bridgeData(view, de)?.steps[0]?.label).toBe('Kanalmix');
  });
});

describe('chart geometry', () => {
  it('picks round ticks', () => {
    expect(niceTicks(0, 23)).toEqual([0, 5, 10, 15, 20, 25]);
    expect(niceTicks(5.16, 6.12)).toEqual([5, 5.2, 5.4, 5.6, 5.8, 6, 6.2]);
  });

  it('floats each bridge step from the level before it', () => {
    const data = {
      start: { label: 'a', value: 10 },
      steps: [
        { label: 'up', value: 2 },
        { label: 'down', value: -3 },
      ],
      end: { label: 'b', value: 9 },
    };
    expect(waterfall(data)).toEqual({
      labels: ['a', 'up', 'down', 'b'],
      base: [0, 10, 9, 0],
      levels: [10, null, null, 9],
      rises: [null, 2, null, null],
      falls: [null, null, -3, null],
    });
    // levels 10, 12, 9, 9: from 9 − 2·3 = 3, in steps of 2
    expect(bridgeTicks(data)).toEqual([2, 4, 6, 8, 10, 12]);
  });
});
