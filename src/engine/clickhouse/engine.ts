import {
  type BulkCsv,
  type ChangeSet,
  type Engine,
  isBulkCsv,
  isSelectedRows,
  type ResultRow,
  type ResultTypes,
  type Rows,
  type Staging,
} from '../engine.js';
import { runMigrations } from '../migrate.js';
import type { MigrationStep } from '../migrations/migration.js';
import type { Expr } from '../query.js';
import type { ColumnType, SqlValue, TableDef } from '../schema.js';
import { inMemoryStaging } from '../staging.js';
import { BASELINE_ABILITIES, type ClickHouseAbilities, probeAbilities } from './abilities.js';
import { recoverChangeSets, runChangeSet } from './change-set.js';
import { type ClickHouseCompiler, clickHouseDialect } from './dialect.js';
import { layoutOf, type TableLayout } from './layout.js';
import { type ClickHouseNode, chdbNode, httpNode } from './transport.js';

export interface ClickHouseOptions {
  /** One server's URL, or with `cluster` the URL of every shard's server (the first coordinates). */
  urls: readonly string[];
  database: string;
  /** A cluster in the servers' `remote_servers`: tables are local on every shard, read and written through Distributed tables. */
  cluster?: string;
  /** Used where a URL carries none. */
  password?: string;
  /** Use at most these abilities (e.g. to run the SQL an older server gets); default: probe the server. */
  abilities?: ClickHouseAbilities;
}

/**
 * ClickHouse over HTTP (one server or a cluster's shards) or embedded (chdb). No transactions:
 * migrations are idempotent steps, and change sets build partitions in staging tables and swap them
 * in (change-set.ts).
 */
export class ClickHouseEngine implements Engine {
  readonly dialect;
  readonly compiler: ClickHouseCompiler;

  private constructor(
    /** Every node the tables live on; the first runs queries and holds the change-set journal. */
    readonly nodes: readonly ClickHouseNode[],
    readonly database: string,
    readonly cluster: string | undefined,
    abilities: ClickHouseAbilities,
  ) {
    this.dialect = clickHouseDialect(abilities, cluster !== undefined);
    this.compiler = this.dialect.createCompiler() as ClickHouseCompiler;
  }

  static async open(options: ClickHouseOptions): Promise<ClickHouseEngine> {
    if (options.urls.length === 0) throw new Error('ClickHouse needs a URL');
    if (options.urls.length > 1 && !options.cluster)
      throw new Error('several ClickHouse URLs need a cluster name');
    for (const url of options.urls) {
      const server = httpNode({ url, database: 'default', ...passwordOf(options) });
      try {
        await server.command(
          `CREATE DATABASE IF NOT EXISTS \`${options.database.replace(/[\\`]/g, '\\$&')}\``,
        );
      } finally {
        await server.close();
      }
    }
    // On a cluster, writes through a Distributed table reach the shards before the INSERT returns,
    // and a JOIN subquery over a Distributed table reads each shard's own rows.
    const settings = options.cluster
      ? { insert_distributed_sync: 1, distributed_product_mode: 'local' }
      : undefined;
    const nodes = options.urls.map((url) =>
      httpNode({
        url,
        database: options.database,
        ...passwordOf(options),
        ...(settings ? { settings } : {}),
      }),
    );
    return ClickHouseEngine.start(nodes, options.database, options.cluster, options.abilities);
  }

  /** Current ClickHouse in this process (chdb): one database in a temporary folder. */
  static async openEmbedded(database: string, abilities?: ClickHouseAbilities): Promise<ClickHouseEngine> {
    return ClickHouseEngine.start([await chdbNode(database)], database, undefined, abilities);
  }

  private static async start(
    nodes: ClickHouseNode[],
    database: string,
    cluster: string | undefined,
    limit: ClickHouseAbilities | undefined,
  ): Promise<ClickHouseEngine> {
    const coordinator = nodes[0] as ClickHouseNode;
    const probed = await probeAbilities(
      async (sql) => (await coordinator.select(sql)).data as Record<string, unknown>[],
    );
    const abilities = limit
      ? (Object.fromEntries(
          Object.entries(probed).map(([k, v]) => [k, v && limit[k as keyof ClickHouseAbilities]]),
        ) as unknown as ClickHouseAbilities)
      : probed;
    const engine = new ClickHouseEngine(nodes, database, cluster, abilities);
    await recoverChangeSets(engine);
    return engine;
  }

  get coordinator(): ClickHouseNode {
    return this.nodes[0] as ClickHouseNode;
  }

  /** The table a node stores rows in: on a cluster each shard's local table under the Distributed one. */
  physical(name: string): string {
    return this.cluster ? `${name}_local` : name;
  }

  migrate(): Promise<number> {
    return runMigrations(this);
  }

  async applySchemaStep(step: MigrationStep): Promise<void> {
    if (step.kind === 'createTable') return this.createTable(step.table, layoutOf(step.table));
    const c = this.compiler;
    for (const node of this.nodes) {
      for (const table of this.cluster ? [this.physical(step.table), step.table] : [step.table]) {
        const { data } = await node.select(
          `SELECT count() AS n FROM system.columns WHERE database = currentDatabase() AND table = ${c.stringLiteral(table)} AND name = ${c.stringLiteral(step.column.name)}`,
        );
        if (Number(data[0]?.n) === 0) await node.command(c.addColumn(table, step.column, step.default));
      }
    }
  }

  /** A table on every node (with the layout given: a staging table takes its target's). */
  async createTable(table: TableDef, layout: TableLayout): Promise<void> {
    const c = this.compiler;
    for (const node of this.nodes) {
      await node.command(c.createTable({ ...table, name: this.physical(table.name) }, layout));
      if (this.cluster)
        await node.command(
          c.createDistributed(table, this.cluster, this.database, this.physical(table.name), layout),
        );
    }
  }

  async query(sql: string, types?: ResultTypes): Promise<ResultRow[]> {
    const { meta, data } = await this.coordinator.select(sql);
    return data.map((raw) => {
      const row: ResultRow = {};
      for (const { name, type } of meta) row[name] = fromClickHouse(type, raw[name], types?.[name]);
      return row;
    });
  }

  execute(sql: string): Promise<void> {
    return this.coordinator.command(sql);
  }

  /**
   * Through the Distributed table on a cluster: a bulk CSV file as its bytes (`FORMAT CSV`), rows as
   * values in JSONEachRow INSERTs of INSERT_ROWS rows each.
   */
  async append(table: TableDef, rows: Rows): Promise<number> {
    const c = this.compiler;
    const names = table.columns.map((col) => col.name);
    const into = `INSERT INTO ${c.identifier(table.name)} (${names.map((n) => c.identifier(n)).join(', ')})`;
    if (isBulkCsv(rows)) {
      await this.coordinator.insertFile(`${into} FORMAT CSV`, rows.bulkCsv);
      return rows.rows;
    }
    if (isSelectedRows(rows)) {
      const [counted] = await this.query(`SELECT count() AS n FROM (${rows.select})`);
      await this.coordinator.command(`${into} SELECT * FROM (${rows.select})`);
      return Number(counted?.n ?? 0);
    }
    const encoders = table.columns.map((col) => this.encoder(col.type));
    const head = `${into} FORMAT JSONEachRow\n`;
    let lines: string[] = [];
    let count = 0;
    const flush = async () => {
      if (lines.length > 0) await this.coordinator.command(head + lines.join('\n'));
      lines = [];
    };
    for await (const row of rows) {
      const object: Record<string, unknown> = {};
      names.forEach((name, j) => {
        const value = row[j] ?? null;
        object[name] = value === null ? null : (encoders[j] as Encoder)(value);
      });
      lines.push(JSON.stringify(object));
      count++;
      if (lines.length === INSERT_ROWS) await flush();
    }
    await flush();
    return count;
  }

  private encoder(type: ColumnType): Encoder {
    const subsecond = this.dialect.capabilities.subsecondInstants;
    switch (type) {
      case 'boolean':
        return (v) => (v ? 1 : 0);
      case 'double':
      case 'integer':
        return (v) => Number(v);
      case 'timestamp':
        // Stored to the second where the server has no DateTime64.
        return (v) => {
          const text = (v as Date).toISOString().replace('T', ' ').replace('Z', '');
          return subsecond ? text : text.slice(0, 19);
        };
      default:
        return (v) => String(v);
    }
  }

  /** The server writes the bulk form itself: CSV quotes every text, NULL is `\N`, booleans are 0/1. */
  async exportCsv(table: TableDef, where: Expr | undefined, path: string): Promise<BulkCsv> {
    const c = this.compiler;
    const columns = table.columns.map((col) => c.identifier(col.name)).join(', ');
    const from = `FROM ${c.identifier(table.name)}${where ? ` WHERE ${c.expr(where)}` : ''}`;
    const [counted] = await this.query(`SELECT count() AS n ${from}`);
    await this.coordinator.selectToFile(`SELECT ${columns} ${from} FORMAT CSV`, path);
    return { bulkCsv: path, rows: Number(counted?.n ?? 0) };
  }

  stagingEngine(): Promise<Staging> {
    return inMemoryStaging();
  }

  /** No transactions: the work runs as is (callers that need atomic writes use changeSet). */
  transaction<T>(work: () => Promise<T>): Promise<T> {
    return work();
  }

  changeSet<T>(id: string, work: (changes: ChangeSet) => Promise<T>): Promise<T> {
    return runChangeSet(this, id, work);
  }

  progress(): number | null {
    return null;
  }

  async close(): Promise<void> {
    for (const node of this.nodes) await node.close();
  }
}

type Encoder = (value: Exclude<SqlValue, null>) => unknown;

const INSERT_ROWS = 50_000;

function passwordOf(options: ClickHouseOptions): { password?: string } {
  return options.password ? { password: options.password } : {};
}

/** A JSON value of a ClickHouse type as ResultRow promises it (64-bit integers arrive as text). */
function fromClickHouse(type: string, value: unknown, as: ColumnType | undefined): ResultRow[string] {
  if (value === null || value === undefined) return null;
  const base = type.replace(/^(Nullable|LowCardinality)\((.*)\)$/, '$2');
  if (as === 'boolean' || base === 'Bool') return typeof value === 'boolean' ? value : Number(value) !== 0;
  if (/^(U?Int|Float|Decimal)/.test(base)) return Number(value);
  // Our DateTime columns and literals are all in UTC.
  // The zero instant and date (the epoch) print as zeros.
  if (base.startsWith('DateTime'))
    return String(value).startsWith('0000-') ? new Date(0) : new Date(`${String(value).replace(' ', 'T')}Z`);
  if (base === 'Date' && value === '0000-00-00') return '1970-01-01';
  return String(value);
}

export { BASELINE_ABILITIES };
