import { decomposeCostPerContact, type PeriodInput } from '../metrics/drivers/midpoint.js';
import { isChannel } from '../model/contact.js';
import { type CostCategory, isCostCategory } from '../model/cost-line.js';
import { Decimal, sum } from '../money/decimal.js';
import { dimensionValue, shownPeriods } from './cells.js';
import { CATEGORY_LABELS, CHANNEL_LABELS } from './labels.js';
import type { LocaleFormat } from './locale.js';
import type { ReportView, RowView } from './report-view.js';

/** One line or one stack of bars: a value per period, null where there is none. */
export interface Series {
  name: string;
  values: (number | null)[];
}

export interface SeriesChart {
  periods: string[];
  series: Series[];
}

/** A bar of a bridge (waterfall): the starting and ending levels, or a change between them. */
export interface BridgeStep {
  label: string;
  value: number;
}

/** start.value + Σ steps' values = end.value. Any decomposition can feed it (see src/metrics/drivers). */
export interface BridgeData {
  start: BridgeStep;
  steps: BridgeStep[];
  end: BridgeStep;
}

/** What the HTML and PDF charts draw, already in the locale's words. Numbers are for drawing only. */
export interface ChartData {
  trend: SeriesChart;
  composition: SeriesChart;
  bridge: BridgeData | undefined;
}

/** `byChannel` is the report broken down by channel alone (the report itself, or a second run of it). */
export function chartData(view: ReportView, byChannel: ReportView, locale: LocaleFormat): ChartData {
  return {
    trend: trendData(byChannel, locale),
    composition: compositionData(view, locale),
    bridge: bridgeData(byChannel, locale),
  };
}

const channelName = (row: RowView, locale: LocaleFormat) => dimensionValue(row, 'channel', locale, true);

/** Cost per contact per channel and period: one line per channel. */
export function trendData(byChannel: ReportView, locale: LocaleFormat): SeriesChart {
  const periods = shownPeriods(byChannel).map((p) => p.period);
  const lines = new Map<string, (number | null)[]>();
  for (const row of byChannel.rows) {
    if (row.kind !== 'segment') continue;
    const name = channelName(row, locale);
    const values = lines.get(name) ?? periods.map(() => null);
    values[periods.indexOf(row.period)] = row.costPerContact === null ? null : Number(row.costPerContact);
    lines.set(name, values);
  }
  const series = [...lines]
    .filter(([, values]) => values.some((v) => v !== null))
    .map(([name, values]) => ({ name, values }));
  return { periods: periods.map(locale.period), series };
}

/** Cost per category and period for the whole center: stacked bars. */
export function compositionData(view: ReportView, locale: LocaleFormat): SeriesChart {
  const categories = Object.entries(view.totals.costByCategory)
    .filter(([, cost]) => !new Decimal(cost).isZero())
    .map(([c]) => c);
  return {
    periods: shownPeriods(view).map((p) => locale.period(p.period)),
    series: categories.map((c) => ({
      name: isCostCategory(c) ? locale.text(CATEGORY_LABELS[c as CostCategory]) : c,
      values: shownPeriods(view).map((p) => Number(p.costByCategory[c] ?? 0)),
    })),
  };
}

/** The bridge from the first to the last period's cost per contact, by channel; undefined with fewer than two periods. */
export function bridgeData(byChannel: ReportView, locale: LocaleFormat): BridgeData | undefined {
  const shown = shownPeriods(byChannel);
  const first = shown[0];
  const last = shown[shown.length - 1];
  if (!first || !last || first === last) return undefined;
  const figures = (period: string): PeriodInput => {
    const rows = byChannel.rows.filter((r) => r.period === period);
    return {
      segments: rows
        .filter((r) => r.kind === 'segment')
        .map((r) => ({
          key: r.dimensions.channel ?? '',
          contacts: r.contacts - r.coverage.contactsWithoutCost,
          cost: r.cost ?? '0',
        })),
      unallocated: sum(
        rows.filter((r) => r.kind === 'unallocated').map((r) => new Decimal(r.cost ?? 0)),
      ).toFixed(),
    };
  };
  const periods = [figures(first.period), figures(last.period)] as const;
  if (periods.some((p) => p.segments.every((seg) => seg.contacts === 0))) return undefined;
  // The same exact midpoint split as `percontact drivers`.
  const bridge = decomposeCostPerContact(periods);
  const channel = (key: string) =>
    isChannel(key) ? locale.text(CHANNEL_LABELS[key]) : key || locale.label('none');
  const optional = [
    {
      label: locale.label('bridgeOther'),
      value: bridge.entered.plus(bridge.left).plus(bridge.withoutContacts),
    },
    { label: locale.label('bridgeUnallocated'), value: bridge.unallocated },
  ].filter((s) => !s.value.isZero());
  return {
    start: { label: locale.period(first.period), value: bridge.costPerContact[0].toNumber() },
    steps: [
      { label: locale.label('bridgeMix'), value: bridge.mix.toNumber() },
      ...bridge.segments
        .filter((seg) => seg.status === 'continuing')
        .map((seg) => ({ label: channel(seg.key), value: seg.rate.toNumber() })),
      ...optional.map((s) => ({ label: s.label, value: s.value.toNumber() })),
    ],
    end: { label: locale.period(last.period), value: bridge.costPerContact[1].toNumber() },
  };
}

export interface WaterfallBars {
  labels: string[];
  /** The invisible part under each floating bar. */
  base: number[];
  levels: (number | null)[];
  rises: (number | null)[];
  falls: (number | null)[];
}

/** Where each bar of a bridge sits; shared by the SVG and the PDF drawing. */
export function waterfall(data: BridgeData): WaterfallBars {
  const steps = data.steps;
  const labels = [data.start.label, ...steps.map((s) => s.label), data.end.label];
  const base: number[] = [0];
  const levels: (number | null)[] = [data.start.value];
  const rises: (number | null)[] = [null];
  const falls: (number | null)[] = [null];
  let level = data.start.value;
  for (const step of steps) {
    base.push(Math.min(level, level + step.value));
    levels.push(null);
    rises.push(step.value >= 0 ? step.value : null);
    falls.push(step.value < 0 ? step.value : null);
    level += step.value;
  }
  base.push(0);
  levels.push(data.end.value);
  rises.push(null);
  falls.push(null);
  return { labels, base, levels, rises, falls };
}

/** Round tick values from at or below `low` to at or above `high`: steps of 1, 2, 2.5 or 5 times a power of ten. */
export function niceTicks(low: number, high: number, count = 5): number[] {
  const top = high > low ? high : low + 1;
  const raw = (top - low) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].find((f) => f * power >= raw) ?? 10) * power;
  const ticks: number[] = [];
  for (let t = Math.floor(low / step) * step; t < top + step * (1 - 1e-9); t += step)
    ticks.push(Number(t.toPrecision(12)));
  return ticks;
}

/**
 * A bridge's value axis: from below the lowest level by twice the levels' spread (never below zero) to
 * the highest bar. Starting at zero would flatten the steps that the chart is about.
 */
export function bridgeTicks(data: BridgeData): number[] {
  let level = data.start.value;
  const levels = [level, data.end.value];
  for (const step of data.steps) {
    level += step.value;
    levels.push(level);
  }
  const low = Math.min(...levels);
  const high = Math.max(...levels);
  const spread = high - low || Math.abs(high) * 0.1;
  return niceTicks(low <= 0 ? low : Math.max(0, low - 2 * spread), high);
}
