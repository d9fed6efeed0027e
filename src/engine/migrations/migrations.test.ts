import { describe, expect, it } from 'vitest';
import { DuckDbEngine } from '../duckdb/engine.js';
import { runMigrations } from '../migrate.js';
import { CONTACTS_TABLE, SCHEMA_VERSION_TABLE, TABLES } from '../schema.js';
import { MIGRATIONS, schemaAfter } from './index.js';

const LIVE = [...TABLES.values()].filter((t) => t !== SCHEMA_VERSION_TABLE);

describe('migrations as frozen data', () => {
  it('leave exactly the tables schema.ts defines, column by column in physical order', () => {
    const migrated = new Map(schemaAfter(MIGRATIONS).map((t) => [t.name, t]));
    expect([...migrated.keys()].sort()).toEqual(LIVE.map((t) => t.name).sort());
    for (const live of LIVE) expect(migrated.get(live.name)).toEqual(live);
  });

  it('are numbered 1, 2, 3, … without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('bring a workspace created by version 3 up to date and keep its rows', async () => {
    const engine = await DuckDbEngine.open(':memory:');
    expect(await runMigrations(engine, MIGRATIONS.slice(0, 3))).toBe(3);
    await engine.execute(
      `INSERT INTO contacts (source, id, channel, direction, arrived_at, outcome, handle_seconds)
       VALUES ('pbx', '1', 'chat', 'inbound', TIMESTAMPTZ '2026-03-02 09:00:00+00', 'handled', 300)`,
    );
    await engine.execute(
      `INSERT INTO imports VALUES ('i1', 'contacts', 'pbx', 'a.csv', 'preset generic',
        TIMESTAMPTZ '2026-03-03 00:00:00+00', 1, 1, 0, 0, 0, 1, 0)`,
    );
    expect(await runMigrations(engine)).toBe(MIGRATIONS.length);
    const [old] = await engine.query('SELECT id, handle_seconds, import_id, concurrency FROM contacts');
    expect(old).toEqual({ id: '1', handle_seconds: 300, import_id: null, concurrency: null });
    const [log] = await engine.query('SELECT id, checksum FROM imports');
    expect(log).toEqual({ id: 'i1', checksum: null });
    // The live definition appends in the migrated table's physical column order.
    const at = new Date('2026-03-02T10:00:00Z');
    const fields = ['pbx', '2', 'chat', 'inbound', null, null, null, null, null, null, at];
    await engine.append(CONTACTS_TABLE, [
      [...fields, null, null, null, null, null, 240, 'handled', null, null, 'i2', 2.5],
    ]);
    const [added] = await engine.query("SELECT import_id, concurrency FROM contacts WHERE id = '2'");
    expect(added).toEqual({ import_id: 'i2', concurrency: 2.5 });
    await engine.close();
  });
});
