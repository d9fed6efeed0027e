import { describeDefinitions, SERVICE_LEVEL_TEXT } from '../metrics/definitions.js';
import type { Explanation } from '../metrics/explain.js';
import { moneyText, serviceLevelTerms } from '../metrics/figures.js';
import type { ServiceLevelFormula } from '../model/config.js';
import { minorUnits } from '../money/currency.js';
import { Decimal } from '../money/decimal.js';
import { alignColumns } from '../text/columns.js';
import type { ExplainMetric } from './explain-metrics.js';

export interface Formula {
  text: string;
  numerator: string;
  denominator: string;
  value: string | null;
}

/** The metric's formula with the row's numbers filled in, so a controller can redo it by hand. */
export function formulaOf(e: Explanation, metric: ExplainMetric): Formula {
  const m = e.row.measures;
  const scale = minorUnits(e.report.definitions.currency);
  const cost = moneyText(e.row.cost, scale);
  const money = (denominator: number, label: string): Formula => ({
    text: `cost ÷ ${label}`,
    numerator: cost,
    denominator: String(denominator),
    value: denominator > 0 ? moneyText(e.row.cost.div(denominator), scale) : null,
  });
  const ratio = (text: string, numerator: number, denominator: number, places = 4): Formula => ({
    text,
    numerator: String(numerator),
    denominator: String(denominator),
    value: denominator > 0 ? (numerator / denominator).toFixed(places) : null,
  });
  const sl = e.report.definitions;
  switch (metric) {
    case 'costPerContact':
      return money(m.contacts, 'counted contacts');
    case 'costPerHandledContact':
      return money(m.handled, 'handled contacts');
    case 'costPerResolution':
      return money(m.resolutions, 'resolutions');
    case 'costPerHandleMinute':
      return handleMinutes(e.row.cost, m.weightHandleSeconds, scale);
    case 'costPerCall':
      // Defined only where every counted contact is voice: otherwise the cost is not the calls' alone.
      return money(m.voiceContacts === m.contacts ? m.voiceContacts : 0, 'counted voice contacts');
    case 'ahtSeconds':
      return ratio('Σ handle seconds of handled ÷ handled', m.handleSeconds, m.handled, 1);
    case 'asaSeconds':
      return ratio(
        'Σ wait of answered ÷ answered with a known wait',
        m.waitAnsweredSeconds,
        m.answeredTimed,
        1,
      );
    case 'serviceLevel':
      return serviceLevelFormula(e, sl.serviceLevelFormula);
    case 'abandonRate':
      return ratio(
        `(abandoned ${m.abandoned} − abandoned within ${sl.shortAbandonSeconds} s ${m.abandonedShort}) ÷ (offered ${m.offered} − ${m.abandonedShort})`,
        m.abandoned - m.abandonedShort,
        m.offered - m.abandonedShort,
      );
  }
}

function handleMinutes(cost: Decimal, seconds: number, scale: number): Formula {
  const minutes = new Decimal(seconds).div(60);
  return {
    text: 'cost ÷ handle minutes (handled contacts, any direction)',
    numerator: moneyText(cost, scale),
    denominator: minutes.toDecimalPlaces(2).toString(),
    value: minutes.isZero() ? null : moneyText(cost.div(minutes), scale),
  };
}

function serviceLevelFormula(e: Explanation, formula: ServiceLevelFormula): Formula {
  const [numerator, denominator] = serviceLevelTerms(e.row.measures)[formula];
  return {
    text: SERVICE_LEVEL_TEXT[formula],
    numerator: String(numerator),
    denominator: String(denominator),
    value: denominator > 0 ? (numerator / denominator).toFixed(4) : null,
  };
}

/** The explanation as the documented JSON value (`explain --format json`, the HTTP API). */
export function explainView(e: Explanation, metric: ExplainMetric) {
  const scale = minorUnits(e.report.definitions.currency);
  const money = (d: Decimal) => moneyText(d, scale);
  return {
    metric,
    period: e.row.period?.label ?? e.report.periods[0]?.label,
    segment: e.row.segment,
    currency: e.report.definitions.currency,
    formula: formulaOf(e, metric),
    cost: money(e.row.cost),
    costLines: e.lines.map((l) => ({
      id: l.id,
      category: l.category,
      description: l.description,
      amount: moneyText(l.amount, minorUnits(l.currency)),
      currency: l.currency,
      periodStart: l.periodStart,
      periodEnd: l.periodEnd,
      periodAmount: money(l.periodAmount),
      driver: l.driver,
      weight: l.weight,
      weightTotal: l.weightTotal,
      share: l.weightTotal > 0 ? l.weight / l.weightTotal : null,
      allocated: money(l.allocated),
      ...(l.fxRate ? { fxRate: l.fxRate, fxDate: l.fxDate } : {}),
    })),
    contacts: { counted: e.row.measures.contacts, byOutcome: e.outcomes },
    definitions: describeDefinitions(e.report.definitions),
  };
}

export type ExplainView = ReturnType<typeof explainView>;

export function explainJson(e: Explanation, metric: ExplainMetric): string {
  return `${JSON.stringify(explainView(e, metric), null, 2)}\n`;
}

export function explainText(e: Explanation, metric: ExplainMetric): string {
  const d = e.report.definitions;
  const scale = minorUnits(d.currency);
  const money = (x: Decimal) => moneyText(x, scale);
  const f = formulaOf(e, metric);
  const where =
    Object.entries(e.row.segment)
      .map(([k, v]) => `${k} ${v ?? '(none)'}`)
      .join(', ') || 'all contacts';
  const period = e.row.period?.label ?? e.report.periods[0]?.label ?? '';
  const out = [
    `${metric} for ${where}, ${period} (${d.currency}, ${d.timezone})`,
    `  = ${f.text} = ${f.numerator} ÷ ${f.denominator} = ${f.value ?? 'undefined (nothing to divide by)'}`,
    '',
    `Cost lines (their allocated parts sum to the cost, ${money(e.row.cost)}):`,
  ];
  const table = e.lines.map((l) => [
    l.id,
    l.category,
    l.fxRate
      ? `${moneyText(l.amount, minorUnits(l.currency))} ${l.currency} × ${l.fxRate}`
      : moneyText(l.amount, minorUnits(l.currency)),
    `${l.periodStart}..${l.periodEnd}`,
    money(l.periodAmount),
    l.driver,
    l.weightTotal > 0
      ? `${fmt(l.weight)}/${fmt(l.weightTotal)} (${((100 * l.weight) / l.weightTotal).toFixed(1)}%)`
      : '',
    money(l.allocated),
  ]);
  out.push(
    ...align([
      ['line', 'category', 'amount', 'accrues (end excl.)', 'in period', 'driver', 'share', 'allocated'],
      ...table,
    ]),
  );
  out.push(`  ${'total'.padEnd(10)} ${money(e.lines.reduce((s, l) => s.plus(l.allocated), new Decimal(0)))}`);
  out.push('', 'Contacts by direction and outcome (* = counted by the contact definition):');
  out.push(
    ...align(e.outcomes.map((o) => [o.direction, o.outcome, String(o.contacts), o.counted ? '*' : ''])),
  );
  out.push(`  counted: ${e.row.measures.contacts}`, '', 'Definitions:');
  for (const [k, v] of Object.entries(describeDefinitions(d))) out.push(`  ${k}: ${v}`);
  return `${out.join('\n')}\n`;
}

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

function align(rows: string[][]): string[] {
  return alignColumns(rows, () => 'left', '  ');
}
