import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Decimal } from '../../money/decimal.js';
import {
  api,
  type Browser,
  CHROMIUM,
  HAS_CHROMIUM,
  launchBrowser,
  type Served,
  serveDemo,
} from './harness.js';

const ARTIFACTS = fileURLToPath(new URL('../../../test-artifacts/dashboard/', import.meta.url));
const RANGE = '/?period=month&from=2026-08&to=2026-10&by=channel';
const NBSP = '\u00a0';

if (!HAS_CHROMIUM) {
  console.log(
    `dashboard browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install chromium, or set PERCONTACT_CHROMIUM)`,
  );
}

interface Row {
  period: string;
  channel?: string;
  [key: string]: unknown;
}
interface Report {
  periodTotals: Row[];
  rows: Row[];
}

/** Where each view has its figures on screen. */
const READY: Record<string, string> = {
  overview: '[data-kpi="costPerContact"] .tile-value',
  drivers: '[data-metric="bridge.sum"]',
  staffing: '[data-metric="plan.contacts"]',
  planner: '[data-metric="scenario.costPerContact"]',
  data: '.coverage-map',
};

describe.skipIf(!HAS_CHROMIUM)('the dashboard in Chromium', () => {
  let served: Served;
  let browser: Browser;
  let axeSource: string;

  beforeAll(async () => {
    served = await serveDemo();
    browser = await launchBrowser();
    axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    await mkdir(ARTIFACTS, { recursive: true });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await served?.stop();
  });

  const open = async (
    path: string,
    ready: string,
    token: string | null = served.tokens.analyst,
    size?: { width: number; height: number },
  ) => {
    const page = await browser.page(token, size);
    await page.goto(`${served.url}${path}`);
    await page.waitForSelector(ready, { timeout: 30_000 });
    return page;
  };
  const value = (page: Page, selector: string) => page.locator(selector).first().getAttribute('data-value');
  const numbers = (page: Page, selector: string) =>
    page.$$eval(selector, (els) => els.map((e) => Number(e.getAttribute('data-value'))));
  const post = <T>(path: string, body: unknown) =>
    api<T>(served, path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('shows every tile as the API reports the last period of the range', async () => {
    const page = await open(RANGE, READY.overview as string);
    const report = await api<Report>(served, '/report?period=month&from=2026-08&to=2026-10&detail=full');
    const last = report.periodTotals.at(-1) as Row;
    expect(last.period).toBe('2026-10');
    for (const key of [
      'costPerContact',
      'cost',
      'contacts',
      'ahtSeconds',
      'serviceLevel',
      'abandonRate',
      'fcr',
      'csatMean',
    ]) {
      const tile = page.locator(`[data-kpi="${key}"] [data-metric="${key}"]`);
      if (last[key] === null) {
        expect(await tile.getAttribute('data-missing'), key).toBe('true');
        expect(await tile.textContent(), key).toBe('—');
      } else {
        expect(await tile.getAttribute('data-value'), key).toBe(String(last[key]));
      }
    }
    // The previous period of each tile is September's figure.
    const september = report.periodTotals.find((p) => p.period === '2026-09') as Row;
    expect(await value(page, '[data-metric="costPerContact.previous"]')).toBe(
      String(september.costPerContact),
    );
    expect(await page.locator('[data-kpi="costPerContact"] .tile-value').textContent()).toBe(
      `€${last.costPerContact}`,
    );
    // The table's figures are the report's rows by channel.
    const byChannel = await api<Report>(served, '/report?period=month&from=2026-08&to=2026-10&by=channel');
    const voice = byChannel.rows.find((r) => r.period === '2026-10' && r.channel === 'voice') as Row;
    expect(
      await value(page, '[data-metric="costPerContact"][data-channel="voice"][data-period="2026-10"]'),
    ).toBe(String(voice.costPerContact));
    expect(await value(page, '[data-metric="contacts"][data-channel="voice"]')).toBe(String(voice.contacts));
    // The change of voice's cost per contact opens the drivers of September to October by channel.
    await page
      .locator('a.figure-button:has([data-metric="costPerContact.change"][data-channel="voice"])')
      .click();
    await page.waitForSelector(READY.drivers as string);
    expect(page.url()).toContain('view=drivers&period=month&from=2026-09&to=2026-10');
    expect(await page.locator('[data-metric="segment.total"][data-channel="voice"]').count()).toBe(1);
    await page.close();
  });

  it('explains a figure with parts that add up to it', async () => {
    const page = await open(RANGE, READY.overview as string);
    // By keyboard: focus the figure, Enter opens its explanation.
    await page.locator('[data-kpi="costPerContact"] button.figure-button').focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('dialog.explain [data-metric="lines.sum"]');
    const figure = async (metric: string) =>
      (await value(page, `dialog.explain [data-metric="${metric}"]`)) as string;
    const allocated = await page.$$eval('dialog.explain [data-metric="line.allocated"]', (els) =>
      els.map((e) => e.getAttribute('data-value') as string),
    );
    expect(allocated.length).toBeGreaterThan(3);
    // Summed here with decimal.js, independently of the dashboard's own sum.
    const sum = allocated.reduce((acc, v) => acc.plus(v), new Decimal(0));
    const report = await api<Report>(served, '/report?period=month&from=2026-10&to=2026-10');
    const october = report.periodTotals[0] as Row;
    expect(sum.toFixed(2)).toBe(await figure('explain.numerator'));
    expect(sum.toFixed(2)).toBe(october.cost);
    const numerator = new Decimal(await figure('explain.numerator'));
    const denominator = new Decimal(await figure('explain.denominator'));
    // The figure is the quotient to the cent.
    expect(
      numerator.div(denominator).minus(String(october.costPerContact)).abs().toNumber(),
    ).toBeLessThanOrEqual(0.005);
    const counted = await page.$$eval(
      'dialog.explain [data-metric="outcome.contacts"][data-counted="true"]',
      (els) => els.reduce((acc, e) => acc + Number(e.getAttribute('data-value')), 0),
    );
    expect(counted).toBe(october.contacts);
    expect(await page.locator('dialog.explain .sum-check.ok').count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect
      .poll(() => page.evaluate("document.activeElement?.classList.contains('figure-button')"))
      .toBe(true);
    // FCR and CSAT: the formula's parts are the report's figure, and the channels' parts sum to them.
    const full = await api<Report>(served, '/report?period=month&from=2026-10&to=2026-10&detail=full');
    const parts = async (column: string) =>
      page.$$eval(`dialog.explain [data-metric="part.${column}"]`, (els) =>
        els.reduce((acc, e) => acc + Number(e.getAttribute('data-value')), 0),
      );
    for (const [metric, numeratorPart, denominatorPart] of [
      ['fcr', 'resolved first time', 'with a customer'],
      ['csatMean', 'score sum', 'scored'],
    ] as const) {
      await page.locator(`[data-kpi="${metric}"] button.figure-button`).click();
      await page.waitForSelector(`dialog.explain [data-metric="explain.${metric}"]`);
      const n = Number(await figure('explain.numerator'));
      const d = Number(await figure('explain.denominator'));
      expect(d, metric).toBeGreaterThan(0);
      expect(n / d, metric).toBeCloseTo(Number(full.periodTotals[0]?.[metric]), 4);
      expect(await parts(numeratorPart), metric).toBeCloseTo(n, 4);
      expect(await parts(denominatorPart), metric).toBe(d);
      await page.keyboard.press('Escape');
      await page.waitForSelector('dialog.explain', { state: 'detached' });
    }
    // A CSAT cell of the table: voice's figure of the report by channel.
    const byChannel = await api<Report>(served, '/report?period=month&from=2026-10&to=2026-10&by=channel');
    const voice = byChannel.rows.find((r) => r.channel === 'voice') as Row;
    await page.locator('td button.figure-button:has([data-metric="csatMean"][data-channel="voice"])').click();
    await page.waitForSelector('dialog.explain [data-metric="explain.csatMean"]');
    expect(
      Number(await figure('explain.numerator')) / Number(await figure('explain.denominator')),
    ).toBeCloseTo(Number(voice.csatMean), 4);
    await page.close();
  });

  it('switches to German: numbers, money, months and ISO weeks as German readers write them', async () => {
    const page = await open(RANGE, READY.overview as string);
    await page.getByRole('button', { name: 'Auf Deutsch umschalten' }).click();
    await page.waitForFunction("document.documentElement.lang === 'de'");
    expect(page.url()).toContain('lang=de');
    const report = await api<Report>(served, '/report?period=month&from=2026-10&to=2026-10');
    const october = report.periodTotals[0] as Row;
    const [whole, cents] = String(october.costPerContact).split('.');
    expect(await page.locator('[data-kpi="costPerContact"] .tile-value').textContent()).toBe(
      `${whole},${cents}${NBSP}€`,
    );
    const contacts = String(october.contacts).replace(/\B(?=(\d{3})+$)/g, '.');
    expect(await page.locator('[data-kpi="contacts"] .tile-value').textContent()).toBe(contacts);
    expect(await page.locator('#kpi-heading').textContent()).toBe('Kennzahlen für Okt. 2026');
    expect(await page.locator('#trend-heading').textContent()).toBe('Kosten je Kontakt nach Kanal');
    await page.goto(`${served.url}/?period=week&from=2026-W41&to=2026-W42&lang=de`);
    await page.waitForSelector(READY.overview as string);
    expect(await page.locator('#kpi-heading').textContent()).toBe('Kennzahlen für KW 42/2026');
    await page.close();
  });

  it('keeps the state in the URL: another period in the address, reloaded, shows that period', async () => {
    const page = await open(RANGE, READY.overview as string);
    await page.goto(`${served.url}/?period=quarter&from=2026-Q3&to=2026-Q3&by=team`);
    await page.reload();
    await page.waitForSelector(READY.overview as string);
    expect(await page.locator('select[name="period"]').inputValue()).toBe('quarter');
    expect(await page.locator('#kpi-heading').textContent()).toBe('Key figures for Q3 2026');
    expect(await page.locator('#segments-heading').textContent()).toBe('Q3 2026 by team');
    const report = await api<Report>(served, '/report?period=quarter&from=2026-Q3&to=2026-Q3');
    expect(await value(page, '[data-kpi="costPerContact"] .tile-value')).toBe(
      String(report.periodTotals[0]?.costPerContact),
    );
    await page.locator('select[name="period"]').selectOption('month');
    await page.locator('input[name="from"]').fill('2026-09');
    await page.locator('input[name="to"]').fill('2026-10');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => page.url()).toContain('period=month&from=2026-09&to=2026-10&by=team');
    await expect.poll(() => page.locator('#kpi-heading').textContent()).toBe('Key figures for Oct 2026');
    await page.close();
  });

  it('lets a viewer sign in with a token and shows no upload', async () => {
    const page = await browser.page(null);
    await page.goto(served.url);
    await page.getByLabel('API token').fill(served.tokens.viewer);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForSelector('.who[data-role="viewer"]');
    expect(page.url()).not.toContain(served.tokens.viewer);
    await page.getByRole('link', { name: 'Data' }).click();
    await page.waitForSelector('#no-upload');
    expect(await page.locator('input[type="file"][name="file"]').count()).toBe(0);
    expect(await page.getByRole('button', { name: /upload/i }).count()).toBe(0);
    await page.close();
  });

  it('uploads a file and follows the import from its progress to the summary', async () => {
    const page = await open('/?view=data', '#upload');
    const csv = join(ARTIFACTS, 'e2e-contacts.csv');
    // Three rows by hand: two good ones, one with a date that is none.
    await writeFile(
      csv,
      [
        'id,channel,direction,arrived_at,handle_seconds,outcome',
        'e2e-1,voice,inbound,2026-10-20 10:00:00,120,handled',
        'e2e-2,chat,inbound,2026-10-20 11:00:00,300,handled',
        'e2e-3,voice,inbound,not-a-date,60,handled',
        '',
      ].join('\n'),
    );
    await page.locator('input[name="file"]').setInputFiles(csv);
    await page.getByLabel('Import the good rows, list the rejected ones').check();
    await page.getByRole('button', { name: 'Upload and import' }).click();
    await page.waitForSelector('#import-progress');
    await page.waitForSelector('.job[data-status="succeeded"]', { timeout: 60_000 });
    const summary = async (part: string) => Number(await value(page, `[data-metric="import.${part}"]`));
    expect(await summary('read')).toBe(3);
    expect(await summary('imported')).toBe(2);
    expect(await summary('rejected')).toBe(1);
    expect(await summary('duplicates')).toBe(0);
    expect(await summary('skipped')).toBe(0);
    expect(await page.locator('.import-summary .sum-check.ok').count()).toBe(1);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download the rejected rows (CSV)' }).click();
    const rejects = await readFile((await (await download).path()) as string, 'utf8');
    expect(rejects).toContain('not-a-date');
    expect(rejects).not.toContain('e2e-1');
    // The import is listed with its stored rows; removing it takes them out again.
    const row = page.locator('tr[data-import]', { hasText: 'e2e-contacts.csv' });
    await row.waitFor();
    expect(await row.locator('[data-metric="import.rowsStored"]').getAttribute('data-value')).toBe('2');
    page.once('dialog', (d) => d.accept());
    await row.getByRole('button', { name: /Remove/ }).click();
    await row.waitFor({ state: 'detached' });
    const log = await api<{ imports: { files: string[] }[] }>(served, '/imports');
    expect(log.imports.some((i) => i.files.includes('e2e-contacts.csv'))).toBe(false);
    await page.close();
  });

  it('recomputes cost per contact through the API when a lever moves', async () => {
    const page = await open('/?view=planner&period=month&from=2026-08&to=2026-10', READY.planner as string);
    const before = await value(page, '[data-metric="scenario.costPerContact"]');
    expect(before).toBe(await value(page, '[data-metric="baseline.costPerContact"]'));
    await page.locator('#lever-ivr-containment').fill('0.2');
    await expect
      .poll(() => value(page, '[data-metric="scenario.costPerContact"]'), { timeout: 60_000 })
      .not.toBe(before);
    expect(page.url()).toContain('ivr.containment=0.2');
    const plan = await post<{ scenario: { totals: { costPerContact: string } } }>('/plan/run', {
      from: '2026-08',
      to: '2026-10',
      scenario: {
        levers: { ivr: { containment: 0.2 } },
        constraints: { service_level: 'baseline', abandon_rate_max: 0.05 },
      },
    });
    expect(await value(page, '[data-metric="scenario.costPerContact"]')).toBe(
      plan.scenario.totals.costPerContact,
    );
    await page.close();
  });

  it('plans staffing for an uploaded interval CSV as the API does, in German: dates and decimal commas', async () => {
    const page = await open('/?view=staffing&from=2026-W42&to=2026-W42&lang=de', READY.staffing as string);
    // The defaults (sl 0.8, shrinkage 0.3, maximum occupancy 0.9) as a German reader writes them.
    expect(await page.locator('input[name="sl"]').inputValue()).toBe('0,8');
    expect(await page.locator('input[name="shrinkage"]').inputValue()).toBe('0,3');
    expect(await page.locator('input[name="maxOccupancy"]').inputValue()).toBe('0,9');
    const csv = join(ARTIFACTS, 'e2e-intervals.csv');
    const text = 'interval_start,calls,aht_seconds\n2026-10-05T08:00,40,300\n2026-10-05T08:30,120,310\n';
    await writeFile(csv, text);
    await page.getByLabel('einer Intervall-CSV').check();
    await page.locator('input[name="intervals"]').setInputFiles(csv);
    await page.locator('input[name="sl"]').fill('0,85');
    await page.getByRole('button', { name: 'Plan berechnen' }).click();
    await expect.poll(() => page.url()).toContain('sl=0.85');
    await expect.poll(() => page.locator('[data-metric="interval.agents"]').count()).toBe(2);
    expect(await page.locator('input[name="sl"]').inputValue()).toBe('0,85');
    const plan = await post<{ intervals: { agents: number; scheduled: number }[] }>('/staff', {
      intervals: text,
      interval: 1800,
      sl: 0.85,
      shrinkage: 0.3,
      maxOccupancy: 0.9,
    });
    expect(await numbers(page, '[data-metric="interval.agents"]')).toEqual(
      plan.intervals.map((i) => i.agents),
    );
    // Dates as German readers write them: 5 October 2026 is 05.10.2026.
    expect(await page.locator('table.intervals tbody th').allTextContents()).toEqual([
      '05.10.2026 08:00',
      '05.10.2026 08:30',
    ]);
    await page.close();
  });

  it('plans staffing from history as the API does', async () => {
    const page = await open(
      '/?view=staffing&from=2026-W42&to=2026-W42&channel=voice',
      READY.staffing as string,
    );
    const plan = await api<{
      intervals: { agents: number; scheduled: number }[];
      total: { contacts: number; staffedHours: number; scheduledHours: number; labourCost: string | null };
    }>(
      served,
      '/staff?from=2026-W42&to=2026-W42&channel=voice&interval=1800&sl=0.8&shrinkage=0.3&maxOccupancy=0.9',
    );
    expect(plan.intervals.length).toBeGreaterThan(10);
    expect(Number(await value(page, '[data-metric="plan.contacts"]'))).toBe(plan.total.contacts);
    expect(Number(await value(page, '[data-metric="plan.staffedHours"]'))).toBe(plan.total.staffedHours);
    expect(Number(await value(page, '[data-metric="plan.scheduledHours"]'))).toBe(plan.total.scheduledHours);
    expect(await value(page, '[data-metric="plan.labourCost"]')).toBe(plan.total.labourCost);
    expect(await numbers(page, '[data-metric="interval.agents"]')).toEqual(
      plan.intervals.map((i) => i.agents),
    );
    expect(await numbers(page, '[data-metric="interval.scheduled"]')).toEqual(
      plan.intervals.map((i) => i.scheduled),
    );
    await page.close();
  });

  it('shows the drivers bridge as the API answers it, start plus parts landing on the end', async () => {
    const page = await open(
      '/?view=drivers&period=month&from=2026-09&to=2026-10&by=channel',
      READY.drivers as string,
    );
    const d = await api<{
      costPerContact: [string, string];
      bridge: Record<string, string>;
      labour: { change: string; factors: { name: string; effect: string }[] } | null;
    }>(served, '/drivers?from=2026-09&to=2026-10&by=channel');
    expect(await value(page, '[data-metric="bridge.start"]')).toBe(d.costPerContact[0]);
    expect(await value(page, '[data-metric="bridge.end"]')).toBe(d.costPerContact[1]);
    for (const part of ['mix', 'costGrowth', 'volumeGrowth'])
      expect(await value(page, `[data-metric="bridge.${part}"]`), part).toBe(d.bridge[part]);
    // Every part on screen is the API's; summed here with decimal.js they take the start to the end.
    const shown = await page.$$eval('table.bridge tbody [data-metric^="bridge."]', (els) =>
      els.map(
        (e) =>
          [
            e.getAttribute('data-metric')?.slice(7) as string,
            e.getAttribute('data-value') as string,
          ] as const,
      ),
    );
    let sum = new Decimal(0);
    for (const [key, v] of shown) {
      if (key === 'end') continue;
      expect(v, key).toBe(key === 'start' ? d.costPerContact[0] : d.bridge[key]);
      sum = sum.plus(v);
    }
    expect(sum.equals(d.costPerContact[1])).toBe(true);
    if (d.labour) {
      expect(await value(page, '[data-metric="labour.change"]')).toBe(d.labour.change);
      for (const f of d.labour.factors)
        expect(await value(page, `[data-metric="labour.${f.name}"]`), f.name).toBe(f.effect);
    }
    await page.close();
  });

  it('saves and loads a scenario, and shows each constraint as the API judges it', async () => {
    const levers = 'targets.voice.service_level=0.6&wages.change=0.02';
    const page = await open(
      `/?view=planner&period=month&from=2026-08&to=2026-10&${levers}`,
      READY.planner as string,
    );
    const plan = await post<{
      scenario: { totals: { costPerContact: string } };
      constraints: { name: string; channel: string; met: boolean; violations: number }[];
    }>('/plan/run', {
      from: '2026-08',
      to: '2026-10',
      scenario: {
        levers: { targets: { voice: { service_level: 0.6, within_seconds: 20 } }, wages: { change: 0.02 } },
        constraints: { service_level: 'baseline', abandon_rate_max: 0.05 },
      },
    });
    const scenarioCpc = () => value(page, '[data-metric="scenario.costPerContact"]');
    await expect.poll(scenarioCpc, { timeout: 60_000 }).toBe(plan.scenario.totals.costPerContact);
    expect(plan.constraints.length).toBeGreaterThan(0);
    for (const c of plan.constraints) {
      const row = page.locator(`tr[data-constraint="${c.name}"][data-channel="${c.channel}"]`);
      const met = c.met && c.violations === 0;
      expect(await row.getAttribute('data-met'), `${c.name} ${c.channel}`).toBe(String(c.met));
      expect(
        await row.locator(met ? '.status-met' : '.status-violated').count(),
        `${c.name} ${c.channel}`,
      ).toBe(1);
    }
    // A lower voice target than the baseline's service level cannot keep it.
    expect(plan.constraints.some((c) => !c.met && c.name === 'service_level' && c.channel === 'voice')).toBe(
      true,
    );
    // Saved under a name, the levers reset, loaded again: the same scenario and figure.
    await page.getByLabel('Scenario name').fill('lower voice target');
    await page.getByRole('button', { name: 'Save scenario' }).click();
    await page.getByRole('button', { name: 'Reset levers' }).click();
    await expect.poll(() => page.url()).not.toContain('wages.change');
    await expect
      .poll(scenarioCpc, { timeout: 60_000 })
      .toBe(await value(page, '[data-metric="baseline.costPerContact"]'));
    await page.reload();
    await page.getByRole('button', { name: 'Load scenario: lower voice target' }).click();
    await expect.poll(() => page.url()).toContain('targets.voice.service_level=0.6');
    expect(page.url()).toContain('wages.change=0.02');
    await expect.poll(scenarioCpc, { timeout: 60_000 }).toBe(plan.scenario.totals.costPerContact);
    await page.getByRole('button', { name: 'Delete: lower voice target' }).click();
    expect(await page.locator('.saved-list li').count()).toBe(0);
    await page.close();
  });

  it('prints the overview without navigation and controls', async () => {
    const page = await open(RANGE, READY.overview as string);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header.top').isVisible()).toBe(false);
    expect(await page.locator('form.controls').isVisible()).toBe(false);
    expect(await page.locator('[data-kpi="costPerContact"] .tile-value').isVisible()).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'overview-print.png'), fullPage: true });
    await page.close();
  });

  const VIEWS: [string, string][] = [
    ['overview', RANGE],
    ['drivers', '/?view=drivers&period=month&from=2026-09&to=2026-10'],
    ['staffing', '/?view=staffing&from=2026-W42&to=2026-W42'],
    ['planner', '/?view=planner&period=month&from=2026-08&to=2026-10'],
    ['data', '/?view=data'],
  ];

  const serious = async (page: Page) => {
    await page.addScriptTag({ content: axeSource });
    const violations = (await page.evaluate('axe.run().then((r) => r.violations)')) as {
      id: string;
      impact: string;
      nodes: { target: string[] }[];
    }[];
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) =>
          `${v.id} (${v.impact}): ${v.nodes
            .map((n) => n.target.join(' '))
            .slice(0, 3)
            .join(', ')}`,
      );
  };

  it('has no serious or critical accessibility violations on any view, the explanation and the sign-in', async () => {
    const found: string[] = [];
    for (const [name, path] of VIEWS) {
      for (const lang of ['en', 'de']) {
        const page = await open(`${path}&lang=${lang}`, READY[name] as string);
        found.push(...(await serious(page)).map((v) => `${name} ${lang}: ${v}`));
        if (name === 'overview') {
          await page.locator('[data-kpi="costPerContact"] button.figure-button').click();
          await page.waitForSelector('dialog.explain [data-metric="lines.sum"]');
          found.push(...(await serious(page)).map((v) => `explain ${lang}: ${v}`));
        }
        await page.close();
      }
    }
    const login = await open('/', '#token', null);
    found.push(...(await serious(login)).map((v) => `sign-in: ${v}`));
    await login.close();
    expect(found).toEqual([]);
  });

  it('writes a screenshot of every view at 1280×800 and 768 px, in both languages', async () => {
    for (const size of [
      { width: 1280, height: 800 },
      { width: 768, height: 1024 },
    ]) {
      for (const lang of ['en', 'de']) {
        for (const [name, path] of VIEWS) {
          const page = await open(`${path}&lang=${lang}`, READY[name] as string, served.tokens.analyst, size);
          await page.waitForTimeout(300);
          // Nothing wider than the window: no sideways scrolling of the page at tablet width.
          const overflow = (await page.evaluate(
            'document.documentElement.scrollWidth - window.innerWidth',
          )) as number;
          expect(overflow, `${name} ${lang} ${size.width}`).toBeLessThanOrEqual(0);
          await page.screenshot({
            path: join(ARTIFACTS, `${name}-${lang}-${size.width}.png`),
            fullPage: true,
          });
          if (name === 'overview') {
            await page.locator('[data-kpi="costPerContact"] button.figure-button').click();
            await page.waitForSelector('dialog.explain [data-metric="lines.sum"]');
            await page.screenshot({ path: join(ARTIFACTS, `explain-${lang}-${size.width}.png`) });
          }
          await page.close();
        }
      }
    }
  });
});
