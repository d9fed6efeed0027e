import type { Engine } from '../engine/engine.js';
import { column } from '../engine/query.js';
import { aggregateRows, selectRows } from '../engine/run-query.js';
import {
  AGENT_TIME_TABLE,
  CONTACTS_TABLE,
  COST_LINES_TABLE,
  FX_RATES_TABLE,
  IMPORTS_TABLE,
  RATE_CARDS_TABLE,
  VOLUMES_TABLE,
} from '../engine/schema.js';
import { minorUnits } from '../money/currency.js';
import { Decimal } from '../money/decimal.js';

/** What a workspace holds, in stored rows per table and the ledger's sum per currency (exact decimal text). */
export interface WorkspaceTotals {
  contacts: number;
  volumes: number;
  costLines: number;
  fxRates: number;
  rateCards: number;
  agentDays: number;
  imports: number;
  /** Σ amount of the cost lines per currency, e.g. { EUR: "123456.78" }. */
  ledger: Record<string, string>;
}

const COUNTED = {
  contacts: CONTACTS_TABLE,
  volumes: VOLUMES_TABLE,
  costLines: COST_LINES_TABLE,
  fxRates: FX_RATES_TABLE,
  rateCards: RATE_CARDS_TABLE,
  agentDays: AGENT_TIME_TABLE,
  imports: IMPORTS_TABLE,
} as const;

/** The totals an audit entry records before and after a write (read inside the write's transaction). */
export async function workspaceTotals(engine: Engine): Promise<WorkspaceTotals> {
  const counts: Record<string, number> = {};
  for (const [key, table] of Object.entries(COUNTED)) {
    const [row] = await aggregateRows(engine, {
      from: table.name,
      groupBy: [],
      aggregates: [{ name: 'n', fn: 'count' }],
    });
    counts[key] = Number(row?.n ?? 0);
  }
  const lines = await selectRows(engine, {
    from: COST_LINES_TABLE.name,
    columns: [
      { name: 'amount', expr: column('amount') },
      { name: 'currency', expr: column('currency') },
    ],
  });
  const sums = new Map<string, Decimal>();
  for (const line of lines) {
    const currency = String(line.currency);
    sums.set(currency, (sums.get(currency) ?? new Decimal(0)).plus(String(line.amount)));
  }
  const ledger = Object.fromEntries(
    [...sums]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([c, s]) => [c, s.toFixed(Math.max(minorUnits(c), s.decimalPlaces()))]),
  );
  return { ...(counts as Omit<WorkspaceTotals, 'ledger'>), ledger };
}
