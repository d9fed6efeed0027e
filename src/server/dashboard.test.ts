import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smallWorkspace } from '../app/testing.js';
import { type TestServer, testServer } from './testing.js';

let root: string;
let built: string;
let server: TestServer;
let bare: TestServer;

const PAGE =
  '<!doctype html><html><head><script type="module" src="/assets/index-abc123.js"></script></head></html>';
const SCRIPT = `console.log(${JSON.stringify('x'.repeat(2000))});`;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'percontact-dashboard-files-'));
  built = join(root, 'web');
  await mkdir(join(built, 'assets'), { recursive: true });
  await writeFile(join(built, 'index.html'), PAGE);
  await writeFile(join(built, 'assets', 'index-abc123.js'), SCRIPT);
  const small = await smallWorkspace();
  await small.workspace.close();
  server = await testServer(small.workspace.dir, { dashboardDir: built, remove: small.dir });
  const other = await smallWorkspace();
  await other.workspace.close();
  bare = await testServer(other.workspace.dir, { dashboardDir: join(root, 'missing'), remove: other.dir });
});
afterAll(async () => {
  await server.stop();
  await bare.stop();
  await rm(root, { recursive: true, force: true });
});

describe('the dashboard served at /', () => {
  it('serves the page without a token (it holds no data) and revalidates it', async () => {
    const page = await server.app.inject({ url: '/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.body).toBe(PAGE);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('serves hashed assets gzipped to clients that accept it, cached for good', async () => {
    const plain = await server.app.inject({ url: '/assets/index-abc123.js' });
    expect(plain.body).toBe(SCRIPT);
    expect(plain.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const zipped = await server.app.inject({
      url: '/assets/index-abc123.js',
      headers: { 'accept-encoding': 'gzip, br' },
    });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(zipped.rawPayload).toString()).toBe(SCRIPT);
    expect(zipped.rawPayload.length).toBeLessThan(SCRIPT.length / 10);
  });

  it('answers 404 for an asset that is not there, and never serves files outside the build', async () => {
    expect((await server.app.inject({ url: '/assets/nothing.js' })).statusCode).toBe(404);
    // Only the files read from the build are served, by their exact names: a path out of it is no route at all.
    for (const url of [
      '/assets/../../package.json',
      '/assets/%2e%2e/%2e%2e/package.json',
      '/assets/..%2f..%2fpackage.json',
    ]) {
      const answer = await server.app.inject({ url });
      expect(answer.statusCode, url).not.toBe(200);
      expect(answer.body, url).not.toContain('"name"');
    }
  });

  it('still needs a token for the API beside it', async () => {
    expect((await server.app.inject({ url: '/api/v1/report' })).statusCode).toBe(401);
  });

  it('says how to build the dashboard where it was not built', async () => {
    const page = await bare.app.inject({ url: '/' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('npm run build');
  });
});
