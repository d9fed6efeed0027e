import type { Engine } from '../engine/engine.js';
import type { Expr } from '../engine/query.js';
import type { TableDef } from '../engine/schema.js';

/**
 * Removes the rows matching `where`, a plain-data condition: values given by users only ever reach
 * SQL as literals written by the dialect's compiler, never as SQL text.
 */
export async function removeRows(engine: Engine, table: TableDef, where: Expr): Promise<void> {
  const compiler = engine.dialect.createCompiler();
  await engine.execute(`DELETE FROM ${compiler.identifier(table.name)} WHERE ${compiler.expr(where)}`);
}
