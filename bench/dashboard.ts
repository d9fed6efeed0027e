import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DASHBOARD_DIR } from '../src/server/dashboard-files.js';
import { HAS_CHROMIUM, launchBrowser, serveDemo } from '../src/web/e2e/harness.js';
import type { BenchResult } from './run.js';

const RUNS = 7;
const TILES = '[data-kpi="costPerContact"] .tile-value';

/**
 * The dashboard's first view on the demo workspace (12 months, about 600,000 contacts) served
 * locally: from navigation start to the KPI tiles on screen, in Chromium, median of fresh pages
 * (the first one also pays for the server's cold cache). Baseline: the API's docs page in the same
 * browser, a static page without script. Also the gzipped size of the shipped JavaScript. The
 * server is the built package (`npm run build` first), as users run it.
 */
export async function run(): Promise<BenchResult[]> {
  if (!HAS_CHROMIUM) {
    process.stderr.write('dashboard bench skipped: no Chromium\n');
    return [];
  }
  const served = await serveDemo({ scale: 1, months: 12, built: true });
  const browser = await launchBrowser();
  try {
    const time = async (path: string, ready: string) => {
      const page = await browser.page(served.tokens.viewer);
      await page.goto(`${served.url}${path}`);
      await page.waitForSelector(ready);
      const ms = (await page.evaluate('performance.now()')) as number;
      await page.close();
      return ms;
    };
    const overview = '/?period=month&from=2026-08&to=2026-10&by=channel';
    const cold = await time(overview, TILES);
    // A running server asked for ranges it has not computed yet (as after an import): uncached reports.
    const uncached: number[] = [];
    for (const [from, to] of [
      ['2026-02', '2026-04'],
      ['2026-03', '2026-05'],
      ['2026-04', '2026-06'],
      ['2026-05', '2026-07'],
      ['2026-06', '2026-08'],
    ])
      uncached.push(await time(`/?period=month&from=${from}&to=${to}&by=channel`, TILES));
    const warm: number[] = [];
    const docs: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      warm.push(await time(overview, TILES));
      docs.push(await time('/api/v1/docs', 'h1'));
    }
    const js = await javascriptGzipBytes();
    return [
      {
        name: 'dashboard first view, server just started',
        baselineName: 'API docs page',
        ms: cold,
        baselineMs: median(docs),
        note: `JavaScript ${(js / 1024).toFixed(0)} KB gzip`,
      },
      {
        name: 'dashboard first view, uncached range on a running server, median of 5',
        baselineName: 'API docs page',
        ms: median(uncached),
        baselineMs: median(docs),
      },
      {
        name: `dashboard first view, cached, median of ${RUNS}`,
        baselineName: 'API docs page',
        ms: median(warm),
        baselineMs: median(docs),
      },
    ];
  } finally {
    await browser.close();
    await served.stop();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

async function javascriptGzipBytes(): Promise<number> {
  const dir = join(DASHBOARD_DIR, 'assets');
  let total = 0;
  for (const name of await readdir(dir)) {
    if (name.endsWith('.js')) total += gzipSync(await readFile(join(dir, name)), { level: 9 }).length;
  }
  return total;
}
