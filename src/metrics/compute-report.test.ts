import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../engine/engine.js';
import { defaultConfig } from '../model/config.js';
import { reportView } from '../report/report-view.js';
import { engineWith } from '../test-support/fixtures.js';
import { HAND_CHECKED_CONTACTS, HAND_CHECKED_LINES } from '../test-support/hand-checked.js';
import { computeReport } from './compute-report.js';
import { resolveDefinitions } from './definitions.js';
import { loadReportInputs } from './report-inputs.js';

const definitions = resolveDefinitions(defaultConfig('EUR', 'Europe/Berlin'));
let engine: Engine;
beforeAll(async () => {
  engine = await engineWith(HAND_CHECKED_CONTACTS, HAND_CHECKED_LINES);
});
afterAll(() => engine.close());

describe('computeReport: the report as a pure function of its inputs', () => {
  it('recomputes changed inputs without the workspace', async () => {
    const inputs = await loadReportInputs(engine, definitions, { granularity: 'month', by: ['channel'] });
    await engine.close();
    // Drop the email-direct training line (L4, Feb 500.00) and double January's voice contacts.
    const lines = inputs.lines.filter((l) => l.id !== 'L4');
    const fine = new Map(
      [...inputs.fine].map(([period, rows]) => [
        period,
        rows.map((r) =>
          period === '2026-01-01' && r.values.channel === 'voice'
            ? { ...r, measures: { ...r.measures, contacts: r.measures.contacts * 2 } }
            : r,
        ),
      ]),
    );
    const view = reportView(computeReport({ ...inputs, lines, fine }));
    const row = (period: string, channel: string) =>
      view.rows.find((r) => r.period === period && r.dimensions.channel === channel);
    // Feb email (hand-checked.ts): c6 is Feb's only email contact; without L4 it keeps its share of
    // L1 wages by handle time (480 of 480+720+360+120 = 1680 s → 1471.19 × 480/1680 = 420.34) and of
    // L3 technology by contacts (1 of 4 counted → 92.05 / 4 = 23.01 by largest remainder) = 443.35.
    expect(row('2026-02', 'email')?.cost).toBe('443.35');
    // Jan voice: cost unchanged by the doubled count (the handle-time weights did not change), so
    // cost per contact halves: 2 counted contacts become 4.
    const jan = row('2026-01', 'voice');
    expect(jan?.contacts).toBe(4);
    expect(Number(jan?.cost) / 4).toBeCloseTo(Number(jan?.costPerContact), 2);
  });
});
