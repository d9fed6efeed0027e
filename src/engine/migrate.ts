import type { Engine } from './engine.js';
import { MIGRATIONS, type MigrationStep } from './migrations/index.js';
import { SCHEMA_VERSION_TABLE } from './schema.js';
import type { SqlCompiler } from './sql-compiler.js';

/**
 * Shared migration runner: engines differ only in how they apply each step. With transactions a
 * version lands whole; without, every step is idempotent and the version is recorded last, so a run
 * cut short is finished by the next one.
 */
export async function runMigrations(engine: Engine, migrations = MIGRATIONS): Promise<number> {
  await engine.applySchemaStep({ kind: 'createTable', table: SCHEMA_VERSION_TABLE });
  let current = await schemaVersion(engine);
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    const apply = async () => {
      for (const step of migration.steps) await engine.applySchemaStep(step);
      await engine.append(SCHEMA_VERSION_TABLE, [[migration.version, new Date()]]);
    };
    await (engine.dialect.capabilities.transactions ? engine.transaction(apply) : apply());
    current = migration.version;
  }
  return current;
}

/** The schema version a database is at (0 when it has none yet); reads only, so it works read-only. */
export async function schemaVersion(engine: Engine): Promise<number> {
  const compiler = engine.dialect.createCompiler();
  const rows = await engine.query(
    `SELECT MAX(${compiler.identifier('version')}) AS v FROM ${compiler.identifier(SCHEMA_VERSION_TABLE.name)}`,
  );
  return Number(rows[0]?.v ?? 0);
}

/** The version the code's migrations lead to. */
export const LATEST_SCHEMA_VERSION = MIGRATIONS.at(-1)?.version ?? 0;

/** A step as one statement, for engines whose tables live in one database. */
export function stepSql(compiler: SqlCompiler, step: MigrationStep): string {
  switch (step.kind) {
    case 'createTable':
      return compiler.createTable(step.table);
    case 'addColumn':
      return compiler.addColumn(step.table, step.column, step.default);
  }
}
