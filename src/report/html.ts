import { benchmarkComparisons } from './benchmark-lines.js';
import { bodyRows, type Cell, display, heading, isAlignedRight, reportCells, shownPeriods } from './cells.js';
import type { ChartData } from './chart-data.js';
import { bridgeChartSvg, compositionChartSvg, trendChartSvg } from './charts.js';
import {
  breakdownText,
  compareText,
  definitionEntries,
  footerText,
  headlineTiles,
  type RenderContext,
  rangeText,
  type Tile,
} from './context.js';
import { footnotes } from './footnotes.js';
import { CATEGORY_LABELS } from './labels.js';
import type { ReportView, RowView } from './report-view.js';

const CHART = { width: 760, height: 340 };

export const STYLE = `
body{font-family:Helvetica,Arial,sans-serif;color:#111827;margin:0;background:#f9fafb}
main{max-width:1240px;margin:0 auto;padding:24px}
h1{font-size:26px;margin:0 0 4px}h2{font-size:18px;margin:32px 0 12px}
.meta{color:#4b5563;margin:0}
.tiles{display:flex;flex-wrap:wrap;gap:12px;margin-top:20px}
.tile{background:#fff;border:1px solid #e5e7eb;border-radius:6px;padding:12px 16px;min-width:150px}
.tile .name{color:#6b7280;font-size:13px}.tile .value{font-size:22px;font-weight:600;margin-top:4px}
.tile .change{font-size:13px;color:#4b5563;margin-top:2px}
.charts{margin-top:20px;display:grid;grid-template-columns:repeat(auto-fit,minmax(560px,1fr));gap:16px}
figure{background:#fff;border:1px solid #e5e7eb;border-radius:6px;margin:0;padding:12px}
figcaption{font-weight:600;margin-bottom:6px}figure svg{max-width:100%;height:auto;display:block}
.note{color:#6b7280;font-size:12px;font-weight:normal;margin-top:4px}
.scroll{overflow-x:auto;background:#fff;border:1px solid #e5e7eb;border-radius:6px}
table{border-collapse:collapse;font-size:13px;width:100%}
th,td{padding:5px 8px;border-bottom:1px solid #eef0f3;white-space:nowrap;text-align:left}
th{background:#f3f4f6;position:sticky;top:0}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}td.marker{color:#6b7280;font-size:11px}
ol.notes{font-size:13px;color:#374151;padding-left:22px}ol.notes li{margin:3px 0}
tr.period-total td{font-weight:600;background:#f9fafb}tr.unallocated td{color:#6b7280;font-style:italic}
tfoot td{font-weight:700;border-top:2px solid #9ca3af}
dl{display:grid;grid-template-columns:max-content 1fr;gap:6px 16px;font-size:13px}dt{font-weight:600}dd{margin:0;color:#374151}
footer{color:#9ca3af;font-size:12px;margin-top:32px}
@media print{body{background:#fff}.charts{grid-template-columns:1fr}figure,.scroll{border:none}}
`;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** One self-contained page: inline CSS and SVG charts, the table with its totals, the definitions. */
export function renderHtml(view: ReportView, context: RenderContext, charts: ChartData): string {
  const { locale } = context;
  const title = locale.label('title');
  const compared = compareText(context);
  const meta = [
    rangeText(view, context),
    breakdownText(view, context),
    `${locale.label('timezone')} ${view.timezone}`,
  ];
  return `<!doctype html>
<html lang="${locale.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`${title} · ${rangeText(view, context)}`)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<header>
<h1>${escapeHtml(title)}</h1>
<p class="meta">${meta.map(escapeHtml).join(' · ')}</p>
${compared ? `<p class="meta">${escapeHtml(compared)}</p>` : ''}
</header>
${tiles(view, context)}
${chartsSection(charts, context)}
<h2>${escapeHtml(locale.label('report'))}</h2>
${reportTable(view, context)}
<h2>${escapeHtml(locale.label('costByCategory'))}</h2>
${categoryTable(view, context)}
${notesSection(view, context)}
${benchmarkSection(view, context)}
<h2>${escapeHtml(locale.label('definitions'))}</h2>
<dl>
${definitionEntries(view, context, { notes: false })
  .map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`)
  .join('\n')}
</dl>
<footer>${escapeHtml(footerText(context))}</footer>
</main>
</body>
</html>
`;
}

/** The headline figures of the grand total, with their change where compared. */
function tiles(view: ReportView, context: RenderContext): string {
  const tile = (t: Tile) =>
    `<div class="tile"><div class="name">${escapeHtml(t.name)}</div><div class="value">${escapeHtml(t.value)}</div>${
      t.change ? `<div class="change">${escapeHtml(t.change)}</div>` : ''
    }</div>`;
  return `<section class="tiles">\n${headlineTiles(view, context).map(tile).join('\n')}\n</section>`;
}

function chartsSection(charts: ChartData, context: RenderContext): string {
  const { locale } = context;
  const empty = `<p class="note">${escapeHtml(locale.label('chartEmpty'))}</p>`;
  const figure = (caption: string, svg: string | undefined, note = '') =>
    `<figure><figcaption>${escapeHtml(caption)}${note ? `<div class="note">${escapeHtml(note)}</div>` : ''}</figcaption>${svg ?? empty}</figure>`;
  const trend = charts.trend.series.length > 0 ? trendChartSvg(charts.trend, locale, CHART) : undefined;
  const composition =
    charts.composition.series.length > 0 ? compositionChartSvg(charts.composition, locale, CHART) : undefined;
  const bridge = charts.bridge ? bridgeChartSvg(charts.bridge, locale, CHART) : undefined;
  return `<section class="charts">
${figure(locale.label('chartTrend'), trend)}
${figure(locale.label('chartComposition'), composition)}
${figure(locale.label('chartBridge'), bridge, locale.label('bridgeNote'))}
</section>`;
}

function rowClass(row: RowView): string {
  if (row.kind === 'periodTotal') return ' class="period-total"';
  return row.kind === 'unallocated' ? ' class="unallocated"' : '';
}

function reportTable(view: ReportView, context: RenderContext): string {
  const { locale } = context;
  const cells = reportCells(view, locale, { all: false, compare: context.compare, forPeople: true });
  const notes = footnotes(view, context);
  const marked = [...bodyRows(view), view.totals].some((r) => notes.marker(r) !== '');
  const cls = (c: Cell) => (isAlignedRight(c) ? ' class="num"' : '');
  const marker = (row: RowView) => (marked ? `<td class="marker">${escapeHtml(notes.marker(row))}</td>` : '');
  const tr = (row: RowView) =>
    `<tr${rowClass(row)}>${cells.map((c) => `<td${cls(c)}>${escapeHtml(display(c, row, locale))}</td>`).join('')}${marker(row)}</tr>`;
  const notesHeading = marked ? `<th>${escapeHtml(locale.label('notes'))}</th>` : '';
  return `<div class="scroll"><table>
<thead><tr>${cells.map((c) => `<th${cls(c)}>${escapeHtml(heading(c.key, view, locale, 'long'))}</th>`).join('')}${notesHeading}</tr></thead>
<tbody>
${bodyRows(view).map(tr).join('\n')}
</tbody>
<tfoot>${tr(view.totals)}</tfoot>
</table></div>`;
}

/** Cost per period and category for the whole center: the numbers behind the composition chart. */
function categoryTable(view: ReportView, context: RenderContext): string {
  const { locale } = context;
  const categories = Object.keys(view.totals.costByCategory);
  const name = (c: string) =>
    c in CATEGORY_LABELS ? locale.text(CATEGORY_LABELS[c as keyof typeof CATEGORY_LABELS]) : c;
  const rows = [...shownPeriods(view), view.totals];
  const th = (text: string, num = true) => `<th${num ? ' class="num"' : ''}>${escapeHtml(text)}</th>`;
  const td = (text: string) => `<td class="num">${escapeHtml(text)}</td>`;
  const line = (label: string, pick: (r: RowView) => string | null, total = false) =>
    `<tr${total ? ' class="period-total"' : ''}><td>${escapeHtml(label)}</td>${rows
      .map((r) => {
        const value = r.cost === null ? null : pick(r);
        return td(value === null ? '–' : locale.money(value));
      })
      .join('')}</tr>`;
  return `<div class="scroll"><table>
<thead><tr>${th(locale.label('category'), false)}${rows.map((r) => th(locale.period(r.period))).join('')}</tr></thead>
<tbody>
${categories.map((c) => line(name(c), (r) => r.costByCategory[c] ?? '0')).join('\n')}
${line(locale.label('total'), (r) => r.cost, true)}
</tbody>
</table></div>`;
}

/** The numbered notes the table's rows refer to. */
function notesSection(view: ReportView, context: RenderContext): string {
  const { list } = footnotes(view, context);
  if (list.length === 0) return '';
  return `<h2>${escapeHtml(context.locale.label('notes'))}</h2>\n<ol class="notes">\n${list
    .map(([, text]) => `<li>${escapeHtml(text)}</li>`)
    .join('\n')}\n</ol>`;
}

/** Each comparison with a published benchmark, naming its source (as in the table). */
function benchmarkSection(view: ReportView, context: RenderContext): string {
  const comparisons = benchmarkComparisons(view, context);
  if (!comparisons) return '';
  return `<h2>${escapeHtml(comparisons.heading)}</h2>\n<ul class="benchmarks">\n${comparisons.lines
    .map((l) => `<li>${escapeHtml(l)}</li>`)
    .join('\n')}\n</ul>`;
}
