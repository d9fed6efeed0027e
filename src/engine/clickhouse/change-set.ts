import { assertChangeSetId } from '../change-set.js';
import type { ChangeSet } from '../engine.js';
import type { Expr } from '../query.js';
import type { TableDef } from '../schema.js';
import type { ClickHouseEngine } from './engine.js';
import { layoutOf } from './layout.js';

/**
 * Atomic writes without transactions. Puts go to a staging table per target (`__cs_<id>_put_<t>`);
 * at commit every partition they or the removals touch is rebuilt in a staging table per node
 * (`__cs_<id>_stage_<t>`: the stored rows that stay, then the puts). Then one journal row (the
 * commit point) records the plan, and `REPLACE PARTITION … FROM` swaps each rebuilt partition in.
 * A failure before the journal row drops the staging tables and leaves the store as it was; a
 * process killed after it is finished by the next open (swapping a partition again is harmless).
 * One change set at a time per database: opening drops staging tables no journal row owns.
 */
const JOURNAL = '__change_sets';
const PREFIX = '__cs_';

interface PlanEntry {
  /** The node-local table and its rebuilt partitions' staging table. */
  table: string;
  stage: string;
  /** Partition expressions as REPLACE PARTITION takes them: numbers, or `tuple()` for the one partition. */
  partitions: string[];
}

export async function runChangeSet<T>(
  engine: ClickHouseEngine,
  id: string,
  work: (changes: ChangeSet) => Promise<T>,
): Promise<T> {
  const { result, plan } = await prepareChangeSet(engine, id, work);
  await publish(engine, id, plan);
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
  const targets = new Map<string, { table: TableDef; put?: TableDef; removals: Expr[] }>();
  const target = (table: TableDef) => {
    const entry = targets.get(table.name) ?? { table, removals: [] };
    targets.set(table.name, entry);
    return entry;
  };
  const changes: ChangeSet = {
    async put(table, rows) {
      const entry = target(table);
      if (!entry.put) {
        entry.put = { ...table, name: `${PREFIX}${id}_put_${table.name}` };
        await engine.createTable(entry.put, layoutOf(table));
      }
      return engine.append(entry.put, rows);
    },
    async remove(table, where) {
      target(table).removals.push(where);
    },
  };
  try {
    const result = await work(changes);
    const plan: PlanEntry[] = [];
    for (const entry of targets.values()) {
      const staged = await stage(engine, id, entry.table, entry.put, entry.removals);
      if (staged) plan.push(staged);
    }
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

/** Rebuilds the partitions of `table` that the change touches on every node; null when it touches none. */
async function stage(
  engine: ClickHouseEngine,
  id: string,
  table: TableDef,
  put: TableDef | undefined,
  removals: readonly Expr[],
): Promise<PlanEntry | null> {
  const c = engine.compiler;
  const keyTuple = `(${table.key
    .flatMap((k) => {
      const column = table.columns.find((col) => col.name === k);
      const name = c.identifier(k);
      return column?.nullable ? [`isNull(${name})`, `ifNull(toString(${name}), '')`] : [name];
    })
    .join(', ')})`;
  const gone = [
    ...(put ? [`${keyTuple} GLOBAL IN (SELECT ${keyTuple} FROM ${c.identifier(put.name)})`] : []),
    ...removals.map((where) => `ifNull(${c.expr(where)}, 0)`),
  ];
  const partitionBy = layoutOf(table).partitionBy;
  let partitions = ['tuple()'];
  if (partitionBy) {
    const touched = [
      ...(put ? [`SELECT toString(${partitionBy}) AS p FROM ${c.identifier(put.name)}`] : []),
      `SELECT toString(${partitionBy}) AS p FROM ${c.identifier(table.name)} WHERE ${gone.join(' OR ')}`,
    ];
    const { data } = await engine.coordinator.select(
      `SELECT DISTINCT p FROM (${touched.join(' UNION ALL ')})`,
    );
    partitions = data.map((r) => String(r.p)).sort();
    if (partitions.some((p) => !/^\d+$/.test(p))) throw new Error(`unexpected partition of ${table.name}`);
    if (partitions.length === 0) return null;
  }
  const local = c.identifier(engine.physical(table.name));
  const stageName = `${PREFIX}${id}_stage_${table.name}`;
  const columns = table.columns.map((col) => c.identifier(col.name)).join(', ');
  const inPartitions = partitionBy ? `${partitionBy} IN (${partitions.join(', ')}) AND ` : '';
  for (const node of engine.nodes) {
    await node.command(`DROP TABLE IF EXISTS ${c.identifier(stageName)}`);
    await node.command(`CREATE TABLE ${c.identifier(stageName)} AS ${local}`);
    await node.command(
      `INSERT INTO ${c.identifier(stageName)} (${columns}) SELECT ${columns} FROM ${local} WHERE ${inPartitions}NOT (${gone.join(' OR ')})`,
    );
    if (put)
      await node.command(
        `INSERT INTO ${c.identifier(stageName)} (${columns}) SELECT ${columns} FROM ${c.identifier(engine.physical(put.name))}`,
      );
  }
  return { table: engine.physical(table.name), stage: stageName, partitions };
}

/**
 * Swaps every rebuilt partition in, unless a staging table is already gone (then the swaps were
 * done and only the clean-up was cut short), drops the staging tables and closes the journal entry.
 */
async function publish(engine: ClickHouseEngine, id: string, plan: readonly PlanEntry[]): Promise<void> {
  const c = engine.compiler;
  const stages = new Set(plan.map((p) => p.stage));
  let complete = true;
  for (const node of engine.nodes) {
    const present = await stagingTables(engine, node, `${PREFIX}${id}_stage_`);
    if ([...stages].some((s) => !present.includes(s))) complete = false;
  }
  if (complete) {
    for (const entry of plan)
      for (const node of engine.nodes) {
        // A partition left empty is dropped: current servers refuse to replace from an empty source.
        const { data } = await node.select(
          `SELECT DISTINCT partition FROM system.parts WHERE database = currentDatabase() AND table = ${c.stringLiteral(entry.stage)} AND active`,
        );
        const filled = new Set(data.map((r) => String(r.partition)));
        const table = c.identifier(entry.table);
        for (const partition of entry.partitions)
          await node.command(
            filled.has(partition)
              ? `ALTER TABLE ${table} REPLACE PARTITION ${partition} FROM ${c.identifier(entry.stage)}`
              : `ALTER TABLE ${table} DROP PARTITION ${partition}`,
          );
      }
  }
  await dropStaging(engine, `${PREFIX}${id}_`);
  await engine.coordinator.command(
    `INSERT INTO ${c.identifier(JOURNAL)} (id, state, plan) VALUES (${c.stringLiteral(id)}, 'done', '')`,
  );
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
