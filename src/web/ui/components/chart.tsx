import type { EChartsCoreOption, EChartsType } from 'echarts/core';
import { useEffect, useRef } from 'preact/hooks';

/** ECharts is loaded after the first view: its own chunk, so figures and tables show before it is parsed. */
const echarts = () => import('./echarts-setup.js');

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
  const chart = useRef<EChartsType | null>(null);
  const latest = useRef(option);
  latest.current = option;
  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | undefined;
    echarts().then(({ init }) => {
      if (disposed || !box.current) return;
      const c = init(box.current, undefined, { renderer: 'svg' });
      chart.current = c;
      c.setOption(withDefaults(latest.current), true);
      observer = new ResizeObserver(() => c.resize());
      observer.observe(box.current);
    });
    return () => {
      disposed = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(withDefaults(option), true);
  }, [option]);
  return (
    <div id={id} class="chart" ref={box} role="img" aria-label={label} style={{ height: `${height}px` }} />
  );
}

function withDefaults(option: EChartsCoreOption): EChartsCoreOption {
  return { animation: false, aria: { enabled: true }, ...option };
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
