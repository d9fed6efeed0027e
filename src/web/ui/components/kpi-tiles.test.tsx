// @vitest-environment jsdom
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { type Dashboard, DashboardContext } from '../context.js';
import { texts } from '../i18n/texts.js';
import type { Report, ReportRow } from '../lib/types.js';
import { readState } from '../lib/url-state.js';
import { KpiTiles } from './kpi-tiles.js';

const coverage = {
  contacts: true,
  costs: true,
  agentTime: true,
  handleTime: true,
  contactsWithoutCost: 0,
  costWithoutContacts: null,
};

function row(period: string, over: Partial<ReportRow>): ReportRow {
  return {
    period,
    partial: false,
    coverage,
    contacts: 100,
    cost: '500.00',
    costPerContact: '5.00',
    ahtSeconds: 300,
    serviceLevel: 0.8,
    abandonRate: 0.05,
    fcr: 0.7,
    csatMean: 0.75,
    benchmark: null,
    notes: [],
    ...over,
  } as ReportRow;
}

function show(rows: ReportRow[], lang: 'en' | 'de' = 'en') {
  const host = document.createElement('div');
  document.body.append(host);
  const dashboard = {
    state: readState(''),
    navigate: () => {},
    tx: texts(lang),
    me: { name: 't', role: 'viewer', tokenId: 'x', dataVersion: 1 },
    config: { config: { currency: 'EUR', timezone: 'Europe/Berlin' }, definitions: {} },
    explain: () => {},
  } as unknown as Dashboard;
  const report = { periodTotals: rows } as Report;
  render(
    <DashboardContext.Provider value={dashboard}>
      <KpiTiles tiles={report} full={report} last="2026-10" previous="2026-09" />
    </DashboardContext.Provider>,
    host,
  );
  return host;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('KPI tiles', () => {
  it('never shows a silent 0.00: a cost per contact that cannot be computed is a dash with its reason', () => {
    const host = show([
      row('2026-09', {}),
      row('2026-10', { cost: null, costPerContact: null, coverage: { ...coverage, costs: false } }),
    ]);
    const tile = host.querySelector('[data-kpi="costPerContact"]') as HTMLElement;
    const figure = tile.querySelector('[data-metric="costPerContact"]') as HTMLElement;
    expect(figure.textContent).toBe('—');
    expect(figure.dataset.missing).toBe('true');
    expect(figure.hasAttribute('data-value')).toBe(false);
    expect(tile.textContent).toContain('Not computable for Oct 2026: no cost line reaches these contacts');
    expect(tile.textContent).not.toContain('0.00');
    // A missing figure is no button: there is nothing to explain.
    expect(tile.querySelector('button.figure-button')).toBeNull();
  });

  it('shows each figure with its raw value, its change from the previous period and the benchmark with its source', () => {
    const benchmark = {
      id: 'contactbabel-us-voice',
      source: 'ContactBabel US contact center report',
      year: null,
      tableVersion: '2026.1',
      published: '5.25 USD',
      value: '4.82',
      gap: '0.21',
      gapShare: 0.04,
    };
    const host = show(
      [row('2026-09', { costPerContact: '4.93' }), row('2026-10', { costPerContact: '5.03', benchmark })],
      'de',
    );
    const tile = host.querySelector('[data-kpi="costPerContact"]') as HTMLElement;
    expect(tile.querySelector('.tile-value')?.getAttribute('data-value')).toBe('5.03');
    expect(tile.querySelector('.tile-value')?.textContent).toBe('5,03\u00a0€');
    // 5.03 − 4.93 = 0.10, worse for a cost: marked bad.
    expect(tile.querySelector('.tile-change')?.textContent).toBe('+0,10\u00a0€ ggü. Sept. 2026');
    expect(tile.querySelector('.tile-change')?.classList.contains('bad')).toBe(true);
    const source = tile.querySelector('.has-source') as HTMLElement;
    expect(source.textContent).toContain('Vergleichswert 4,82\u00a0€');
    expect(source.title).toContain('ContactBabel US contact center report');
    expect(source.title).toContain('2026.1');
  });

  it('says so when there is no previous period to compare', () => {
    const host = show([row('2026-10', {})]);
    expect(host.querySelector('[data-kpi="contacts"] .tile-change')?.textContent).toBe(
      'no previous period to compare',
    );
  });
});
