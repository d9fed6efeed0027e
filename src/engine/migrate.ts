import type { Engine } from './engine.js';
import { MIGRATIONS, SCHEMA_VERSION_TABLE } from './schema.js';

/** Shared migration runner: engines differ only in how they execute the DDL the dialect writes. */
export async function runMigrations(engine: Engine): Promise<number> {
  const compiler = engine.dialect.createCompiler();
  await engine.execute(compiler.createTable(SCHEMA_VERSION_TABLE));
  const rows = await engine.query(
    `SELECT MAX(${compiler.identifier('version')}) AS v FROM ${compiler.identifier(SCHEMA_VERSION_TABLE.name)}`,
  );
  let current = Number(rows[0]?.v ?? 0);
  for (const migration of MIGRATIONS) {
    if (migration.version <= current) continue;
    await engine.transaction(async () => {
      for (const table of migration.tables) await engine.execute(compiler.createTable(table));
      await engine.append(SCHEMA_VERSION_TABLE, [[migration.version, new Date()]]);
    });
    current = migration.version;
  }
  return current;
}
