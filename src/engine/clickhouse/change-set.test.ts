import { describe, expect, it } from 'vitest';
import { storedContact } from '../../test-support/engines/rows.js';
import { CONTACTS_TABLE } from '../schema.js';
import { prepareChangeSet } from './change-set.js';
import { ClickHouseEngine } from './engine.js';
import { layoutOf } from './layout.js';

/*
 * A process killed while publishing a change set, as the next open finds it. The store is embedded
 * (chdb) and stays in this process, so "killed" is "stopped at that step and opened again".
 */
const contact = (id: string, day: string) => storedContact(id, 'imp', day, 'cust');

async function store(database: string): Promise<ClickHouseEngine> {
  const engine = await ClickHouseEngine.openEmbedded(database);
  await engine.migrate();
  await engine.append(CONTACTS_TABLE, [contact('old', '2026-01-05')]);
  return engine;
}

const ids = async (engine: ClickHouseEngine) =>
  (await engine.query('SELECT id FROM contacts ORDER BY id')).map((r) => r.id);
const staging = async (engine: ClickHouseEngine) =>
  (
    await engine.query(
      "SELECT name FROM system.tables WHERE database = currentDatabase() AND name LIKE '\\\\_\\\\_cs\\\\_%'",
    )
  ).map((r) => r.name);

describe('ClickHouse change sets across a crash', () => {
  it('drop what a change set had staged before its commit point', async () => {
    const engine = await store('pc_crash_before');
    // As left by an import killed while putting rows: a staging table and no journal row.
    const put = { ...CONTACTS_TABLE, name: '__cs_killed_put_contacts' };
    await engine.createTable(put, layoutOf(CONTACTS_TABLE));
    await engine.append(put, [contact('new', '2026-01-06')]);
    expect(await staging(engine)).toEqual(['__cs_killed_put_contacts']);
    const reopened = await ClickHouseEngine.openEmbedded('pc_crash_before');
    expect(await staging(reopened)).toEqual([]);
    expect(await ids(reopened)).toEqual(['old']);
    await reopened.execute('DROP DATABASE pc_crash_before');
    await Promise.all([engine.close(), reopened.close()]);
  });

  it('finish a change set whose journal row was written but whose partitions were not swapped in', async () => {
    const engine = await store('pc_crash_after');
    await prepareChangeSet(engine, 'killed', async (changes) => {
      await changes.put(CONTACTS_TABLE, [contact('new', '2026-01-06'), contact('march', '2026-03-01')]);
    });
    // Killed here: nothing shows yet, the staged partitions wait.
    expect(await ids(engine)).toEqual(['old']);
    const reopened = await ClickHouseEngine.openEmbedded('pc_crash_after');
    expect(await ids(reopened)).toEqual(['march', 'new', 'old']);
    expect(await staging(reopened)).toEqual([]);
    await reopened.execute('DROP DATABASE pc_crash_after');
    await Promise.all([engine.close(), reopened.close()]);
  });
});
