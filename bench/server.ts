/**
 * The HTTP API under load: the dashboard's overview request (the last three months by channel,
 * compared with the previous period) against `percontact serve` on loopback, 50 concurrent keep-alive
 * connections, uncached (cache off) and cached, on the demo workspace with about 1 M contacts
 * (PERCONTACT_BENCH_SCALE, default 1.7 = about 1 M contacts in 12 months). Baseline: the same report
 * as a library call (the use case the endpoint runs), timed in the same run on the same machine.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { report } from '../src/app/report.js';
import { shiftMonth } from '../src/calendar/period.js';
import { createDemoWorkspace } from '../src/demo/demo-workspace.js';
import { buildServer } from '../src/server/server.js';
import { WorkspaceHost } from '../src/server/workspace-host.js';
import type { BenchResult } from './run.js';

const SCALE = Number(process.env.PERCONTACT_BENCH_SCALE ?? 1.7);
const END = '2026-10';
const CONNECTIONS = 50;

export async function run(): Promise<BenchResult[]> {
  const dir = await mkdtemp(join(tmpdir(), 'percontact-bench-server-'));
  try {
    const demo = await createDemoWorkspace({
      dir: join(dir, 'demo'),
      seed: 1,
      months: 12,
      endMonth: END,
      scale: SCALE,
    });
    const request = {
      period: 'month' as const,
      from: shiftMonth(END, -2),
      to: END,
      by: ['channel' as const],
      compare: 'previous' as const,
    };
    const [counted] = await demo.engine.query('SELECT COUNT(*) AS n FROM contacts');
    const contacts = Number(counted?.n);
    await report(demo, request);
    const library = await timeSequential(15, () => report(demo, request).then(() => undefined));
    await demo.close();
    const path = `/api/v1/report?period=month&from=${request.from}&to=${request.to}&by=channel&compare=previous`;

    const uncached = await measured(join(dir, 'demo'), 0, async (url) => ({
      single: await load(() => url + path, 1, 15),
      // Each connection its own URL (the same months, written differently), so no two share a computation.
      distinct: await load((client) => url + distinctPath(request, client), CONNECTIONS, 4),
      // All the same URL, as when every dashboard reloads after an import: computed once per wave.
      loaded: await load(() => url + path, CONNECTIONS, 4),
    }));
    const cached = await measured(join(dir, 'demo'), 500, async (url) => {
      await load(() => url + path, 1, 1);
      return { loaded: await load(() => url + path, CONNECTIONS, 200) };
    });
    const base = quantile(library, 0.5);
    const row = (name: string, latencies: readonly number[], q: number, note: string): BenchResult => ({
      name: `API report, ${name}, p${Math.round(q * 100)}`,
      baselineName: 'library call p50',
      ms: quantile(latencies, q),
      baselineMs: base,
      note: `${contacts.toLocaleString('en-US')} contacts, ${latencies.length} requests; ${note}`,
    });
    const many = `${CONNECTIONS} connections`;
    return [
      row('uncached, 1 connection', uncached.single, 0.5, 'the API around the library call'),
      row(`uncached, ${many}, distinct URLs`, uncached.distinct, 0.5, 'every request computed'),
      row(`uncached, ${many}, distinct URLs`, uncached.distinct, 0.99, 'target p99 < 100 ms'),
      row(`uncached, ${many}, one URL`, uncached.loaded, 0.5, 'identical requests computed once'),
      row(`uncached, ${many}, one URL`, uncached.loaded, 0.99, 'target p99 < 100 ms'),
      row(`cached, ${many}`, cached.loaded, 0.5, 'from the cache'),
      row(`cached, ${many}`, cached.loaded, 0.99, 'target p99 < 100 ms'),
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Starts a local server (no tokens: --local on loopback, rate limit out of the way) and runs `work` against it. */
async function measured<T>(
  workspace: string,
  cacheEntries: number,
  work: (url: string) => Promise<T>,
): Promise<T> {
  const host = await WorkspaceHost.open(workspace);
  const server = await buildServer(host, { local: true, cacheEntries, rateLimitPerMinute: 1_000_000 });
  try {
    return await work(await server.app.listen({ host: '127.0.0.1', port: 0 }));
  } finally {
    await server.close();
    await host.close();
  }
}

/** The overview request with `to` spelled as one of the last month's days: the same months, another URL. */
function distinctPath(r: { from: string; to: string }, client: number): string {
  const day = String(1 + (client % 25)).padStart(2, '0');
  const from = client < 25 ? r.from : `${r.from}-01`;
  return `/api/v1/report?period=month&from=${from}&to=${r.to}-${day}&by=channel&compare=previous`;
}

/** `connections` clients, each sending `perConnection` requests one after another; every latency in ms. */
async function load(
  url: (client: number) => string,
  connections: number,
  perConnection: number,
): Promise<number[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const latencies: number[] = [];
  const client = async (_: unknown, n: number) => {
    for (let i = 0; i < perConnection; i++) {
      const started = process.hrtime.bigint();
      const status = await get(url(n), agent);
      if (status !== 200) throw new Error(`GET ${url(n)}: ${status}`);
      latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  };
  await Promise.all(Array.from({ length: connections }, client));
  agent.destroy();
  return latencies;
}

function get(url: string, agent: Agent): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

async function timeSequential(runs: number, work: () => Promise<void>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    await work();
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return times;
}

function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] as number;
}
