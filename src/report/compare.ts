import type { CompareMode, CompareReport } from '../metrics/compare.js';
import { type Note, note } from '../metrics/notes.js';
import { minorUnits } from '../money/currency.js';
import { Decimal } from '../money/decimal.js';
import { type ReportView, type RowView, reportView } from './report-view.js';

/** A row's figures in the compared period and the change to the row's own (later minus earlier). */
export interface RowCompare {
  period: string;
  contacts: number;
  /** null where the compared row has contacts but no cost line reaches it. */
  cost: string | null;
  costPerContact: string | null;
  change: {
    contacts: number;
    cost: string | null;
    /** The difference of the two figures as shown, so that "before + change = after" holds on screen. */
    costPerContact: string | null;
    /** Relative change as a fraction (0.05 = +5 %); null where the earlier figure is zero or missing. */
    relative: { contacts: number | null; cost: number | null; costPerContact: number | null };
  };
}

export interface CompareView {
  mode: CompareMode;
  /** null: nothing to compare with (no such period, or no data at all in it). */
  of(row: RowView): RowCompare | null;
  /** Why a period has no comparison (undefined where it has one), as a note. */
  missing(period: string): Note | undefined;
}

const rowKey = (view: ReportView, period: string, row: RowView) =>
  JSON.stringify([period, row.kind, view.by.map((d) => row.dimensions[d] ?? null)]);

/**
 * Matches every row of the report with the same segment in the compared period. A segment the
 * compared period does not have counts there as zero contacts and zero cost; a compared period
 * without counted contacts gives no comparison at all (its contacts are most likely not imported, and
 * a cost per contact cannot be compared with nothing). The grand total compares only when every
 * period does.
 */
export function compareView(view: ReportView, compared: CompareReport): CompareView {
  const scale = minorUnits(view.currency);
  const earlier = compared.report ? reportView(compared.report) : undefined;
  const index = new Map<string, RowView>();
  const withData = new Set<string>();
  for (const row of [...(earlier?.rows ?? []), ...(earlier?.periodTotals ?? [])])
    index.set(rowKey(view, row.period, row), row);
  for (const total of earlier?.periodTotals ?? []) if (total.contacts > 0) withData.add(total.period);
  const labels = [...compared.periods.values()];
  const totalsCompare = compared.totalsComparable && labels.every((l) => l !== undefined && withData.has(l));
  const totalLabel = labels.length > 1 ? `${labels[0]}/${labels[labels.length - 1]}` : (labels[0] ?? '');

  const of = (row: RowView): RowCompare | null => {
    if (!earlier) return null;
    if (row.kind === 'total') return totalsCompare ? change(row, earlier.totals, totalLabel, scale) : null;
    const label = compared.periods.get(row.period);
    if (label === undefined || !withData.has(label)) return null;
    return change(row, index.get(rowKey(view, label, row)), label, scale);
  };
  const missing = (period: string): Note | undefined => {
    const label = compared.periods.get(period);
    if (label !== undefined && withData.has(label)) return undefined;
    const periods = { periods: [period] };
    if (label !== undefined)
      return note('notComparedNoContacts', { period: periods, compared: { periods: [label] } });
    if (view.periodTotals.find((t) => t.period === period)?.partial)
      return note('notComparedCut', { period: periods });
    return note('notComparedNoSuch', { period: periods });
  };
  return { mode: compared.mode, of, missing };
}

/** The view with a note on every row of a period that has no comparison, and on the total then. */
export function withCompareNotes(view: ReportView, compare: CompareView): ReportView {
  const notes = new Map(view.periodTotals.map((t) => [t.period, compare.missing(t.period)]));
  const add = (row: RowView, extra: Note | undefined): RowView =>
    extra ? { ...row, notes: [...row.notes, extra] } : row;
  const rows = view.rows.map((r) => add(r, notes.get(r.period)));
  const periodTotals = view.periodTotals.map((r) => add(r, notes.get(r.period)));
  const added = [...notes.values()].filter((n): n is Note => n !== undefined);
  return { ...view, rows, periodTotals, notes: [...view.notes, ...added] };
}

function change(now: RowView, then: RowView | undefined, period: string, scale: number): RowCompare {
  const cost = then ? then.cost : new Decimal(0).toFixed(scale);
  const costPerContact = then?.costPerContact ?? null;
  const contacts = then?.contacts ?? 0;
  const diff = (a: string, b: string) => new Decimal(a).minus(b).toFixed(scale);
  const bothCosts = now.cost !== null && cost !== null;
  return {
    period,
    contacts,
    cost,
    costPerContact,
    change: {
      contacts: now.contacts - contacts,
      cost: bothCosts ? diff(now.cost as string, cost as string) : null,
      costPerContact:
        now.costPerContact !== null && costPerContact !== null
          ? diff(now.costPerContact, costPerContact)
          : null,
      relative: {
        contacts: relative(String(now.contacts), String(contacts)),
        cost: bothCosts ? relative(now.cost as string, cost as string) : null,
        costPerContact:
          now.costPerContact !== null && costPerContact !== null
            ? relative(now.costPerContact, costPerContact)
            : null,
      },
    },
  };
}

function relative(now: string, then: string): number | null {
  const base = new Decimal(then);
  return base.isZero() ? null : Number(new Decimal(now).minus(base).div(base).toFixed(4));
}

/** The view with a `compare` object on every row, as the JSON format prints it. */
export function withCompare(view: ReportView, compare: CompareView): ReportView {
  const add = (row: RowView) => ({ ...row, compare: compare.of(row) });
  return {
    ...view,
    compareWith: compare.mode,
    rows: view.rows.map(add),
    periodTotals: view.periodTotals.map(add),
    totals: add(view.totals),
  } as ReportView;
}
