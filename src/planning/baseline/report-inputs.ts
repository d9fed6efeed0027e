import type { FineRow } from '../../metrics/allocation.js';
import type { Definitions } from '../../metrics/definitions.js';
import { FxRates } from '../../metrics/fx.js';
import { rangePeriods } from '../../metrics/range.js';
import type { ReportInputs } from '../../metrics/report-inputs.js';
import type { CostLine } from '../../model/cost-line.js';
import { Decimal } from '../../money/decimal.js';
import type { SerializedReportInputs } from './baseline.js';

/**
 * The report's inputs as plain data for a baseline file: Decimals as text, maps as lists, rows in the
 * order of their dimension values (the engine groups them in no set order; the file should not vary).
 */
export function serializeReportInputs(inputs: ReportInputs): SerializedReportInputs {
  return {
    lines: inputs.lines.map((l) => ({ ...l })),
    fineDimensions: [...inputs.fineDimensions],
    fine: [...inputs.fine]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .flatMap(([period, rows]) =>
        [...rows]
          .sort(byValues)
          .map((r) => ({ period, values: { ...r.values }, measures: { ...r.measures } })),
      ),
    labour: {
      cards: inputs.labour.cards.map((c) => ({ ...c, hourlyCost: c.hourlyCost.toFixed() })),
      agentDays: [...inputs.labour.agentDays].sort(byValues).map((r) => ({ ...r, values: { ...r.values } })),
    },
    fx: inputs.fx.list().map((r) => ({ currency: r.currency, date: r.date, rate: r.rate.toFixed() })),
  };
}

function byValues(a: { values: object }, b: { values: object }): number {
  const [x, y] = [JSON.stringify(a.values), JSON.stringify(b.values)];
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * The report's inputs back from a baseline: monthly periods over the range, by channel, full detail
 * (repeat contacts and resolutions; handle-time quantiles are not kept).
 */
export function reportInputsOf(
  data: SerializedReportInputs,
  definitions: Definitions,
  range: { from: string; to: string },
): ReportInputs {
  const fine = new Map<string, FineRow[]>();
  for (const row of data.fine) {
    const list = fine.get(row.period) ?? [];
    list.push({ values: { ...row.values }, measures: { ...row.measures } });
    fine.set(row.period, list);
  }
  const byCurrency = new Map<string, { date: string; rate: Decimal }[]>();
  for (const r of data.fx) {
    byCurrency.set(r.currency, [
      ...(byCurrency.get(r.currency) ?? []),
      { date: r.date, rate: new Decimal(r.rate) },
    ]);
  }
  return {
    definitions,
    granularity: 'month',
    detail: 'full',
    by: ['channel'],
    range: { ...range },
    rangeNotes: [],
    periods: rangePeriods(range, 'month'),
    prorateToContacts: false,
    lines: data.lines.map((l): CostLine => ({ ...l })),
    fineDimensions: [...data.fineDimensions],
    fine,
    quantiles: new Map(),
    fx: new FxRates(byCurrency),
    labour: {
      cards: data.labour.cards.map((c) => ({ ...c, hourlyCost: new Decimal(c.hourlyCost) })),
      agentDays: data.labour.agentDays.map((r) => ({ ...r, values: { ...r.values } })),
    },
  };
}
