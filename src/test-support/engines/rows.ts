import type { Engine, ResultRow } from '../../engine/engine.js';
import { contactRow, costLineRow } from '../../engine/rows.js';
import type { RowValues, TableDef } from '../../engine/schema.js';
import { contact, costLine } from '../fixtures.js';

/** A stored contact row (every column of CONTACTS_TABLE): handled voice at 10:00 UTC on `day`. */
export function storedContact(
  id: string,
  importId: string,
  day: string,
  customer: string | null = null,
): RowValues {
  const arrivedAt = new Date(`${day}T10:00:00Z`);
  return [
    ...contactRow(contact({ source: 'pbx', id, customer, arrivedAt, handleSeconds: 60 })),
    importId,
    null,
  ];
}

/** A stored cost line row (every column of COST_LINES_TABLE). */
export function ledgerLine(id: string, amount: string, from = '2026-01-01', to = '2026-02-01'): RowValues {
  return [...costLineRow(costLine({ id, amount, periodStart: from, periodEnd: to })), null];
}

/** Every column of a table, sorted by `orderBy`, as the engine contract promises the values. */
export async function readBack(engine: Engine, table: TableDef, ...orderBy: string[]): Promise<ResultRow[]> {
  const c = engine.dialect.createCompiler();
  const types = Object.fromEntries(table.columns.map((col) => [col.name, col.type]));
  const order = orderBy.map((name) => c.identifier(name)).join(', ');
  const columns = table.columns.map((col) => c.identifier(col.name)).join(', ');
  return engine.query(`SELECT ${columns} FROM ${c.identifier(table.name)} ORDER BY ${order}`, types);
}
