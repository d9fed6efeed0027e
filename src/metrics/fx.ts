import type { Engine } from '../engine/engine.js';
import { column } from '../engine/query.js';
import { selectRows } from '../engine/run-query.js';
import { FX_RATES_TABLE } from '../engine/schema.js';
import { type InputLocation, UserError } from '../errors.js';
import { Decimal } from '../money/decimal.js';

/** The workspace's exchange rates: one unit of a currency in the workspace currency, by date. */
export class FxRates {
  constructor(private readonly byCurrency: ReadonlyMap<string, readonly { date: string; rate: Decimal }[]>) {}

  /** Every rate, by currency and date: the table as plain data (a planning baseline stores it). */
  list(): { currency: string; date: string; rate: Decimal }[] {
    return [...this.byCurrency].flatMap(([currency, rates]) => rates.map((r) => ({ currency, ...r })));
  }

  /** The latest rate on or before `date`; undefined where there is none. */
  rateOn(currency: string, date: string): { date: string; rate: Decimal } | undefined {
    const rates = this.byCurrency.get(currency) ?? [];
    let found: { date: string; rate: Decimal } | undefined;
    for (const r of rates) {
      if (r.date > date) break;
      found = r;
    }
    return found;
  }

  /**
   * Like rateOn, but a missing rate is the user's to fix: a clear error naming the currency and date
   * a rate is needed for (`location`: the request parameter at fault, where a request gave the currency).
   */
  requireRate(
    currency: string,
    date: string,
    what: string,
    workspaceCurrency: string,
    location?: InputLocation,
  ): { date: string; rate: Decimal } {
    const found = this.rateOn(currency, date);
    if (!found) {
      throw new UserError(
        'INVALID_INPUT',
        `${what} is in ${currency} but the workspace reports in ${workspaceCurrency} and has no ${currency} rate on or before ${date}: import ${currency} exchange rates first`,
        location,
      );
    }
    return found;
  }
}

export async function loadFxRates(engine: Engine): Promise<FxRates> {
  const rows = await selectRows(engine, {
    from: FX_RATES_TABLE.name,
    columns: [
      { name: 'd', expr: column('date') },
      { name: 'c', expr: column('currency') },
      { name: 'r', expr: column('rate') },
    ],
  });
  const byCurrency = new Map<string, { date: string; rate: Decimal }[]>();
  for (const row of rows) {
    const list = byCurrency.get(String(row.c)) ?? [];
    list.push({ date: String(row.d), rate: new Decimal(String(row.r)) });
    byCurrency.set(String(row.c), list);
  }
  for (const list of byCurrency.values())
    list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return new FxRates(byCurrency);
}
