import { UserError } from '../errors.js';
import { ClickHouseEngine } from './clickhouse/engine.js';
import { DuckDbEngine } from './duckdb/engine.js';
import type { Engine } from './engine.js';
import { PostgresEngine } from './postgres/engine.js';

export const ENGINE_KINDS = ['duckdb', 'postgres', 'clickhouse'] as const;
export type EngineKind = (typeof ENGINE_KINDS)[number];

/** Where a workspace's data lives (percontact.yaml `store`); absent: the DuckDB file in the workspace. */
export interface StoreConfig {
  engine: EngineKind;
  /** postgres://host:port/db, or http://host:8123 (with `cluster`: every shard's URL, comma-separated). */
  url?: string;
  /** ClickHouse: the database; PostgreSQL: the schema (default: the search path's). */
  database?: string;
  /** ClickHouse: a cluster in the servers' remote_servers. */
  cluster?: string;
}

/** The password comes from the environment only, never from percontact.yaml. */
export const PASSWORD_ENV = 'PERCONTACT_DB_PASSWORD';

export const DEFAULT_CLICKHOUSE_DATABASE = 'percontact';

/** Refuses a store configuration that cannot work, naming the parameter at fault. */
export function checkStoreConfig(store: StoreConfig): void {
  if (store.engine === 'duckdb') {
    for (const key of ['url', 'database', 'cluster'] as const)
      if (store[key] !== undefined)
        throw new UserError('USAGE', `${key} applies to postgres and clickhouse stores only`, {
          parameter: key,
        });
    return;
  }
  if (!store.url) throw new UserError('USAGE', `a ${store.engine} store needs a URL`, { parameter: 'url' });
  const urls = store.url.split(',');
  for (const text of urls) {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      throw new UserError('USAGE', `not a URL: ${text}`, { parameter: 'url', value: text });
    }
    if (url.password)
      throw new UserError('USAGE', `the URL must not carry a password: set ${PASSWORD_ENV} instead`, {
        parameter: 'url',
      });
    const protocols = store.engine === 'postgres' ? ['postgres:', 'postgresql:'] : ['http:', 'https:'];
    if (!protocols.includes(url.protocol))
      throw new UserError('USAGE', `a ${store.engine} URL starts with ${protocols.join(' or ')}//`, {
        parameter: 'url',
        value: text,
      });
  }
  if (store.cluster !== undefined && store.engine !== 'clickhouse')
    throw new UserError('USAGE', 'cluster applies to clickhouse stores only', { parameter: 'cluster' });
  if (urls.length > 1 && store.cluster === undefined)
    throw new UserError('USAGE', 'several URLs need a cluster name', { parameter: 'cluster' });
}

/**
 * Opens (and does not migrate) the store a workspace names; `duckDbFile` when it names none.
 * `readOnly` opens the DuckDB file beside other readers; server stores serve many clients anyway.
 */
export async function openEngine(
  store: StoreConfig | undefined,
  duckDbFile: string,
  options: { readOnly?: boolean } = {},
  env: NodeJS.ProcessEnv = process.env,
): Promise<Engine> {
  if (!store || store.engine === 'duckdb') return DuckDbEngine.open(duckDbFile, options);
  checkStoreConfig(store);
  const password = env[PASSWORD_ENV] ? { password: env[PASSWORD_ENV] } : {};
  const url = store.url as string;
  try {
    if (store.engine === 'postgres')
      return await PostgresEngine.open({
        url,
        ...password,
        ...(store.database ? { schema: store.database } : {}),
      });
    return await ClickHouseEngine.open({
      urls: url.split(','),
      database: store.database ?? DEFAULT_CLICKHOUSE_DATABASE,
      ...(store.cluster ? { cluster: store.cluster } : {}),
      ...password,
    });
  } catch (error) {
    const reason = (error as Error).message.split('\n')[0];
    throw new UserError('CONFIG_INVALID', `cannot open the ${store.engine} store at ${url}: ${reason}`, {
      parameter: 'url',
      value: url,
    });
  }
}
