import type { Engine } from '../engine/engine.js';
import { and, cmp, column, literal } from '../engine/query.js';
import { COST_LINES_TABLE } from '../engine/schema.js';
import type { CostBehaviour, CostCategory, CostLine } from '../model/cost-line.js';

/** Cost lines whose accrual period overlaps [from, to) (local dates, `to` exclusive). */
export async function loadCostLines(engine: Engine, from: string, to: string): Promise<CostLine[]> {
  const c = engine.dialect.createCompiler();
  const where = and(
    cmp('<', column('period_start'), literal(to)),
    cmp('>', column('period_end'), literal(from)),
  );
  const names = COST_LINES_TABLE.columns.map((col) => c.identifier(col.name)).join(', ');
  const castDates = `CAST(${c.identifier('period_start')} AS VARCHAR) AS ps, CAST(${c.identifier('period_end')} AS VARCHAR) AS pe`;
  const rows = await engine.query(
    `SELECT ${names}, ${castDates} FROM ${c.identifier(COST_LINES_TABLE.name)} WHERE ${c.expr(
      // Dates compare with date literals in every engine we support.
      where,
    )} ORDER BY ${c.identifier('id')}`,
  );
  return rows.map((r) => ({
    id: String(r.id),
    category: String(r.category) as CostCategory,
    amount: String(r.amount),
    currency: String(r.currency),
    periodStart: String(r.ps),
    periodEnd: String(r.pe),
    channel: (r.channel as string | null) ?? null,
    queue: (r.queue as string | null) ?? null,
    team: (r.team as string | null) ?? null,
    driver: (r.driver as string | null) ?? null,
    behaviour: String(r.behaviour) as CostBehaviour,
    description: (r.description as string | null) ?? null,
  }));
}

/** The first and last day any cost line accrues (for a report's default range). */
export async function costLineSpan(engine: Engine): Promise<{ from: string; to: string } | undefined> {
  const c = engine.dialect.createCompiler();
  const [row] = await engine.query(
    `SELECT CAST(MIN(${c.identifier('period_start')}) AS VARCHAR) AS f, CAST(MAX(${c.identifier('period_end')}) AS VARCHAR) AS t FROM ${c.identifier(COST_LINES_TABLE.name)}`,
  );
  return row?.f ? { from: String(row.f), to: String(row.t) } : undefined;
}
