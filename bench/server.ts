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
    const [row] = await demo.engine.query('SELECT COUNT(*) AS n FROM contacts');
    const contacts = Number(row?.n);
    await report(demo, request);
    const library = await timeSequential(15, () => report(demo, request).then(() => undefined));
    await demo.close();
    const path = `/api/v1/report?period=month&from=${request.from}&to=${request.to}&by=channel&compare=previous`;

    const uncached = await measured(join(dir, 'demo'), 0, async (url) => ({
      single: await load(url + path, 1, 15),
      loaded: await load(url + path, CONNECTIONS, 4),
    }));
    const cached = await measured(join(dir, 'demo'), 500, async (url) => {
      await load(url + path, 1, 1);
      return { single: await load(url + path, 1, 200), loaded: await load(url + path, CONNECTIONS, 200) };
    });
    const base = quantile(library, 0.5);
    const note = (extra: string) => `${contacts.toLocaleString('en-US')} contacts; ${extra}`;
    return [
      {
        name: 'API report, uncached, 1 connection, p50',
        baselineName: 'library call p50',
        ms: quantile(uncached.single, 0.5),
        baselineMs: base,
        note: note('API overhead'),
      },
      {
        name: `API report, uncached, ${CONNECTIONS} connections, p50`,
        baselineName: 'library call p50',
        ms: quantile(uncached.loaded, 0.5),
        baselineMs: base,
        note: note(`${uncached.loaded.length} requests`),
      },
      {
        name: `API report, uncached, ${CONNECTIONS} connections, p99`,
        baselineName: 'library call p50',
        ms: quantile(uncached.loaded, 0.99),
        baselineMs: base,
        note: note('target p99 < 100 ms'),
      },
      {
        name: `API report, cached, ${CONNECTIONS} connections, p50`,
        baselineName: 'library call p50',
        ms: quantile(cached.loaded, 0.5),
        baselineMs: base,
        note: note(`${cached.loaded.length} requests`),
      },
      {
        name: `API report, cached, ${CONNECTIONS} connections, p99`,
        baselineName: 'library call p50',
        ms: quantile(cached.loaded, 0.99),
        baselineMs: base,
        note: note('target p99 < 100 ms'),
      },
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

/** `connections` clients, each sending `perConnection` requests one after another; every latency in ms. */
async function load(url: string, connections: number, perConnection: number): Promise<number[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const latencies: number[] = [];
  const client = async () => {
    for (let i = 0; i < perConnection; i++) {
      const started = process.hrtime.bigint();
      const status = await get(url, agent);
      if (status !== 200) throw new Error(`GET ${url}: ${status}`);
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
