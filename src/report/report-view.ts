import type { Dimension } from '../model/contact.js';
import type { CostPerContactReport, ReportRow } from '../metrics/cost-per-contact.js';
import { describeDefinitions } from '../metrics/definitions.js';
import { figures, moneyText } from '../metrics/figures.js';
import { minorUnits } from '../money/currency.js';

/** One report row as plain data: money as decimal text in the minor unit, ratios as numbers, gaps as null. */
export interface RowView {
  period: string;
  dimensions: Partial<Record<Dimension, string | null>>;
  kind: 'segment' | 'unallocated' | 'periodTotal' | 'total';
  contacts: number;
  cost: string;
  costPerContact: string | null;
  handled: number;
  abandoned: number;
  ahtSeconds: number | null;
  asaSeconds: number | null;
  serviceLevel: number | null;
  abandonRate: number | null;
}

export interface ReportView {
  currency: string;
  timezone: string;
  granularity: string;
  from: string;
  to: string;
  by: readonly Dimension[];
  definitions: Record<string, string>;
  rows: RowView[];
  periodTotals: RowView[];
  totals: RowView;
}

const round = (value: number | undefined, places: number): number | null =>
  value === undefined ? null : Number(value.toFixed(places));

export function rowView(row: ReportRow, scale: number, by: readonly Dimension[], kind: RowView['kind']): RowView {
  const f = figures(row.measures, row.cost);
  const dimensions: RowView['dimensions'] = {};
  for (const d of by) dimensions[d] = row.segment[d] ?? null;
  return {
    period: row.period?.label ?? 'total',
    dimensions,
    kind: row.unallocated ? 'unallocated' : kind,
    contacts: f.contacts,
    cost: moneyText(f.cost, scale),
    costPerContact: f.costPerContact ? moneyText(f.costPerContact, scale) : null,
    handled: f.handled,
    abandoned: f.abandoned,
    ahtSeconds: round(f.ahtSeconds, 1),
    asaSeconds: round(f.asaSeconds, 1),
    serviceLevel: round(f.serviceLevel, 4),
    abandonRate: round(f.abandonRate, 4),
  };
}

export function reportView(report: CostPerContactReport): ReportView {
  const scale = minorUnits(report.definitions.currency);
  const view = (kind: RowView['kind']) => (row: ReportRow) => rowView(row, scale, report.by, kind);
  return {
    currency: report.definitions.currency,
    timezone: report.definitions.timezone,
    granularity: report.granularity,
    from: report.from,
    to: report.to,
    by: report.by,
    definitions: describeDefinitions(report.definitions),
    rows: report.rows.map(view('segment')),
    periodTotals: report.periodTotals.map(view('periodTotal')),
    totals: view('total')(report.totals),
  };
}
