import type { Engine } from '../engine/engine.js';
import { and, cmp, column, literal } from '../engine/query.js';
import { aggregateRows, selectRows } from '../engine/run-query.js';
import { COST_LINES_TABLE } from '../engine/schema.js';
import type { CostBehaviour, CostCategory, CostLine } from '../model/cost-line.js';

const text = (value: unknown): string | null =>
  value === null || value === undefined ? null : String(value);

/** Cost lines whose accrual period overlaps [from, to) (local dates, `to` exclusive). */
export async function loadCostLines(engine: Engine, from: string, to: string): Promise<CostLine[]> {
  const rows = await selectRows(engine, {
    from: COST_LINES_TABLE.name,
    columns: COST_LINES_TABLE.columns.map((c) => ({ name: c.name, expr: column(c.name) })),
    where: and(cmp('<', column('period_start'), literal(to)), cmp('>', column('period_end'), literal(from))),
    orderBy: [column('id')],
  });
  return rows.map(costLineOf);
}

/** A stored cost-line row (column names as in the table) as a cost line. */
export function costLineOf(r: Record<string, unknown>): CostLine {
  return {
    id: String(r.id),
    category: String(r.category) as CostCategory,
    amount: String(r.amount),
    currency: String(r.currency),
    periodStart: String(r.period_start),
    periodEnd: String(r.period_end),
    channel: text(r.channel),
    queue: text(r.queue),
    team: text(r.team),
    driver: text(r.driver),
    behaviour: String(r.behaviour) as CostBehaviour,
    description: text(r.description),
  };
}

/** The first and last day any cost line accrues (for a report's default range). */
export async function costLineSpan(engine: Engine): Promise<{ from: string; to: string } | undefined> {
  const [row] = await aggregateRows(engine, {
    from: COST_LINES_TABLE.name,
    groupBy: [],
    aggregates: [
      { name: 'f', fn: 'min', expr: column('period_start') },
      { name: 't', fn: 'max', expr: column('period_end') },
    ],
  });
  return row?.f ? { from: String(row.f), to: String(row.t) } : undefined;
}
