import { assertChangeSetId } from '../change-set.js';
import type { ChangeSet, Rows } from '../engine.js';
import type { Expr } from '../query.js';
import type { TableDef } from '../schema.js';
import type { ClickHouseEngine } from './engine.js';
import { layoutOf } from './layout.js';

/**
 * Atomic writes without transactions. Puts and adds go to a staging table per target
 * (`__cs_<id>_put_<t>`); at commit every partition they or the removals touch gets its new content:
 * the put table's own partition where no stored row stays, else a partition rebuilt in a staging
 * table per node (`__cs_<id>_stage_<t>`: the stored rows that stay, then the puts). Then one journal
 * row (the commit point) records the plan, and `REPLACE PARTITION … FROM` swaps each partition in.
 * A failure before the journal row drops the staging tables and leaves the store as it was; a
 * process killed after it is finished by the next open (swapping a partition again is harmless).
 * One change set at a time per database: opening drops staging tables no journal row owns.
 */
const JOURNAL = '__change_sets';
const PREFIX = '__cs_';
const ONE_PARTITION = 'all';

interface PlanEntry {
  /** The node-local table, and the staging table its partitions come from (none: they are dropped). */
  table: string;
  stage: string | null;
  /** Partition expressions as REPLACE PARTITION takes them: numbers, or `tuple()` for the one partition. */
  partitions: string[];
}

export async function runChangeSet<T>(
  engine: ClickHouseEngine,
  id: string,
  work: (changes: ChangeSet) => Promise<T>,
): Promise<T> {
  assertChangeSetId(id);
  // The journal knows each run once, whatever id the caller reuses ("clear", a retried import).
  const run = `${id.slice(0, 50)}_${Date.now().toString(36)}${Math.floor(Math.random() * 36 ** 4).toString(36)}`;
  const { result, plan } = await prepareChangeSet(engine, run, work);
  await publish(engine, run, plan);
  return result;
}

/** Everything up to the commit point: staged puts, rebuilt partitions, the journal row (exported for the crash tests). */
export async function prepareChangeSet<T>(
  engine: ClickHouseEngine,
  id: string,
  work: (changes: ChangeSet) => Promise<T>,
): Promise<{ result: T; plan: PlanEntry[] }> {
  assertChangeSetId(id);
  await recoverChangeSets(engine);
  const targets = new Map<string, Target>();
  const target = (table: TableDef) => {
    const entry = targets.get(table.name) ?? { table, replaces: false, removals: [] };
    targets.set(table.name, entry);
    return entry;
  };
  const stagePut = async (table: TableDef, rows: Rows, replaces: boolean) => {
    const entry = target(table);
    entry.replaces ||= replaces;
    if (!entry.put) {
      entry.put = { ...table, name: `${PREFIX}${id}_put_${table.name}` };
      await engine.createTable(entry.put, layoutOf(table));
    }
    return engine.append(entry.put, rows);
  };
  const changes: ChangeSet = {
    put: (table, rows) => stagePut(table, rows, true),
    add: (table, rows) => stagePut(table, rows, false),
    async remove(table, where) {
      target(table).removals.push(where);
    },
  };
  try {
    const result = await work(changes);
    const plan: PlanEntry[] = [];
    for (const entry of targets.values()) plan.push(...(await stage(engine, id, entry)));
    const c = engine.compiler;
    await engine.coordinator.command(
      `INSERT INTO ${c.identifier(JOURNAL)} (id, state, plan) VALUES (${c.stringLiteral(id)}, 'publish', ${c.stringLiteral(JSON.stringify(plan))})`,
    );
    return { result, plan };
  } catch (error) {
    await dropStaging(engine, `${PREFIX}${id}_`);
    throw error;
  }
}

/** What a change set does to one table: rows staged in `put`, whether they replace stored keys, removals. */
interface Target {
  table: TableDef;
  put?: TableDef;
  replaces: boolean;
  removals: Expr[];
}

/** Finishes change sets whose journal row was written but not their swap, then drops orphaned staging tables. */
export async function recoverChangeSets(engine: ClickHouseEngine): Promise<void> {
  const c = engine.compiler;
  await engine.coordinator.command(
    `CREATE TABLE IF NOT EXISTS ${c.identifier(JOURNAL)} (id String, state String, plan String) ENGINE = MergeTree() ORDER BY id`,
  );
  const { data } = await engine.coordinator.select(
    `SELECT id, any(plan) AS plan FROM ${c.identifier(JOURNAL)} GROUP BY id HAVING countIf(state = 'done') = 0`,
  );
  for (const row of data) await publish(engine, String(row.id), JSON.parse(String(row.plan)) as PlanEntry[]);
  await dropStaging(engine, PREFIX);
}

/**
 * The partitions of a table the change touches, each with where its new content comes from: a
 * partition none of whose stored rows stay is swapped in from the put table directly (a first import
 * costs one load); one with stored rows that stay is rebuilt per node in a staging table.
 */
async function stage(engine: ClickHouseEngine, id: string, entry: Target): Promise<PlanEntry[]> {
  const { table, put } = entry;
  const c = engine.compiler;
  const keyTuple = keyTupleOf(engine, table);
  const gone = [
    ...(put && entry.replaces
      ? [`${keyTuple} GLOBAL IN (SELECT ${keyTuple} FROM ${c.identifier(put.name)})`]
      : []),
    ...entry.removals.map((where) => `ifNull(${c.expr(where)}, 0)`),
  ];
  const goneSql = gone.length > 0 ? `(${gone.join(' OR ')})` : '0';
  const partitionBy = layoutOf(table).partitionBy;
  // 18.16 has no empty tuple: the one partition of an unpartitioned table gets a name (not a
  // constant, which 18.16 refuses to merge from the shards of a Distributed table).
  const partitionOf = partitionBy ? `toString(${partitionBy})` : `materialize('${ONE_PARTITION}')`;
  const inPartitions = (list: Iterable<string>) =>
    partitionBy ? `${partitionBy} IN (${[...list].join(', ')})` : '1';
  const touched = [
    ...(put ? [`SELECT ${partitionOf} AS p FROM ${c.identifier(put.name)}`] : []),
    ...(gone.length > 0
      ? [`SELECT ${partitionOf} AS p FROM ${c.identifier(table.name)} WHERE ${goneSql}`]
      : []),
  ];
  if (touched.length === 0) return [];
  const { data } = await engine.coordinator.select(`SELECT DISTINCT p FROM (${touched.join(' UNION ALL ')})`);
  const partitions = data.map((r) => String(r.p)).sort();
  if (partitions.some((p) => !(/^\d+$/.test(p) || p === ONE_PARTITION)))
    throw new Error(`unexpected partition of ${table.name}`);
  if (partitions.length === 0) return [];
  const asExpr = (p: string) => (p === ONE_PARTITION ? 'tuple()' : p);
  const { data: kept } = await engine.coordinator.select(
    `SELECT ${partitionOf} AS p, count() AS n FROM ${c.identifier(table.name)} WHERE ${inPartitions(partitions)} AND NOT ${goneSql} GROUP BY p`,
  );
  const rebuilt = new Set(kept.filter((r) => Number(r.n) > 0).map((r) => String(r.p)));
  const local = engine.physical(table.name);
  const direct = partitions.filter((p) => !rebuilt.has(p)).map(asExpr);
  const plan: PlanEntry[] = [];
  if (direct.length > 0)
    plan.push({ table: local, stage: put ? engine.physical(put.name) : null, partitions: direct });
  if (rebuilt.size === 0) return plan;
  const stageName = `${PREFIX}${id}_stage_${table.name}`;
  const columns = table.columns.map((col) => c.identifier(col.name)).join(', ');
  const inRebuilt = inPartitions(rebuilt);
  for (const node of engine.nodes) {
    await node.command(`DROP TABLE IF EXISTS ${c.identifier(stageName)}`);
    await node.command(`CREATE TABLE ${c.identifier(stageName)} AS ${c.identifier(local)}`);
    await node.command(
      `INSERT INTO ${c.identifier(stageName)} (${columns}) SELECT ${columns} FROM ${c.identifier(local)} WHERE ${inRebuilt} AND NOT ${goneSql}`,
    );
    if (put)
      await node.command(
        `INSERT INTO ${c.identifier(stageName)} (${columns}) SELECT ${columns} FROM ${c.identifier(engine.physical(put.name))} WHERE ${inRebuilt}`,
      );
  }
  plan.push({ table: local, stage: stageName, partitions: [...rebuilt].map(asExpr) });
  return plan;
}

/**
 * Swaps every rebuilt partition in, unless a staging table is already gone (then the swaps were
 * done and only the clean-up was cut short), drops the staging tables and closes the journal entry.
 */
async function publish(engine: ClickHouseEngine, id: string, plan: readonly PlanEntry[]): Promise<void> {
  const c = engine.compiler;
  const stages = new Set(plan.flatMap((p) => (p.stage ? [p.stage] : [])));
  let complete = true;
  for (const node of engine.nodes) {
    const present = await stagingTables(engine, node, `${PREFIX}${id}_`);
    if ([...stages].some((s) => !present.includes(s))) complete = false;
  }
  if (complete) {
    for (const entry of plan)
      for (const node of engine.nodes) {
        // A partition left empty is dropped: current servers refuse to replace from an empty source.
        const filled = entry.stage ? await filledPartitions(engine, node, entry.stage) : new Set();
        const table = c.identifier(entry.table);
        for (const partition of entry.partitions)
          await node.command(
            filled.has(partition)
              ? `ALTER TABLE ${table} REPLACE PARTITION ${partition} FROM ${c.identifier(entry.stage as string)}`
              : `ALTER TABLE ${table} DROP PARTITION ${partition}`,
          );
      }
  }
  await dropStaging(engine, `${PREFIX}${id}_`);
  await engine.coordinator.command(
    `INSERT INTO ${c.identifier(JOURNAL)} (id, state, plan) VALUES (${c.stringLiteral(id)}, 'done', '')`,
  );
}

/** A row's key as a tuple in which NULL equals NULL (a NULL queue is a key value like any other). */
function keyTupleOf(engine: ClickHouseEngine, table: TableDef): string {
  const c = engine.compiler;
  const parts = table.key.flatMap((k) => {
    const column = table.columns.find((col) => col.name === k);
    const name = c.identifier(k);
    return column?.nullable ? [`isNull(${name})`, `ifNull(toString(${name}), '')`] : [name];
  });
  return `(${parts.join(', ')})`;
}

/** Partitions a node's table holds rows in, as REPLACE PARTITION names them (`tuple()` for the one partition). */
async function filledPartitions(
  engine: ClickHouseEngine,
  node: ClickHouseEngine['nodes'][number],
  table: string,
): Promise<Set<string>> {
  const { data } = await node.select(
    `SELECT DISTINCT partition FROM system.parts WHERE database = currentDatabase() AND table = ${engine.compiler.stringLiteral(table)} AND active`,
  );
  return new Set(data.map((r) => String(r.partition)));
}

async function stagingTables(
  engine: ClickHouseEngine,
  node: ClickHouseEngine['nodes'][number],
  prefix: string,
): Promise<string[]> {
  const c = engine.compiler;
  const { data } = await node.select(
    `SELECT name FROM system.tables WHERE database = currentDatabase() AND substring(name, 1, ${prefix.length}) = ${c.stringLiteral(prefix)}`,
  );
  return data.map((r) => String(r.name));
}

/** Distributed tables first, then the local tables under them. */
async function dropStaging(engine: ClickHouseEngine, prefix: string): Promise<void> {
  for (const node of engine.nodes) {
    const names = await stagingTables(engine, node, prefix);
    const ordered = [
      ...names.filter((n) => !n.endsWith('_local')),
      ...names.filter((n) => n.endsWith('_local')),
    ];
    for (const name of ordered)
      await node.command(`DROP TABLE IF EXISTS ${engine.compiler.identifier(name)}`);
  }
}
