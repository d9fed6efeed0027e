import { BarChart, LineChart } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
} from 'echarts/components';
import { type EChartsCoreOption, init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'preact/hooks';

// Only what the dashboard draws: lines and bars, axes, legend, tooltips, reference lines, SVG.
use([
  LineChart,
  BarChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  MarkLineComponent,
  AriaComponent,
  SVGRenderer,
]);

export interface ChartProps {
  option: EChartsCoreOption;
  /** What the chart shows, for screen readers (the figures are in the table beside it). */
  label: string;
  height?: number;
  id?: string;
}

/** An ECharts chart (SVG) that follows its container's width and is disposed with the component. */
export function Chart({ option, label, height = 280, id }: ChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof init> | null>(null);
  useEffect(() => {
    if (!box.current) return;
    const c = init(box.current, undefined, { renderer: 'svg' });
    chart.current = c;
    const observer = new ResizeObserver(() => c.resize());
    observer.observe(box.current);
    return () => {
      observer.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption({ animation: false, aria: { enabled: true }, ...option }, true);
  }, [option]);
  return (
    <div id={id} class="chart" ref={box} role="img" aria-label={label} style={{ height: `${height}px` }} />
  );
}

/** The dashboard's series colours: distinct, and dark enough against white for lines and text. */
export const PALETTE = [
  '#1f5fa8',
  '#b3541e',
  '#2e7d32',
  '#7b3fa0',
  '#8a6d00',
  '#00796b',
  '#c2185b',
  '#455a64',
  '#5d4037',
  '#3949ab',
  '#827717',
  '#6d4c41',
];
