import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../engine/engine.js';
import { resolveDefinitions } from '../metrics/definitions.js';
import { driversReport } from '../metrics/drivers/drivers-report.js';
import { driversView } from '../metrics/drivers/view.js';
import { explain } from '../metrics/explain.js';
import { defaultConfig } from '../model/config.js';
import { engineWith } from '../test-support/fixtures.js';
import { HAND_CHECKED_CONTACTS, HAND_CHECKED_LINES } from '../test-support/hand-checked.js';
import { renderDriversTable } from './drivers-table.js';
import { explainText } from './explain-render.js';
import { prepareReport, renderText } from './render.js';
import { renderTrend } from './trend.js';

const definitions = resolveDefinitions(defaultConfig('EUR', 'Europe/Berlin'));
let engine: Engine;
beforeAll(async () => {
  engine = await engineWith(HAND_CHECKED_CONTACTS, HAND_CHECKED_LINES);
});
afterAll(() => engine.close());

const widest = (text: string) => Math.max(...text.split('\n').map((l) => l.length));
const byChannel = { granularity: 'month' as const, by: ['channel' as const] };

describe('terminal tables fit the terminal', () => {
  it('drops lower-priority report columns to fit 100 columns, says which, and prints all when piped', async () => {
    const piped = await renderText(
      await prepareReport(engine, definitions, byChannel, { compare: 'previous' }),
      'table',
    );
    expect(widest(piped)).toBeGreaterThan(100);
    const narrow = await renderText(
      await prepareReport(engine, definitions, byChannel, { compare: 'previous', width: 100 }),
      'table',
    );
    expect(widest(narrow)).toBeLessThanOrEqual(100);
    // Cost per contact and its change stay; the counts go first, and the table says so.
    expect(narrow).toMatch(/period\s+channel\s+contacts\s+cost EUR\s+cost\/contact/);
    expect(narrow).toContain('Not shown, to fit 100 columns: abandoned, handled');
    expect(piped).not.toContain('Not shown');
  });

  it('fits explain and drivers into 100 columns, money grouped by thousands', async () => {
    const e = await explain(engine, definitions, { period: '2026-02', segment: {} });
    const text = explainText(e, 'costPerContact', 100);
    expect(widest(text)).toBeLessThanOrEqual(100);
    expect(text).toContain('= cost ÷ counted contacts = 2,136.79 ÷ 4 = 534.20');
    const drivers = driversView(
      await driversReport(engine, definitions, { from: '2026-01', to: '2026-02', by: ['channel'] }),
    );
    expect(widest(renderDriversTable(drivers, 100))).toBeLessThanOrEqual(100);
    // January 1,777.18 → February 2,136.79 (cost-per-contact.test.ts)
    expect(renderDriversTable(drivers)).toMatch(/cost\s+1,777\.18\s+2,136\.79/);
  });

  it('shows the trend per channel in at most 100 columns, even piped', async () => {
    const prepared = await prepareReport(engine, definitions, { ...byChannel, lastPeriods: 2 });
    const text = renderTrend(prepared.view, prepared.context);
    expect(widest(text)).toBeLessThanOrEqual(100);
    // Voice 442.97 (Jan) → 254.96 (Feb): −42.4 %; against ContactBabel's 5.25 USD without an FX
    // rate in this workspace, no gap can be given.
    expect(text).toMatch(/voice\s+442\.97\s+254\.96\s+-42\.4%\s+–/);
    // The sparse months are partial: their headers point to the notes saying so.
    expect(text).toMatch(/^channel\s+2026-01 \[1\]\s+2026-02 \[2\]\s+change\s+vs bench\./m);
    expect(text).toContain('1  2026-01 covers only 2026-01-10 to 2026-01-23 (exclusive) of its month');
  });
});
