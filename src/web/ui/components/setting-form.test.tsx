// @vitest-environment jsdom
import { rm } from 'node:fs/promises';
import { render } from 'preact';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Role } from '../../../app/actor.js';
import { smallWorkspace } from '../../../app/testing.js';
import { type TestServer, testServer } from '../../../server/testing.js';
import { type Dashboard, DashboardContext } from '../context.js';
import { texts } from '../i18n/texts.js';
import { getJson, tokenStore } from '../lib/api.js';
import type { ConfigView } from '../lib/types.js';
import { readState } from '../lib/url-state.js';
import { Settings } from './settings.js';

// The server serves no built dashboard here (the component is rendered directly), and the path to it,
// `new URL(…, import.meta.url)`, is rewritten to a web address in a browser-like test.
vi.mock('../../../server/dashboard-files.js', () => ({
  DASHBOARD_DIR: '',
  loadDashboard: async () => undefined,
}));

let server: TestServer;
let dir: string;
const realFetch = globalThis.fetch;

beforeAll(async () => {
  const small = await smallWorkspace();
  dir = small.dir;
  await small.workspace.close();
  server = await testServer(small.workspace.dir);
  // The page's requests go to a real server in this process (jsdom has no page served by it).
  globalThis.fetch = (async (url: string, init: RequestInit = {}) => {
    const res = await server.app.inject({
      method: (init.method ?? 'GET') as 'GET',
      url: String(url),
      headers: init.headers as Record<string, string>,
      ...(init.body === undefined ? {} : { payload: String(init.body) }),
    });
    return new Response(res.statusCode === 204 ? null : res.body, {
      status: res.statusCode,
      headers: { 'content-type': String(res.headers['content-type'] ?? 'application/json') },
    });
  }) as typeof fetch;
});
afterAll(async () => {
  globalThis.fetch = realFetch;
  await server.stop();
  await rm(dir, { recursive: true, force: true });
});
afterEach(() => {
  document.body.innerHTML = '';
});

async function show(role: Role) {
  tokenStore.set(server.tokens[role]);
  const host = document.createElement('div');
  document.body.append(host);
  const dashboard = {
    state: readState(''),
    navigate: () => {},
    tx: texts('en'),
    me: { name: `${role}-token`, role, tokenId: 'x', dataVersion: 1 },
    config: await getJson<ConfigView>('/config'),
    reloadConfig: async () => {},
    explain: () => {},
  } as Dashboard;
  render(
    <DashboardContext.Provider value={dashboard}>
      <Settings />
    </DashboardContext.Provider>,
    host,
  );
  return host;
}

const until = async (find: () => Element | null): Promise<Element> => {
  for (let i = 0; i < 200; i++) {
    const found = find();
    if (found) return found;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('not shown');
};

async function submit(host: Element, setting: string, value: string) {
  const select = host.querySelector('select') as HTMLSelectElement;
  select.value = setting;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await new Promise((r) => setTimeout(r, 0));
  const input = host.querySelector('.setting-form input') as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await new Promise((r) => setTimeout(r, 0));
  (host.querySelector('.setting-form') as HTMLFormElement).requestSubmit();
}

describe('changing a setting in the dashboard', () => {
  it('is offered to admins only', async () => {
    for (const role of ['viewer', 'analyst'] as const) {
      const host = await show(role);
      expect(host.querySelector('.setting-form')).toBeNull();
      expect(host.textContent).toContain('Read-only here');
      render(null, host);
    }
  });

  it('saves an admin’s value through the API, and shows the server’s refusal of a bad one', async () => {
    const host = await show('admin');
    await submit(host, 'repeatContact.windowDays', '3');
    // defaultConfig's repeat window is 7 days.
    expect((await until(() => host.querySelector('[data-saved]'))).textContent).toBe(
      'repeatContact.windowDays: 7 → 3',
    );
    expect((await getJson<ConfigView>('/config')).config.repeatContact.windowDays).toBe(3);
    await submit(host, 'csat.topBoxMin', '1.5');
    const error = await until(() => host.querySelector('[role="alert"]'));
    expect(error.textContent).toMatch(/csat\.topBoxMin: /);
    expect((await getJson<ConfigView>('/config')).config.csat.topBoxMin).toBe(0.75);
  });
});
