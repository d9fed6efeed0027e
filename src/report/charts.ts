import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { type BridgeData, bridgeTicks, type SeriesChart, waterfall } from './chart-data.js';
import {
  AXIS_COLOUR,
  FALL_COLOUR,
  FONT_FAMILY,
  GRID_COLOUR,
  LEVEL_COLOUR,
  PALETTE,
  RISE_COLOUR,
} from './chart-style.js';
import type { LocaleFormat } from './locale.js';

echarts.use([LineChart, BarChart, GridComponent, LegendComponent, SVGRenderer]);

export interface ChartSize {
  width: number;
  height: number;
}

/** Renders one chart to a standalone SVG string on the server: no DOM, no animation. */
function renderSvg(option: echarts.EChartsCoreOption, size: ChartSize): string {
  const chart = echarts.init(null, null, {
    renderer: 'svg',
    ssr: true,
    width: size.width,
    height: size.height,
  });
  try {
    chart.setOption({
      animation: false,
      color: PALETTE,
      textStyle: { fontFamily: FONT_FAMILY, color: AXIS_COLOUR },
      ...option,
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

const valueAxis = (format: (v: number) => string) => ({
  type: 'value',
  axisLabel: { formatter: format, color: AXIS_COLOUR },
  splitLine: { lineStyle: { color: GRID_COLOUR } },
});

const categoryAxis = (labels: string[], boundaryGap = true) => ({
  type: 'category',
  data: labels,
  boundaryGap,
  axisLabel: { color: AXIS_COLOUR, interval: 0, hideOverlap: true },
  axisLine: { lineStyle: { color: AXIS_COLOUR } },
});

const grid = { left: 12, right: 24, top: 48, bottom: 12 };
const legend = { top: 4, type: 'plain', itemWidth: 14, itemHeight: 8 };

/** Cost per contact over the periods, one line per channel. */
export function trendChartSvg(data: SeriesChart, locale: LocaleFormat, size: ChartSize): string {
  return renderSvg(
    {
      legend,
      grid,
      xAxis: categoryAxis(data.periods, data.periods.length === 1),
      yAxis: valueAxis((v) => locale.decimal(v, 2)),
      series: data.series.map((s) => ({
        type: 'line',
        name: s.name,
        data: s.values,
        symbolSize: 6,
        lineStyle: { width: 2 },
      })),
    },
    size,
  );
}

/** Cost per period stacked by category. */
export function compositionChartSvg(data: SeriesChart, locale: LocaleFormat, size: ChartSize): string {
  return renderSvg(
    {
      legend,
      grid: { ...grid, top: 24 + 18 * Math.ceil(data.series.length / 4) },
      xAxis: categoryAxis(data.periods),
      yAxis: valueAxis((v) => locale.decimal(v, 0)),
      series: data.series.map((s) => ({
        type: 'bar',
        name: s.name,
        stack: 'cost',
        data: s.values,
        barMaxWidth: 48,
      })),
    },
    size,
  );
}

/** A waterfall: the starting level, each change floating from the level before it, the ending level. */
export function bridgeChartSvg(data: BridgeData, locale: LocaleFormat, size: ChartSize): string {
  const bars = waterfall(data);
  const ticks = bridgeTicks(data);
  const label = (values: (number | null)[], signed: boolean) => ({
    show: true,
    position: 'top',
    color: '#111827',
    formatter: (p: { dataIndex: number }) => {
      const v = values[p.dataIndex];
      return v === null || v === undefined ? '' : signed ? signedText(v, locale) : locale.decimal(v, 2);
    },
  });
  const stacked = (
    name: string,
    values: (number | null)[],
    colour: string,
    text: ReturnType<typeof label>,
  ) => ({
    type: 'bar',
    name,
    stack: 'bridge',
    data: values.map((v) => (v === null ? '-' : Math.abs(v))),
    itemStyle: { color: colour },
    label: text,
    barMaxWidth: 56,
  });
  return renderSvg(
    {
      grid: { ...grid, top: 24, bottom: 8 },
      xAxis: {
        ...categoryAxis(bars.labels),
        axisLabel: { color: AXIS_COLOUR, interval: 0, width: 90, overflow: 'break' },
      },
      yAxis: {
        ...valueAxis((v) => locale.decimal(v, 2)),
        min: ticks[0],
        max: ticks[ticks.length - 1],
        interval: (ticks[1] ?? 1) - (ticks[0] ?? 0),
      },
      series: [
        { type: 'bar', stack: 'bridge', data: bars.base, itemStyle: { color: 'transparent' }, silent: true },
        stacked('level', bars.levels, LEVEL_COLOUR, label(bars.levels, false)),
        stacked('rise', bars.rises, RISE_COLOUR, label(bars.rises, true)),
        stacked('fall', bars.falls, FALL_COLOUR, label(bars.falls, true)),
      ],
    },
    size,
  );
}

function signedText(value: number, locale: LocaleFormat): string {
  return locale.money(value.toFixed(10), true);
}
