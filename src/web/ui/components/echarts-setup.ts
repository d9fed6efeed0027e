import { BarChart, LineChart } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
} from 'echarts/components';
import { init, use } from 'echarts/core';
import { AxisBreak } from 'echarts/features';
import { SVGRenderer } from 'echarts/renderers';

// Only what the dashboard draws: lines and bars, axes (with breaks), legend, tooltips, reference lines, SVG.
use([
  AxisBreak,
  LineChart,
  BarChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  MarkLineComponent,
  AriaComponent,
  SVGRenderer,
]);

export { init };
