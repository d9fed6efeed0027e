import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** One file of the built dashboard, held in memory with its gzip form. */
export interface DashboardFile {
  body: Buffer;
  gzip: Buffer;
  type: string;
  /** Hashed asset names never change content: cached for a year; index.html is revalidated. */
  immutable: boolean;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json; charset=utf-8',
};

/** Where `vite build` puts the dashboard: dist/web, seen from src/server and from dist/server alike. */
export const DASHBOARD_DIR = fileURLToPath(new URL('../../dist/web/', import.meta.url));

/**
 * The built dashboard by URL path (`/` for index.html, `/assets/…`), or undefined when it was
 * not built. It is a few hundred kilobytes: read once when the server starts.
 */
export async function loadDashboard(dir = DASHBOARD_DIR): Promise<Map<string, DashboardFile> | undefined> {
  if (!existsSync(join(dir, 'index.html'))) return undefined;
  const files = new Map<string, DashboardFile>();
  for (const path of await walk(dir)) {
    const body = await readFile(path);
    const url = `/${relative(dir, path).split(sep).join('/')}`;
    files.set(url === '/index.html' ? '/' : url, {
      body,
      gzip: gzipSync(body, { level: 9 }),
      type: TYPES[extname(path)] ?? 'application/octet-stream',
      immutable: url.startsWith('/assets/'),
    });
  }
  return files;
}

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) => (e.isDirectory() ? walk(join(dir, e.name)) : Promise.resolve([join(dir, e.name)]))),
  );
  return nested.flat();
}
