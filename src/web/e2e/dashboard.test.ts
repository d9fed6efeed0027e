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
    const plan = await api<{ scenario: { totals: { costPerContact: string } } }>(served, '/plan/run', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        from: '2026-08',
        to: '2026-10',
        scenario: {
          levers: { ivr: { containment: 0.2 } },
          constraints: { service_level: 'baseline', abandon_rate_max: 0.05 },
        },
      }),
    });
    expect(await value(page, '[data-metric="scenario.costPerContact"]')).toBe(
      plan.scenario.totals.costPerContact,
    );
    await page.close();
  });

  it('plans staffing for an uploaded interval CSV as the API does', async () => {
    const page = await open('/?view=staffing&from=2026-W42&to=2026-W42', READY.staffing as string);
    const csv = join(ARTIFACTS, 'e2e-intervals.csv');
    const text = 'interval_start,calls,aht_seconds\n2026-10-05T08:00,40,300\n2026-10-05T08:30,120,310\n';
    await writeFile(csv, text);
    await page.getByLabel('an interval CSV').check();
    await page.locator('input[name="intervals"]').setInputFiles(csv);
    await page.getByRole('button', { name: 'Compute plan' }).click();
    await expect.poll(() => page.locator('[data-metric="interval.agents"]').count()).toBe(2);
    const plan = await api<{ intervals: { agents: number; scheduled: number }[] }>(served, '/staff', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ intervals: text, interval: 1800, sl: 0.8, shrinkage: 0.3, maxOccupancy: 0.9 }),
    });
    const agents = await page.$$eval('[data-metric="interval.agents"]', (els) =>
      els.map((e) => Number(e.getAttribute('data-value'))),
    );
    expect(agents).toEqual(plan.intervals.map((i) => i.agents));
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
