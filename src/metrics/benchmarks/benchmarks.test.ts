import { describe, expect, it } from 'vitest';
import { FX_RATES_TABLE } from '../../engine/schema.js';
import { defaultConfig } from '../../model/config.js';
import { renderContext } from '../../report/context.js';
import { reportView } from '../../report/report-view.js';
import { renderTable } from '../../report/table.js';
import { contact, costLine, engineWith } from '../../test-support/fixtures.js';
import { costPerContactReport } from '../cost-per-contact.js';
import { resolveDefinitions } from '../definitions.js';
import { PUBLISHED_BENCHMARKS } from './published.js';

/*
 * March 2026: two voice calls (handle 300 s each) and one email (handle 600 s); wages 120.00 EUR by
 * handle time → voice 60.00 (30.00 a call), email 60.00. USD is worth 0.92 EUR from 1 Mar.
 * Voice vs ContactBabel's 5.25 USD = 4.83 EUR → gap 25.17 (5.2112 of it); total 40.00 vs the
 * seed's 7.16 USD = 6.5872 → 6.59 EUR, gap 33.41.
 */
async function workspace() {
  const at = (d: string) => new Date(`2026-03-${d}T09:00:00Z`);
  const engine = await engineWith(
    [
      contact({ id: '1', arrivedAt: at('02'), handleSeconds: 300 }),
      contact({ id: '2', arrivedAt: at('03'), handleSeconds: 300 }),
      contact({ id: '3', channel: 'email', arrivedAt: at('04'), handleSeconds: 600 }),
    ],
    [
      costLine({
        id: 'w',
        category: 'agent_wages',
        amount: '120.00',
        periodStart: '2026-03-01',
        periodEnd: '2026-04-01',
      }),
    ],
  );
  return engine;
}

describe('benchmarks', () => {
  it('ships every figure with a source, and the seed figure of 7.16 USD', () => {
    for (const b of PUBLISHED_BENCHMARKS) expect(b.source.length).toBeGreaterThan(10);
    expect(PUBLISHED_BENCHMARKS.find((b) => b.id === 'industry-average')).toMatchObject({
      value: '7.16',
      currency: 'USD',
    });
  });

  it('compares each row with its channel figure, converted through the FX table', async () => {
    const engine = await workspace();
    await engine.append(FX_RATES_TABLE, [['2026-03-01', 'USD', '0.92']]);
    const d = resolveDefinitions(defaultConfig('EUR', 'Europe/Berlin'));
    const view = reportView(await costPerContactReport(engine, d, { granularity: 'month', by: ['channel'] }));
    const voice = view.rows.find((r) => r.dimensions.channel === 'voice');
    expect(voice?.benchmark).toMatchObject({
      id: 'contactbabel-us-voice',
      published: '5.25 USD',
      value: '4.83', // 5.25 × 0.92
      fxRate: '0.92',
      gap: '25.17', // 30.00 − 4.83
      gapShare: 5.2112, // 25.17 / 4.83
    });
    expect(view.totals.benchmark).toMatchObject({ id: 'industry-average', value: '6.59', gap: '33.41' });
    const table = renderTable(view);
    expect(table).toContain(
      '  voice: 30.00 vs 4.83 (5.25 USD × 0.92; ContactBabel US contact center report, inbound call',
    );
    expect(table).toContain('→ +25.17 (+521.1%)');
    await engine.close();
  });

  it('prints one line for a report without a breakdown, in the locale, saying when no year is stated', async () => {
    const engine = await workspace();
    await engine.append(FX_RATES_TABLE, [['2026-03-01', 'USD', '0.92']]);
    const d = resolveDefinitions(defaultConfig('EUR', 'Europe/Berlin'));
    const view = reportView(await costPerContactReport(engine, d, { granularity: 'month', by: [] }));
    // Before: the total's line, then the same comparison again for the one row, with an empty label.
    const lines = (table: string) =>
      table.split('\n').filter((l) => l.includes(' vs ') || l.includes(' ggü. '));
    const english = renderTable(view);
    expect(lines(english)).toEqual([
      '  total: 40.00 vs 6.59 (7.16 USD × 0.92; LiveAgent glossary "cost per contact" (original source not found), year not stated) → +33.41 (+507.2%)',
    ]);
    // German numbers throughout the line (they stayed English before), 33.41 / 6.5872 = +507.2 %.
    const german = renderTable(view, renderContext(view, 'de-DE'));
    expect(lines(german)).toEqual([
      '  Gesamt: 40,00 ggü. 6,59 (7,16 USD × 0,92; LiveAgent glossary "cost per contact" (original source not found), Jahr nicht angegeben) → +33,41 (+507,2\u00a0%)',
    ]);
    await engine.close();
  });

  it('uses a workspace figure in place of a shipped one, and leaves a gap undefined without a rate', async () => {
    const engine = await workspace();
    const config = defaultConfig('EUR', 'Europe/Berlin');
    config.benchmarks.custom = [
      {
        id: 'industry-average',
        metric: 'costPerContact',
        value: '35.00',
        currency: 'EUR',
        source: 'our 2026 budget',
        year: 2026,
      },
    ];
    const view = reportView(
      await costPerContactReport(engine, resolveDefinitions(config), {
        granularity: 'month',
        by: ['channel'],
      }),
    );
    expect(view.totals.benchmark).toMatchObject({
      source: 'our 2026 budget',
      tableVersion: 'workspace',
      value: '35.00',
      gap: '5.00',
    });
    const email = view.rows.find((r) => r.dimensions.channel === 'email');
    expect(email?.benchmark).toMatchObject({ id: 'contactbabel-us-email', value: null, gap: null });
    await engine.close();
  });
});
