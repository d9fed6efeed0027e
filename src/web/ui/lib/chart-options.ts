import type { EChartsCoreOption } from 'echarts/core';
import { PALETTE } from '../components/chart.js';
import type { Texts } from '../i18n/texts.js';
import { type IntervalSum, intervalLabel } from './staffing.js';
import type { Report, ReportRow } from './types.js';

const num = (text: string | null | undefined) => (text === null || text === undefined ? null : Number(text));

/** Periods of a report in order, as labels. */
export function periodsOf(report: Report): string[] {
  return report.periodTotals.map((p) => p.period);
}

/** Cost per contact per channel and period: a gap (null), never a 0, where it cannot be computed. */
export function trendSeries(
  report: Report,
): { channel: string; values: (number | null)[]; benchmark: number | null; benchmarkText: string | null }[] {
  const periods = periodsOf(report);
  const channels = [...new Set(report.rows.map((r) => r.channel ?? ''))];
  return channels.map((channel) => {
    const rows = report.rows.filter((r) => (r.channel ?? '') === channel);
    const at = (period: string) => rows.find((r) => r.period === period);
    const last = [...rows].reverse().find((r) => r.benchmark?.value);
    return {
      channel,
      values: periods.map((p) => num(at(p)?.costPerContact)),
      benchmark: num(last?.benchmark?.value),
      benchmarkText: last?.benchmark?.value ?? null,
    };
  });
}

const axisMoney = (tx: Texts) => ({ formatter: (v: number) => tx.money(v.toFixed(2)) });

export function trendOption(report: Report, tx: Texts, target?: string): EChartsCoreOption {
  const series = trendSeries(report);
  return {
    color: PALETTE,
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v: number | null) => (v === null ? '—' : tx.money(v.toFixed(2))),
    },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 72, right: 24, top: 40, bottom: 32 },
    xAxis: { type: 'category', data: periodsOf(report).map(tx.period) },
    yAxis: { type: 'value', axisLabel: axisMoney(tx) },
    series: [
      ...series.map((s, i) => ({
        name: tx.channel(s.channel || null),
        type: 'line',
        data: s.values,
        connectNulls: false,
        symbolSize: 6,
        markLine:
          s.benchmark === null
            ? undefined
            : {
                symbol: 'none',
                lineStyle: { type: 'dashed', color: PALETTE[i % PALETTE.length] },
                // Several benchmarks' labels would overlap: each shows when its line is pointed at (all are in the table).
                label: { show: false },
                emphasis: {
                  label: {
                    show: true,
                    formatter: `${tx.t('benchmarkLine', { channel: tx.channel(s.channel) })} ${tx.money(s.benchmarkText)}`,
                    position: 'insideEndTop',
                  },
                },
                data: [{ yAxis: s.benchmark }],
              },
      })),
      ...(target
        ? [
            {
              name: tx.t('targetLine'),
              type: 'line',
              data: [],
              markLine: {
                silent: true,
                symbol: 'none',
                lineStyle: { type: 'solid', color: '#b00020', width: 2 },
                label: { formatter: `${tx.t('targetLine')} ${tx.money(target)}`, position: 'insideStartTop' },
                data: [{ yAxis: Number(target) }],
              },
            },
          ]
        : []),
    ],
  };
}

/** Categories in the order of their total cost over the range, largest first. */
export function categoriesOf(rows: readonly ReportRow[]): string[] {
  const totals = new Map<string, number>();
  for (const row of rows)
    for (const [c, v] of Object.entries(row.costByCategory)) totals.set(c, (totals.get(c) ?? 0) + Number(v));
  return [...totals.entries()].sort((a, b) => b[1] - a[1]).map(([c]) => c);
}

export function compositionOption(report: Report, tx: Texts): EChartsCoreOption {
  const categories = categoriesOf(report.periodTotals);
  return {
    color: PALETTE,
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => tx.money(v.toFixed(2)) },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 80, right: 16, top: 40, bottom: 32 },
    xAxis: { type: 'category', data: periodsOf(report).map(tx.period) },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => tx.moneyWhole(v) } },
    series: categories.map((c) => ({
      name: tx.category(c),
      type: 'bar',
      stack: 'cost',
      data: report.periodTotals.map((p) => num(p.costByCategory[c]) ?? 0),
    })),
  };
}

export interface WaterfallStep {
  key: string;
  label: string;
  /** The step's effect, or for the first and last bar the level. */
  value: number;
  kind: 'level' | 'up' | 'down';
}

/** Floating bars: each step starts where the previous ended; levels start at 0. */
export function waterfallOption(steps: readonly WaterfallStep[], tx: Texts): EChartsCoreOption {
  let level = 0;
  const base: number[] = [];
  const bars: { value: number; itemStyle: { color: string } }[] = [];
  for (const step of steps) {
    if (step.kind === 'level') {
      base.push(0);
      level = step.value;
      bars.push({ value: step.value, itemStyle: { color: '#1f5fa8' } });
      continue;
    }
    const end = level + step.value;
    base.push(Math.min(level, end));
    bars.push({ value: Math.abs(step.value), itemStyle: { color: step.value >= 0 ? '#b3541e' : '#2e7d32' } });
    level = end;
  }
  const low = Math.min(
    ...base.filter((_, i) => steps[i]?.kind !== 'level'),
    ...steps.filter((s) => s.kind === 'level').map((s) => s.value),
  );
  return {
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (items: { dataIndex: number }[]) => {
        const step = steps[items[0]?.dataIndex ?? 0];
        if (!step) return '';
        return `${step.label}: ${step.kind === 'level' ? tx.money(step.value.toFixed(2)) : tx.moneyChange(step.value.toFixed(2))}`;
      },
    },
    grid: { left: 72, right: 16, top: 16, bottom: 72 },
    xAxis: { type: 'category', data: steps.map((s) => s.label), axisLabel: { interval: 0, rotate: 30 } },
    yAxis: waterfallAxis(low, tx),
    series: [
      {
        type: 'bar',
        stack: 'w',
        data: base,
        itemStyle: { color: 'transparent' },
        emphasis: { disabled: true },
        silent: true,
      },
      { type: 'bar', stack: 'w', data: bars },
    ],
  };
}

/**
 * The value axis of a waterfall whose bars reach down to `low`: from 0, so the levels' bars keep their
 * true lengths, and small steps stay readable because the span from 0 to just below the lowest bar is
 * cut out, drawn as a break. Bars below 0 get room below it instead.
 */
function waterfallAxis(low: number, tx: Texts): Record<string, unknown> {
  const axisLabel = axisMoney(tx);
  if (low <= 0) return { type: 'value', min: Math.floor(low * 1.1 * 100) / 100, axisLabel };
  const floor = Math.floor(low * 0.9 * 100) / 100;
  return {
    type: 'value',
    min: 0,
    axisLabel,
    breaks: [{ start: 0, end: floor, gap: '12%' }],
    breakArea: { expandOnClick: false },
    breakLabelLayout: { moveOverlap: true },
  };
}

/** Required and scheduled agents per interval (bars and a step line), the service level on a second axis. */
export function staffingOption(sums: readonly IntervalSum[], tx: Texts, target?: number): EChartsCoreOption {
  const label = (start: string) => intervalLabel(start, tx.lang, tx.date);
  return {
    color: ['#1f5fa8', '#b3541e', '#2e7d32'],
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 56, top: 40, bottom: 48 },
    xAxis: { type: 'category', data: sums.map((s) => label(s.start)) },
    yAxis: [
      { type: 'value', name: tx.t('requiredAgents'), nameTextStyle: { align: 'left' } },
      { type: 'value', min: 0, max: 1, axisLabel: { formatter: (v: number) => tx.percent(v, 0) } },
    ],
    series: [
      { name: tx.t('requiredAgents'), type: 'bar', data: sums.map((s) => s.agents) },
      {
        name: tx.t('scheduledAgents'),
        type: 'line',
        step: 'middle',
        symbol: 'none',
        data: sums.map((s) => s.scheduled),
      },
      {
        name: tx.t('serviceLevel'),
        type: 'line',
        yAxisIndex: 1,
        symbolSize: 4,
        data: sums.map((s) => s.serviceLevel),
        tooltip: { valueFormatter: (v: number | null) => tx.percent(v) },
        markLine:
          target === undefined
            ? undefined
            : {
                silent: true,
                symbol: 'none',
                lineStyle: { type: 'dashed' },
                label: { show: false },
                data: [{ yAxis: target }],
              },
      },
    ],
  };
}
