/**
 * Import speed: a generic contacts CSV (10 million rows; PERCONTACT_BENCH_ROWS for quick runs)
 * imported by percontact into a fresh workspace, against the store's own bulk load of the same file
 * into a table, in the same run: DuckDB's `read_csv` for the embedded store, and where their URLs
 * are set (PERCONTACT_TEST_PG_URL, PERCONTACT_TEST_CLICKHOUSE_URL; `scripts/test-servers.sh bench`
 * starts local servers) PostgreSQL's `COPY … FROM STDIN` and ClickHouse's `INSERT … FORMAT
 * CSVWithNames`. Each measurement runs in a child process of its own, so that its peak memory (max
 * RSS, DuckDB included) is its own; baseline and import alternate to share the machine's noise. Peak
 * memory is also measured at a tenth of the size, to show it does not grow with the file.
 */
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Engine } from '../src/engine/engine.js';
import type { StoreConfig } from '../src/engine/open-engine.js';
import type { BenchResult } from './run.js';

interface Measurement {
  ms: number;
  cpuMs: number;
  peakRssMb: number;
}

const SELF = fileURLToPath(import.meta.url);
const WORKER = 'PERCONTACT_BENCH_IMPORT_WORKER';

/** A store to import into: its name, and whether the bench can reach it. */
const STORES = [
  { store: 'duckdb', name: 'DuckDB', baseline: 'DuckDB CREATE TABLE AS read_csv', env: undefined },
  {
    store: 'postgres',
    name: 'PostgreSQL',
    baseline: 'PostgreSQL COPY FROM STDIN (csv)',
    env: 'PERCONTACT_TEST_PG_URL',
  },
  {
    store: 'clickhouse',
    name: 'ClickHouse',
    baseline: 'ClickHouse INSERT FORMAT CSVWithNames',
    env: 'PERCONTACT_TEST_CLICKHOUSE_URL',
  },
] as const;

type Store = (typeof STORES)[number]['store'];

export async function run(): Promise<BenchResult[]> {
  const rows = Number(process.env.PERCONTACT_BENCH_ROWS ?? 10_000_000);
  const dir = await mkdtemp(join(tmpdir(), 'percontact-bench-import-'));
  const results: BenchResult[] = [];
  try {
    const small = join(dir, 'small.csv');
    const large = join(dir, 'contacts.csv');
    await generate(small, Math.max(1000, Math.round(rows / 10)));
    await generate(large, rows);
    for (const { store, name, baseline, env } of STORES) {
      if (env && !process.env[env]) {
        process.stderr.write(
          `  import into ${name}: skipped, set ${env} (scripts/test-servers.sh bench starts local servers)\n`,
        );
        continue;
      }
      results.push(await compareStore(store, name, baseline, { small, large, dir, rows }));
    }
    return results;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function compareStore(
  store: Store,
  name: string,
  baselineName: string,
  files: { small: string; large: string; dir: string; rows: number },
): Promise<BenchResult> {
  const { small, large, dir, rows } = files;
  const smallOurs = await measure(store, 'ours', small, dir);
  const smallBase = await measure(store, 'baseline', small, dir);
  const rounds = rows > 2_000_000 ? 2 : 3;
  const ours: Measurement[] = [];
  const base: Measurement[] = [];
  for (let i = 0; i < rounds; i++) {
    base.push(await measure(store, 'baseline', large, dir));
    ours.push(await measure(store, 'ours', large, dir));
  }
  const best = (list: Measurement[], key: keyof Measurement) => Math.min(...list.map((m) => m[key]));
  const size = (await stat(large)).size / 1e6;
  const note = [
    `${rows.toLocaleString('en-US')} rows, ${size.toFixed(0)} MB`,
    `CPU of this process ${best(ours, 'cpuMs').toFixed(0)} vs ${best(base, 'cpuMs').toFixed(0)} ms`,
    `peak RSS import ${smallOurs.peakRssMb.toFixed(0)} MB at ${(rows / 10).toLocaleString('en-US')} rows → ${best(ours, 'peakRssMb').toFixed(0)} MB`,
    `baseline ${smallBase.peakRssMb.toFixed(0)} → ${best(base, 'peakRssMb').toFixed(0)} MB`,
    `best of ${rounds}`,
  ].join('; ');
  return {
    name: `import generic contacts CSV into ${name}`,
    baselineName,
    ms: best(ours, 'ms'),
    baselineMs: best(base, 'ms'),
    note: `${note}; target ≤ 1.5×`,
  };
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
function measure(store: Store, mode: 'ours' | 'baseline', file: string, dir: string): Promise<Measurement> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', SELF, store, mode, file, dir], {
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
        : reject(new Error(`${store} ${mode} run failed (${code})`)),
    );
  });
}

/** Times only the load itself: modules, the database and the workspace are ready before the clock starts. */
async function worker(store: Store, mode: string, file: string, dir: string): Promise<void> {
  const target = await mkdtemp(join(dir, `${store}-${mode}-`));
  const load =
    mode === 'baseline' ? await BASELINES[store](target, file) : await percontactLoad(store, target, file);
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

/** A namespace of its own on a server, dropped when the measurement ends. */
const namespace = () => `pc_bench_${process.pid}_${Date.now().toString(36)}`;

const BASELINES: Record<Store, (target: string, file: string) => Promise<Load>> = {
  duckdb: duckDbLoad,
  postgres: postgresLoad,
  clickhouse: clickHouseLoad,
};

/** The CSV's columns as the store's own types (what a DBA would declare for a straight load). */
const FILE_COLUMNS = [
  ['id', 'text'],
  ['channel', 'text'],
  ['direction', 'text'],
  ['queue', 'text'],
  ['team', 'text'],
  ['agent', 'text'],
  ['topic', 'text'],
  ['customer', 'text'],
  ['priority', 'text'],
  ['arrived_at', 'timestamp'],
  ['ivr_seconds', 'double'],
  ['wait_seconds', 'double'],
  ['talk_seconds', 'double'],
  ['hold_seconds', 'double'],
  ['wrap_seconds', 'double'],
  ['handle_seconds', 'double'],
  ['outcome', 'text'],
  ['resolved', 'text'],
  ['csat', 'double'],
] as const;

async function postgresLoad(_target: string, file: string): Promise<Load> {
  const pg = (await import('pg')).default;
  const copyStreams = (await import('pg-copy-streams')).default;
  const { createReadStream } = await import('node:fs');
  const { pipeline } = await import('node:stream/promises');
  const client = new pg.Client({ connectionString: process.env.PERCONTACT_TEST_PG_URL });
  await client.connect();
  const schema = namespace();
  const types = { text: 'text', timestamp: 'timestamp', double: 'double precision' };
  await client.query(
    `CREATE SCHEMA ${schema}; CREATE TABLE ${schema}.contacts (${FILE_COLUMNS.map(([n, t]) => `${n} ${types[t]}`).join(', ')})`,
  );
  return async () => {
    const copy = client.query(
      copyStreams.from(`COPY ${schema}.contacts FROM STDIN (FORMAT csv, HEADER true)`),
    );
    await pipeline(createReadStream(file, { highWaterMark: 1 << 20 }), copy);
    return async () => {
      await client.query(`DROP SCHEMA ${schema} CASCADE`);
      await client.end();
    };
  };
}

/** The same MergeTree layout percontact gives contacts: monthly partitions, sorted by channel and time. */
async function clickHouseLoad(_target: string, file: string): Promise<Load> {
  const { createClient } = await import('@clickhouse/client');
  const { createReadStream } = await import('node:fs');
  const client = createClient({
    url: process.env.PERCONTACT_TEST_CLICKHOUSE_URL,
    request_timeout: 3_600_000,
    // Progress headers keep a long load's connection busy (the client warns without them).
    clickhouse_settings: { send_progress_in_http_headers: 1, http_headers_progress_interval_ms: '10000' },
  });
  const database = namespace();
  const types = { text: 'Nullable(String)', timestamp: "DateTime('UTC')", double: 'Nullable(Float64)' };
  await client.command({ query: `CREATE DATABASE ${database}` });
  await client.command({
    query: `CREATE TABLE ${database}.contacts (${FILE_COLUMNS.map(([n, t]) => `${n} ${types[t]}`).join(', ')}) ENGINE = MergeTree() PARTITION BY toYYYYMM(arrived_at) ORDER BY (arrived_at)`,
  });
  return async () => {
    const { stream } = await client.exec({
      query: `INSERT INTO ${database}.contacts FORMAT CSVWithNames`,
      values: createReadStream(file, { highWaterMark: 1 << 20 }),
    });
    stream.resume();
    await new Promise((r, j) => stream.on('end', r).on('error', j));
    return async () => {
      await client.command({ query: `DROP DATABASE ${database}` });
      await client.close();
    };
  };
}

async function duckDbLoad(target: string, file: string): Promise<Load> {
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

/** The workspace's store: the embedded DuckDB file, or a namespace of its own on a server. */
function storeConfig(store: Store): StoreConfig | undefined {
  if (store === 'postgres')
    return { engine: 'postgres', url: process.env.PERCONTACT_TEST_PG_URL as string, database: namespace() };
  if (store === 'clickhouse')
    return {
      engine: 'clickhouse',
      url: process.env.PERCONTACT_TEST_CLICKHOUSE_URL as string,
      database: namespace(),
    };
  return undefined;
}

async function percontactLoad(store: Store, target: string, file: string): Promise<Load> {
  const { defaultConfig } = await import('../src/model/config.js');
  const { initWorkspace } = await import('../src/workspace/workspace.js');
  const { importFiles } = await import('../src/ingest/import-files.js');
  const config = storeConfig(store);
  const workspace = await initWorkspace(join(target, 'ws'), {
    ...defaultConfig('EUR', 'Europe/Berlin'),
    ...(config ? { store: config } : {}),
  });
  const trace = process.env.PERCONTACT_TRACE ? Date.now() : 0;
  const onPhase = (phase: string) =>
    trace && process.stderr.write(`phase ${phase} +${Date.now() - trace} ms\n`);
  return async () => {
    const summary = await importFiles(workspace, { kind: 'contacts', files: [file], onPhase });
    onPhase('done');
    if (summary.rejected > 0 || summary.imported !== summary.read)
      throw new Error(`import incomplete: ${JSON.stringify(summary)}`);
    return async () => {
      if (config) await dropStore(workspace.engine, config);
      await workspace.close();
    };
  };
}

async function dropStore(engine: Engine, config: StoreConfig): Promise<void> {
  const c = engine.dialect.createCompiler();
  const name = c.identifier(config.database as string);
  await engine.execute(
    config.engine === 'postgres' ? `DROP SCHEMA ${name} CASCADE` : `DROP DATABASE ${name}`,
  );
}

if (process.env[WORKER] && process.argv[1] === SELF) {
  const [store, mode, file, dir] = process.argv.slice(2) as [Store, string, string, string];
  await worker(store, mode, file, dir);
}
