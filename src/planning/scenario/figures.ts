import { addMeasures, type ContactMeasures, emptyMeasures } from '../../metrics/contact-measures.js';
import type { CostPerContactReport, ReportRow } from '../../metrics/cost-per-contact.js';
import { figures, moneyText, waitClocks } from '../../metrics/figures.js';
import type { CostCategory } from '../../model/cost-line.js';
import { Decimal } from '../../money/decimal.js';
import type { ChannelModel } from './aggregate.js';
import type { ClassGrid } from './grid.js';

/** Paid hours of one full-time agent in a month, for FTE figures (about 37 hours a week). */
export const FTE_HOURS_PER_MONTH = 160;

/** One side (baseline or scenario) of a channel or the total: money as decimal text, shares 0..1. */
export interface PlanFigures {
  /** Contacts offered to agents (handled, abandoned, callbacks). */
  offered: number;
  /** Contacts counted by the contact definition: the denominator of cost per contact. */
  contacts: number;
  selfServed: number;
  cost: string;
  costByCategory: Record<string, string>;
  costPerContact: string | null;
  /** Cost ÷ (counted + self-served contacts not already counted): self-service counts as a contact. */
  costPerContactWithSelfServed: string | null;
  costPerResolution: string | null;
  serviceLevel: number | null;
  asaSeconds: number | null;
  abandonRate: number | null;
  occupancy: number | null;
  fcr: number | null;
  /** Paid agent hours: agent time where recorded (the scenario's moved by the model), else the model's. */
  scheduledHours: number | null;
  scheduledFte: number | null;
  /** Agents on the phones per staffed interval (the model's), mean and peak. */
  agentsPerInterval: { mean: number; peak: number } | null;
}

export interface ChannelFigures extends PlanFigures {
  channel: string;
}

export interface PlanSide {
  totals: PlanFigures;
  channels: ChannelFigures[];
}

const round = (v: number | undefined, places: number) => (v === undefined ? null : Number(v.toFixed(places)));

interface Summed {
  measures: ContactMeasures;
  cost: Decimal;
  byCategory: Map<CostCategory, Decimal>;
  /** Channels answered on different clocks (seconds and hours) are summed: no ASA, as in the report. */
  asaMixed?: boolean;
}

function sumRows(rows: readonly ReportRow[]): Summed {
  const measures = emptyMeasures();
  let cost = new Decimal(0);
  const byCategory = new Map<CostCategory, Decimal>();
  for (const row of rows) {
    addMeasures(measures, row.measures);
    cost = cost.plus(row.cost);
    for (const [c, a] of row.costByCategory) byCategory.set(c, (byCategory.get(c) ?? new Decimal(0)).plus(a));
  }
  return { measures, cost, byCategory };
}

/** The figures of one side from its report and its staffing model. */
export function planSide(
  report: CostPerContactReport,
  models: ReadonlyMap<string, ChannelModel>,
  grid: ClassGrid,
  channels: readonly string[],
  scale: number,
): PlanSide {
  const counted = report.definitions.countedOutcomes.includes('self_served');
  const side = (
    summed: Summed,
    hours: number | null,
    agents: PlanFigures['agentsPerInterval'],
  ): PlanFigures => {
    const m = summed.measures;
    const f = figures(m, summed.cost, {
      formula: report.definitions.serviceLevelFormula,
      repeats: true,
      costByCategory: summed.byCategory,
      asaMixed: summed.asaMixed === true,
    });
    const money = (v: Decimal | undefined) => (v === undefined ? null : moneyText(v, scale));
    const withSelf = m.contacts + (counted ? 0 : m.selfServed);
    return {
      offered: round(m.offered, 2) ?? 0,
      contacts: round(m.contacts, 2) ?? 0,
      selfServed: round(m.selfServed, 2) ?? 0,
      cost: moneyText(summed.cost, scale),
      costByCategory: Object.fromEntries(
        [...summed.byCategory].sort().map(([c, v]) => [c, moneyText(v, scale)]),
      ),
      costPerContact: money(f.costPerContact),
      costPerContactWithSelfServed: withSelf > 0 ? moneyText(summed.cost.div(withSelf), scale) : null,
      costPerResolution: money(f.costPerResolution),
      serviceLevel: round(f.serviceLevel, 4),
      asaSeconds: round(f.asaSeconds, 1),
      abandonRate: round(f.abandonRate, 4),
      occupancy: round(f.occupancy, 4),
      fcr: round(f.fcr, 4),
      scheduledHours: hours === null ? null : round(hours, 1),
      scheduledFte: hours === null ? null : round(hours / (FTE_HOURS_PER_MONTH * grid.months.length), 1),
      agentsPerInterval: agents,
    };
  };
  const perChannel = channels.map((channel): ChannelFigures => {
    const summed = sumRows(report.rows.filter((r) => !r.unallocated && r.segment.channel === channel));
    const model = models.get(channel);
    return { channel, ...side(summed, paidHours(summed.measures, model), model?.agentsPerInterval ?? null) };
  });
  const hours = perChannel.reduce<number | null>(
    (sum, c) => (c.scheduledHours === null ? sum : (sum ?? 0) + c.scheduledHours),
    null,
  );
  const totals = {
    ...sumRows([report.totals]),
    asaMixed: waitClocks(report.totals, report.definitions).size > 1,
  };
  return { totals: side(totals, hours, null), channels: perChannel };
}

function paidHours(m: ContactMeasures, model: ChannelModel | undefined): number | null {
  if (m.paidSeconds > 0) return m.paidSeconds / 3600;
  return model ? model.total.scheduledHours : null;
}
