/**
 * Import speed: a generic contacts CSV (10 million rows; PERCONTACT_BENCH_ROWS for quick runs)
 * imported by percontact into a fresh workspace, against DuckDB's own `read_csv` into a table of the
 * same file, in the same run. Each measurement runs in a child process of its own, so that its peak
 * memory (max RSS, DuckDB included) is its own; baseline and import alternate to share the machine's
 * noise. Peak memory is also measured at a tenth of the size, to show it does not grow with the file.
 */
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchResult } from './run.js';

interface Measurement {
  ms: number;
  cpuMs: number;
  peakRssMb: number;
}

const SELF = fileURLToPath(import.meta.url);
const WORKER = 'PERCONTACT_BENCH_IMPORT_WORKER';

export async function run(): Promise<BenchResult[]> {
  const rows = Number(process.env.PERCONTACT_BENCH_ROWS ?? 10_000_000);
  const dir = await mkdtemp(join(tmpdir(), 'percontact-bench-import-'));
  try {
    const small = join(dir, 'small.csv');
    const large = join(dir, 'contacts.csv');
    await generate(small, Math.max(1000, Math.round(rows / 10)));
    await generate(large, rows);
    const smallOurs = await measure('ours', small, dir);
    const smallBase = await measure('duckdb', small, dir);
    const rounds = rows > 2_000_000 ? 2 : 3;
    const ours: Measurement[] = [];
    const base: Measurement[] = [];
    for (let i = 0; i < rounds; i++) {
      base.push(await measure('duckdb', large, dir));
      ours.push(await measure('ours', large, dir));
    }
    const best = (list: Measurement[], key: keyof Measurement) => Math.min(...list.map((m) => m[key]));
    const size = (await stat(large)).size / 1e6;
    const note = [
      `${rows.toLocaleString('en-US')} rows, ${size.toFixed(0)} MB`,
      `CPU ${best(ours, 'cpuMs').toFixed(0)} vs ${best(base, 'cpuMs').toFixed(0)} ms (${(best(ours, 'cpuMs') / best(base, 'cpuMs')).toFixed(2)}×)`,
      `peak RSS import ${smallOurs.peakRssMb.toFixed(0)} MB at ${(rows / 10).toLocaleString('en-US')} rows → ${best(ours, 'peakRssMb').toFixed(0)} MB`,
      `DuckDB ${smallBase.peakRssMb.toFixed(0)} → ${best(base, 'peakRssMb').toFixed(0)} MB`,
      `best of ${rounds}`,
    ].join('; ');
    return [
      {
        name: 'import generic contacts CSV',
        baselineName: 'DuckDB CREATE TABLE AS read_csv',
        ms: best(ours, 'ms'),
        baselineMs: best(base, 'ms'),
        note,
      },
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The canonical columns with realistic values: about 100 bytes a row. */
async function generate(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  out.write(
    'id,channel,direction,queue,team,agent,topic,customer,priority,arrived_at,ivr_seconds,wait_seconds,talk_seconds,hold_seconds,wrap_seconds,handle_seconds,outcome,resolved,csat\n',
  );
  const channels = ['voice', 'email', 'chat'];
  const outcomes = ['handled', 'handled', 'handled', 'abandoned', 'self_served'];
  const start = Date.UTC(2026, 0, 1);
  let chunk = '';
  for (let i = 0; i < rows; i++) {
    const outcome = outcomes[i % 5] as string;
    const handled = outcome === 'handled';
    const at = new Date(start + i * 3000).toISOString().slice(0, 19).replace('T', ' ');
    const agentTimes = handled ? `${60 + (i % 600)},${i % 30},${i % 45}` : ',,';
    const quality = handled ? `true,${((i % 5) / 4).toFixed(2)}` : ',';
    chunk += `C${i},${channels[i % 3]},inbound,q${i % 7},t${i % 4},a${i % 97},topic${i % 11},cust${i % 50000},${i % 3},${at},${i % 30},${i % 120},${agentTimes},,${outcome},${quality}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
      chunk = '';
    }
  }
  out.end(chunk);
  await new Promise<void>((r) => out.once('finish', () => r()));
}

/** Runs one measurement in a fresh process (this file, as a worker) and reads its figures. */
function measure(mode: 'ours' | 'duckdb', file: string, dir: string): Promise<Measurement> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', SELF, mode, file, dir], {
      env: { ...process.env, [WORKER]: '1' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.on('exit', (code) =>
      code === 0
        ? resolve(JSON.parse(out) as Measurement)
        : reject(new Error(`${mode} run failed (${code})`)),
    );
  });
}

/** Times only the load itself: modules, the database and the workspace are ready before the clock starts. */
async function worker(mode: string, file: string, dir: string): Promise<void> {
  const target = await mkdtemp(join(dir, `${mode}-`));
  const load = mode === 'duckdb' ? await baselineLoad(target, file) : await percontactLoad(target, file);
  const cpu = process.cpuUsage();
  const started = performance.now();
  const finish = await load();
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  await finish();
  const measurement: Measurement = {
    ms,
    cpuMs: (used.user + used.system) / 1000,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
  process.stdout.write(JSON.stringify(measurement));
  await rm(target, { recursive: true, force: true });
}

type Load = () => Promise<() => Promise<void>>;

async function baselineLoad(target: string, file: string): Promise<Load> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(join(target, 'baseline.duckdb'));
  const connection = await instance.connect();
  return async () => {
    await connection.run(`CREATE TABLE contacts AS SELECT * FROM read_csv('${file.replaceAll("'", "''")}')`);
    return async () => {
      connection.closeSync();
      instance.closeSync();
    };
  };
}

async function percontactLoad(target: string, file: string): Promise<Load> {
  const { defaultConfig } = await import('../src/model/config.js');
  const { initWorkspace } = await import('../src/workspace/workspace.js');
  const { importFiles } = await import('../src/ingest/import-files.js');
  const workspace = await initWorkspace(join(target, 'ws'), defaultConfig('EUR', 'Europe/Berlin'));
  const trace = process.env.PERCONTACT_TRACE ? Date.now() : 0;
  const onPhase = (phase: string) =>
    trace && process.stderr.write(`phase ${phase} +${Date.now() - trace} ms\n`);
  return async () => {
    const summary = await importFiles(workspace, { kind: 'contacts', files: [file], onPhase });
    onPhase('done');
    if (summary.rejected > 0 || summary.imported !== summary.read)
      throw new Error(`import incomplete: ${JSON.stringify(summary)}`);
    return () => workspace.close();
  };
}

if (process.env[WORKER] && process.argv[1] === SELF) {
  const [mode, file, dir] = process.argv.slice(2) as [string, string, string];
  await worker(mode, file, dir);
}
