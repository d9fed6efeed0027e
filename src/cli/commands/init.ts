import type { Command } from 'commander';
import { io } from '../io.js';

interface InitFlags {
  currency: string;
  timezone: string;
  engine: string;
  url?: string;
  database?: string;
  cluster?: string;
}

export function registerInit(program: Command): void {
  program
    .command('init')
    .description(
      'create an empty workspace: DIR/percontact.yaml and its store (the DuckDB file, or a server)',
    )
    .argument('<dir>', 'folder for the new workspace (must be new or empty)')
    .option('--currency <code>', 'reporting currency (ISO 4217)', 'EUR')
    .option('--timezone <tz>', 'IANA time zone reports bucket in', 'Europe/Berlin')
    .option(
      '--engine <engine>',
      'where the data lives: duckdb (a file in DIR), postgres or clickhouse',
      'duckdb',
    )
    .option(
      '--url <url>',
      'server URL (clickhouse with --cluster: every shard, comma-separated); password from PERCONTACT_DB_PASSWORD',
    )
    .option('--database <name>', 'clickhouse database (default percontact) or postgres schema')
    .option(
      '--cluster <name>',
      'clickhouse cluster (remote_servers): tables on every shard behind Distributed tables',
    )
    .action(async (dir: string, opts: InitFlags) => {
      const { assertCurrencyCode } = await import('../../money/currency.js');
      const { assertTimeZone } = await import('../../calendar/time-zone.js');
      const { defaultConfig } = await import('../../model/config.js');
      const { initWorkspace } = await import('../../workspace/workspace.js');
      const { checkStoreConfig, ENGINE_KINDS } = await import('../../engine/open-engine.js');
      const { UserError } = await import('../../errors.js');
      const engine = ENGINE_KINDS.find((kind) => kind === opts.engine);
      if (!engine)
        throw new UserError('USAGE', `--engine: one of ${ENGINE_KINDS.join(', ')}`, {
          parameter: 'engine',
          value: opts.engine,
        });
      const config = defaultConfig(assertCurrencyCode(opts.currency), assertTimeZone(opts.timezone));
      if (engine !== 'duckdb' || opts.url || opts.database || opts.cluster) {
        const store = { engine, url: opts.url, database: opts.database, cluster: opts.cluster };
        config.store = Object.fromEntries(
          Object.entries(store).filter(([, v]) => v !== undefined),
        ) as typeof config.store;
        checkStoreConfig(config.store as NonNullable<typeof config.store>);
      }
      const workspace = await initWorkspace(dir, config);
      await workspace.close();
      const where =
        config.store && config.store.engine !== 'duckdb'
          ? `, ${config.store.engine} at ${config.store.url}`
          : '';
      io.out(`created workspace ${dir} (${config.currency}, ${config.timezone}${where})\n`);
    });
}
