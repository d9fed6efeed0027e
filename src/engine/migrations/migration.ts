import type { ColumnDef, ColumnType, SqlValue, TableDef } from '../schema.js';

/**
 * A schema change as plain data. A released migration is frozen: it spells out its own tables and
 * columns and never refers to the live definitions in schema.ts, so a later change to those cannot
 * change what an old migration does. Every engine runs the same steps through its dialect's DDL.
 */
export type MigrationStep =
  | { kind: 'createTable'; table: TableDef }
  /** A new nullable column (or one with a default for existing rows), added at the table's end. */
  | { kind: 'addColumn'; table: string; column: ColumnDef; default?: SqlValue };

export interface Migration {
  version: number;
  description: string;
  steps: readonly MigrationStep[];
}

/** A column as frozen data: [name, type, nullable]. */
export type FrozenColumn = readonly [string, ColumnType, boolean];

export function frozenTable(
  name: string,
  key: readonly string[],
  columns: readonly FrozenColumn[],
): MigrationStep {
  return {
    kind: 'createTable',
    table: { name, key, columns: columns.map(([n, type, nullable]) => ({ name: n, type, nullable })) },
  };
}

export function addColumn(
  table: string,
  [name, type, nullable]: FrozenColumn,
  defaultValue?: SqlValue,
): MigrationStep {
  return {
    kind: 'addColumn',
    table,
    column: { name, type, nullable },
    ...(defaultValue === undefined ? {} : { default: defaultValue }),
  };
}

/** The tables as the given migrations leave them, in creation order (for tests and schema checks). */
export function schemaAfter(migrations: readonly Migration[]): TableDef[] {
  const tables = new Map<string, TableDef>();
  for (const step of migrations.flatMap((m) => m.steps)) {
    if (step.kind === 'createTable') {
      if (!tables.has(step.table.name)) tables.set(step.table.name, step.table);
      continue;
    }
    const table = tables.get(step.table);
    if (!table) throw new Error(`migration adds a column to unknown table ${step.table}`);
    tables.set(step.table, { ...table, columns: [...table.columns, step.column] });
  }
  return [...tables.values()];
}
