import type { DialectCapabilities } from './dialect.js';
import type { ChangeSet, Engine, Rows } from './engine.js';
import type { Expr } from './query.js';
import type { TableDef } from './schema.js';

/** Change-set ids name staging tables: keep them to identifier characters. */
export function assertChangeSetId(id: string): void {
  if (!/^\w{1,64}$/.test(id))
    throw new Error(`change set id ${JSON.stringify(id)} is not [A-Za-z0-9_]{1,64}`);
}

/** Whether an engine's change sets are transactions (else they swap staged partitions in). */
export function changeSetsAreTransactions(capabilities: DialectCapabilities): boolean {
  return capabilities.transactions && capabilities.syncDelete;
}

/**
 * A change set in one transaction, for engines with transactions and synchronous DELETE: adds are
 * appended at once; removals and puts are applied at the end (removals and the puts' keys deleted,
 * then the puts inserted), all before COMMIT. A table takes either adds or removals in one change set,
 * so that removals only ever meet rows stored before it.
 */
export async function changeSetInTransaction<T>(
  engine: Engine,
  id: string,
  work: (changes: ChangeSet) => Promise<T>,
): Promise<T> {
  assertChangeSetId(id);
  if (!changeSetsAreTransactions(engine.dialect.capabilities))
    throw new Error(
      `${engine.dialect.displayName} needs transactions and DELETE for a change set in one transaction`,
    );
  const c = engine.dialect.createCompiler();
  const removals: { table: TableDef; where: Expr }[] = [];
  const staged = new Map<string, { table: TableDef; stage: TableDef }>();
  const added = new Set<string>();
  const mixed = (table: TableDef) =>
    new Error(`change set ${id} both adds to and removes from ${table.name}`);
  const changes: ChangeSet = {
    async put(table, rows: Rows) {
      let entry = staged.get(table.name);
      if (!entry) {
        entry = { table, stage: { ...table, name: `__cs_${id}_${table.name}` } };
        await engine.execute(c.createTable(entry.stage));
        staged.set(table.name, entry);
      }
      return engine.append(entry.stage, rows);
    },
    async add(table, rows) {
      if (removals.some((r) => r.table.name === table.name)) throw mixed(table);
      added.add(table.name);
      return engine.append(table, rows);
    },
    async remove(table, where) {
      if (added.has(table.name)) throw mixed(table);
      removals.push({ table, where });
    },
  };
  return engine.transaction(async () => {
    const result = await work(changes);
    for (const { table, where } of removals)
      await engine.execute(`DELETE FROM ${c.identifier(table.name)} WHERE ${c.expr(where)}`);
    for (const { table, stage } of staged.values()) {
      const [t, s] = [c.identifier(table.name), c.identifier(stage.name)];
      const sameKey = table.key
        .map((k) => `${t}.${c.identifier(k)} IS NOT DISTINCT FROM ${s}.${c.identifier(k)}`)
        .join(' AND ');
      await engine.execute(`DELETE FROM ${t} WHERE EXISTS (SELECT 1 FROM ${s} WHERE ${sameKey})`);
      const columns = table.columns.map((col) => c.identifier(col.name)).join(', ');
      await engine.execute(`INSERT INTO ${t} (${columns}) SELECT ${columns} FROM ${s}`);
      await engine.execute(`DROP TABLE ${s}`);
    }
    return result;
  });
}
