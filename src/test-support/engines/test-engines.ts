import { randomBytes } from 'node:crypto';
import { BASELINE_ABILITIES, ClickHouseEngine } from '../../engine/clickhouse/engine.js';
import { DuckDbEngine } from '../../engine/duckdb/engine.js';
import { PostgresEngine } from '../../engine/postgres/engine.js';
import type { TestEngine } from './describe-engine.js';

/**
 * The server suites and the environment variables that enable them (`npm run test:servers` starts
 * local servers and sets them; `.ci/run` does the same).
 */
export const SERVER_SUITES = [
  {
    name: 'PostgreSQL',
    env: 'PERCONTACT_TEST_PG_URL',
    example: 'postgres://postgres@127.0.0.1:55432/postgres',
  },
  { name: 'ClickHouse server', env: 'PERCONTACT_TEST_CLICKHOUSE_URL', example: 'http://127.0.0.1:18123' },
  {
    name: 'ClickHouse 2-shard cluster',
    env: 'PERCONTACT_TEST_CLICKHOUSE_CLUSTER',
    example: 'two_shards@http://127.0.0.1:18124,http://127.0.0.1:18125',
  },
] as const;

export type ServerEnv = (typeof SERVER_SUITES)[number]['env'];

export function serverUrl(env: ServerEnv): string | undefined {
  return process.env[env] || undefined;
}

const namespace = () => `pc_test_${randomBytes(5).toString('hex')}`;

export async function openDuckDb(): Promise<TestEngine> {
  const engine = await DuckDbEngine.open(':memory:');
  return { engine, drop: () => engine.close() };
}

export async function openPostgres(url: string): Promise<TestEngine> {
  const schema = namespace();
  const engine = await PostgresEngine.open({ url, schema });
  return {
    engine,
    store: { engine: 'postgres', url, database: schema },
    async drop() {
      await engine.execute(`DROP SCHEMA "${schema}" CASCADE`);
      await engine.close();
    },
  };
}

function dropping(engine: ClickHouseEngine, urls?: readonly string[]): TestEngine {
  const { database, cluster } = engine;
  return {
    engine,
    ...(urls
      ? { store: { engine: 'clickhouse', url: urls.join(','), database, ...(cluster ? { cluster } : {}) } }
      : {}),
    async drop() {
      for (const node of engine.nodes) await node.command(`DROP DATABASE IF EXISTS \`${engine.database}\``);
      await engine.close();
    },
  };
}

/** Embedded current ClickHouse; `baseline` limits it to what 18.16 can do, so it runs 18.16's SQL. */
export async function openChdb(baseline: boolean): Promise<TestEngine> {
  return dropping(
    await ClickHouseEngine.openEmbedded(namespace(), baseline ? BASELINE_ABILITIES : undefined),
  );
}

export async function openClickHouse(url: string): Promise<TestEngine> {
  return dropping(await ClickHouseEngine.open({ urls: [url], database: namespace() }), [url]);
}

/** `CLUSTER@URL,URL…`: the cluster's name in remote_servers and every shard's HTTP URL. */
export async function openClickHouseCluster(spec: string): Promise<TestEngine> {
  const [cluster, urls] = spec.split('@');
  if (!cluster || !urls)
    throw new Error(`PERCONTACT_TEST_CLICKHOUSE_CLUSTER: expected CLUSTER@URL,URL, got ${spec}`);
  const list = urls.split(',');
  return dropping(await ClickHouseEngine.open({ urls: list, database: namespace(), cluster }), list);
}
