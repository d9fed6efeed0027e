import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import { type CliProcess, spawnCli } from '../../test-support/cli-process.js';

/** Debian's Chromium (`.ci/run` installs it); never a browser downloaded by Playwright. */
export const CHROMIUM = process.env.PERCONTACT_CHROMIUM ?? '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM);

const BUILT_CLI = fileURLToPath(new URL('../../../bin/percontact.js', import.meta.url));

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Served {
  dir: string;
  url: string;
  tokens: { viewer: string; analyst: string };
  server: CliProcess;
  stop(): Promise<void>;
}

async function cli(args: string[]): Promise<string> {
  const run = spawnCli(args);
  const { code } = await run.exited;
  if (code !== 0) throw new Error(`percontact ${args.join(' ')} failed (${code}): ${run.stderr}`);
  return run.stdout;
}

/**
 * Builds the dashboard from the sources (into dist/web, as `npm run build` does), creates a demo
 * workspace ending 2026-10 with a viewer's and an analyst's token, and starts a real
 * `percontact serve` on a free port.
 */
export async function serveDemo(
  options: { scale?: number; months?: number; built?: boolean } = {},
): Promise<Served> {
  await build({
    configFile: fileURLToPath(new URL('../../../vite.config.ts', import.meta.url)),
    logLevel: 'warn',
  });
  const root = await mkdtemp(join(tmpdir(), 'percontact-dashboard-'));
  const dir = join(root, 'demo');
  const scale = String(options.scale ?? 0.3);
  const months = String(options.months ?? 4);
  await cli(['demo', '--dir', dir, '--end-month', '2026-10', '--months', months, '--scale', scale]);
  const token = async (role: string) =>
    (await cli(['token', 'create', '--workspace', dir, '--role', role, '--name', `${role}-browser`])).trim();
  const tokens = { viewer: await token('viewer'), analyst: await token('analyst') };
  // The bench serves from the built package (dist, as users run it); tests from the sources they test.
  const server = options.built
    ? spawnCli(['serve', '--workspace', dir, '--port', '0'], {}, BUILT_CLI)
    : spawnCli(['serve', '--workspace', dir, '--port', '0']);
  await server.stderrContains('percontact: serving');
  const url = /at (http:\/\/\S+) \(API/.exec(server.stderr)?.[1];
  if (!url) throw new Error(`no URL in: ${server.stderr}`);
  return {
    dir,
    url,
    tokens,
    server,
    stop: async () => {
      server.child.kill('SIGTERM');
      await server.exited;
      await rm(root, { recursive: true, force: true });
    },
  };
}

export interface Browser {
  context: BrowserContext;
  /** A new page at `width`×`height` whose session already holds `token` (or none). */
  page(token: string | null, size?: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

/** Chromium headless with a fresh profile of its own. */
export async function launchBrowser(): Promise<Browser> {
  const profile = await mkdtemp(join(tmpdir(), 'percontact-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: { width: 1280, height: 800 },
    acceptDownloads: true,
    // axe-core is injected as an inline script, which the server's Content-Security-Policy rightly refuses.
    bypassCSP: true,
  });
  return {
    context,
    page: async (token, size = { width: 1280, height: 800 }) => {
      const page = await context.newPage();
      await page.setViewportSize(size);
      if (token)
        await page.addInitScript({
          content: `sessionStorage.setItem('percontact.token', ${JSON.stringify(token)})`,
        });
      return page;
    },
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** The API's answer with a token, read by the test on its own (not through the dashboard). */
export async function api<T>(served: Served, path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(`${served.url}/api/v1${path}`, {
    ...init,
    headers: { authorization: `Bearer ${served.tokens.analyst}`, ...(init.headers ?? {}) },
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}
