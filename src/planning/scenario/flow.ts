import type { FineRow } from '../../metrics/allocation.js';
import {
  addMeasures,
  type ContactMeasures,
  emptyMeasures,
  MEASURE_NAMES,
} from '../../metrics/contact-measures.js';
import type { Definitions } from '../../metrics/definitions.js';
import { serviceLevelTerms } from '../../metrics/figures.js';
import { type ModelSums, modelFigures } from './aggregate.js';

/** What moves one channel's measures in one month: its volume, handle time and the queueing model. */
export interface MonthFlow {
  /** Offered contacts in the scenario ÷ in the baseline. */
  offeredFactor: number;
  growth: number;
  selfServedAdded: number;
  prevented: number;
  /** Handle time per contact in the scenario ÷ in the baseline. */
  ahtFactor: number;
  /** Occupied time per handle second in the scenario ÷ in the baseline (concurrency before ÷ after). */
  occupiedFactor: number;
  /** The model of the channel's month, baseline and scenario (absent where nothing is staffed). */
  base?: ModelSums;
  scenario?: ModelSums;
}

const ratio = (a: number, b: number, otherwise: number) => (b !== 0 ? a / b : otherwise);
const clamp = (v: number, low: number, high: number) => Math.min(high, Math.max(low, v));

/** A model figure's change from the baseline to the scenario; 0 where either is unknown. */
function change(flow: MonthFlow, pick: (f: ReturnType<typeof modelFigures>) => number | undefined): number {
  if (!flow.base || !flow.scenario || flow.base === flow.scenario) return 0;
  const before = pick(modelFigures(flow.base));
  const after = pick(modelFigures(flow.scenario));
  return before === undefined || after === undefined ? 0 : after - before;
}

/**
 * A channel-month's measures in the scenario. The contact flow: offered contacts move by the volume
 * factor, abandons and callbacks by the volume and by the model's change of their shares, handled
 * contacts are the rest; contained and deflected contacts become self-served; the counted contacts
 * follow the outcomes the contact definition counts. Times follow handle time and the model's ASA; the
 * service level moves by the model's change (measured + modelled change: the calibration); agent time
 * by the model's hours. Prevented repeats leave the contacts and the repeats. With no levers every
 * factor is exactly 1 and every change exactly 0, so the measures are the baseline's to the bit.
 */
export function scenarioMeasures(m: ContactMeasures, flow: MonthFlow, d: Definitions): ContactMeasures {
  const f = flow.offeredFactor;
  const O = m.offered;
  const H = m.handled;
  const B = m.abandoned;
  const K = O - H - B;
  const S = m.selfServed;
  const offered = O * f;
  const moved = (count: number, by: number) => (by === 0 ? count * f : Math.max(0, count * f + offered * by));
  const abandoned = moved(
    B,
    change(flow, (x) => x.abandonRate),
  );
  const callbacks = moved(
    K,
    change(flow, (x) => x.callbackShare),
  );
  const handled = Math.max(0, offered - abandoned - callbacks);
  const selfServed = S * flow.growth + flow.selfServedAdded;
  const delta: Record<string, number> = {
    handled: handled - H,
    abandoned: abandoned - B,
    callback: callbacks - K,
    self_served: selfServed - S,
  };
  const contacts = m.contacts + d.countedOutcomes.reduce((sum, o) => sum + (delta[o] ?? 0), 0);
  const hH = ratio(handled, H, 1);
  const hB = ratio(abandoned, B, 1);
  const hC = ratio(contacts, m.contacts, 1);
  const base = flow.base ? modelFigures(flow.base) : undefined;
  const after = flow.scenario ? modelFigures(flow.scenario) : undefined;
  const asaRatio =
    base?.asaSeconds && after?.asaSeconds !== undefined && flow.base !== flow.scenario
      ? after.asaSeconds / base.asaSeconds
      : 1;
  const hours = (pick: (s: ModelSums) => number) =>
    flow.base && flow.scenario && flow.base !== flow.scenario
      ? ratio(pick(flow.scenario), pick(flow.base), 1)
      : 1;
  const r = ratio(contacts + flow.prevented, m.contacts, 1);
  const out: ContactMeasures = {
    ...m,
    contacts,
    voiceContacts: m.voiceContacts * hC,
    handled,
    handledTimed: m.handledTimed * hH,
    handleSeconds: m.handleSeconds * hH * flow.ahtFactor,
    weightHandleSeconds: m.weightHandleSeconds * hH * flow.ahtFactor,
    occupiedSeconds: m.occupiedSeconds * hH * flow.ahtFactor * flow.occupiedFactor,
    waitAnsweredSeconds: m.waitAnsweredSeconds * hH * asaRatio,
    answeredTimed: m.answeredTimed * hH,
    slAnswered: m.slAnswered * hH,
    slAbandoned: B > 0 ? m.slAbandoned * hB : abandoned,
    abandoned,
    abandonedShort: m.abandonedShort * hB,
    abandonedWithin: m.abandonedWithin * hB,
    offered,
    selfServed,
    contactsWithCustomer: Math.max(0, m.contactsWithCustomer * r - flow.prevented),
    repeats: Math.max(0, m.repeats * r - flow.prevented),
    resolutions: m.resolutions * r,
    csatCount: m.csatCount * hH,
    csatSum: m.csatSum * hH,
    csatTopBox: m.csatTopBox * hH,
    rows: m.rows * ratio(offered + selfServed, O + S, 1),
    staffedSeconds: m.staffedSeconds * hours((s) => s.agentHours),
    paidSeconds: m.paidSeconds * hours((s) => s.scheduledHours),
  };
  // Service level: the measured answered-within moves with its denominator and the modelled change.
  const [, before] = serviceLevelTerms(m)[d.serviceLevelFormula];
  const [, now] = serviceLevelTerms(out)[d.serviceLevelFormula];
  const within = m.answeredWithin * ratio(now, before, 0) + change(flow, (x) => x.serviceLevel) * now;
  out.answeredWithin = before > 0 ? clamp(within, 0, out.slAnswered) : m.answeredWithin;
  return out;
}

/**
 * Applies a channel's scenario totals to its fine rows (which may split it by team or queue): each
 * measure of each row scales by the channel's ratio; a measure the channel did not have goes to its
 * largest row.
 */
export function applyToRows(
  rows: readonly FineRow[],
  total: ContactMeasures,
  target: ContactMeasures,
): FineRow[] {
  const largest = rows.reduce(
    (best, row, i) => (row.measures.rows > (rows[best]?.measures.rows ?? -1) ? i : best),
    0,
  );
  return rows.map((row, i) => {
    const measures = { ...row.measures };
    for (const name of MEASURE_NAMES) {
      const before = total[name];
      const after = target[name];
      if (before !== 0) measures[name] = row.measures[name] * (after / before);
      else if (i === largest) measures[name] = after;
    }
    return { values: row.values, measures };
  });
}

/** Sums of a channel's fine rows. */
export function totalOf(rows: readonly FineRow[]): ContactMeasures {
  const total = emptyMeasures();
  for (const row of rows) addMeasures(total, row.measures);
  return total;
}
