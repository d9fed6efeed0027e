import type { Engine } from '../engine/engine.js';
import { type AggregateQuery, column } from '../engine/query.js';
import { aggregateRows, selectRows } from '../engine/run-query.js';
import {
  AGENT_TIME_TABLE,
  CONTACTS_TABLE,
  COST_LINES_TABLE,
  FX_RATES_TABLE,
  RATE_CARDS_TABLE,
  type TableDef,
  VOLUMES_TABLE,
} from '../engine/schema.js';
import { RECORD_NAMES, recordCount } from '../ingest/pipeline/summary.js';
import type { ImportKind } from '../ingest/targets/target.js';
import { minorUnits } from '../money/currency.js';
import { type Decimal, dec, sum } from '../money/decimal.js';

/** What a workspace holds, in counts a user recognises, and the ledger's total per currency. */
export interface WorkspaceTotals {
  contacts: number;
  volumeRows: number;
  costLines: number;
  /** Sum of the cost lines' amounts per currency, as exact decimal text. */
  cost: Record<string, string>;
  fxRates: number;
  rateCards: number;
  agentDays: number;
  /** Staffed hours over all agent days. */
  staffedHours: number;
}

/** The tables an import writes: the import kind behind each, and the name its rows go by in totals. */
export const IMPORTED_TABLES = [
  { table: CONTACTS_TABLE.name, def: CONTACTS_TABLE, kind: 'contacts', total: 'contacts' },
  { table: VOLUMES_TABLE.name, def: VOLUMES_TABLE, kind: 'volumes', total: 'volumeRows' },
  { table: COST_LINES_TABLE.name, def: COST_LINES_TABLE, kind: 'costs', total: 'costLines' },
  { table: FX_RATES_TABLE.name, def: FX_RATES_TABLE, kind: 'fx', total: 'fxRates' },
  { table: RATE_CARDS_TABLE.name, def: RATE_CARDS_TABLE, kind: 'agents', total: 'rateCards' },
  { table: AGENT_TIME_TABLE.name, def: AGENT_TIME_TABLE, kind: 'agent-time', total: 'agentDays' },
] as const satisfies readonly { table: string; def: TableDef; kind: ImportKind; total: string }[];

export type TotalName = (typeof IMPORTED_TABLES)[number]['total'];

const kindOf = (total: TotalName) => IMPORTED_TABLES.find((t) => t.total === total)?.kind ?? 'contacts';

/** How people call the rows behind a total: "cost lines", "agent days". */
export function rowName(total: TotalName): string {
  return RECORD_NAMES[kindOf(total)];
}

/** "1 cost line", "3 agent days". */
export function rowCount(total: TotalName, n: number): string {
  return recordCount(kindOf(total), n);
}

const count = (table: string): AggregateQuery => ({
  from: table,
  groupBy: [],
  aggregates: [{ name: 'n', fn: 'count' }],
});

export async function workspaceTotals(engine: Engine): Promise<WorkspaceTotals> {
  const counts = {} as Record<TotalName, number>;
  for (const { table, total } of IMPORTED_TABLES) {
    const [row] = await aggregateRows(engine, count(table));
    counts[total] = Number(row?.n ?? 0);
  }
  // Money is summed in TypeScript, exactly: SQL only hands over the amounts per currency.
  const amounts = await selectRows(engine, {
    from: COST_LINES_TABLE.name,
    columns: [
      { name: 'currency', expr: column('currency') },
      { name: 'amount', expr: column('amount') },
    ],
  });
  const byCurrency = new Map<string, string[]>();
  for (const r of amounts)
    byCurrency.set(String(r.currency), [...(byCurrency.get(String(r.currency)) ?? []), String(r.amount)]);
  const cost = Object.fromEntries(
    [...byCurrency]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([currency, list]) => [currency, exactAmount(sum(list.map(dec)), currency)]),
  );
  const [staffed] = await aggregateRows(engine, {
    from: AGENT_TIME_TABLE.name,
    groupBy: [],
    aggregates: [{ name: 's', fn: 'sum', expr: column('staffed_seconds') }],
  });
  return { ...counts, cost, staffedHours: Number(staffed?.s ?? 0) / 3600 };
}

/** An exact amount, with at least the currency's minor-unit decimals (never rounded away). */
function exactAmount(amount: Decimal, currency: string): string {
  return amount.decimalPlaces() < minorUnits(currency)
    ? amount.toFixed(minorUnits(currency))
    : amount.toFixed();
}
