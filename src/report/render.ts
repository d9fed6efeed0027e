import { addDays } from '../calendar/dates.js';
import { wallClock } from '../calendar/time-zone.js';
import type { Engine } from '../engine/engine.js';
import { type CompareMode, compareReport } from '../metrics/compare.js';
import {
  type CostPerContactReport,
  costPerContactReport,
  type ReportOptions,
} from '../metrics/cost-per-contact.js';
import { type Definitions, resolveDefinitions } from '../metrics/definitions.js';
import { VERSION } from '../version.js';
import type { Workspace } from '../workspace/workspace.js';
import { type ChartData, chartData } from './chart-data.js';
import { compareView, withCompare, withCompareNotes } from './compare.js';
import { type RenderContext, type ReportFooter, renderContext } from './context.js';
import { renderCsv } from './csv.js';
import { describeDefinitionsDe } from './definitions-de.js';
import { renderJson } from './json.js';
import type { Locale } from './locale.js';
import { type ReportView, reportView } from './report-view.js';
import { renderTable } from './table.js';
import { trendView } from './trend.js';

export const TEXT_FORMATS = ['table', 'json', 'csv', 'html'] as const;
export const BINARY_FORMATS = ['xlsx', 'pdf'] as const;
export type TextFormat = (typeof TEXT_FORMATS)[number];
export type BinaryFormat = (typeof BINARY_FORMATS)[number];
export type ReportFormat = TextFormat | BinaryFormat;

export function isBinaryFormat(format: ReportFormat): format is BinaryFormat {
  return (BINARY_FORMATS as readonly string[]).includes(format);
}

export interface RenderSettings {
  locale?: Locale;
  compare?: CompareMode | undefined;
  /** Terminal columns the text table must fit; undefined: full width. */
  width?: number | undefined;
  /** The footer of HTML and PDF reports; renderReport fills it in from the workspace and today. */
  footer?: ReportFooter | undefined;
}

/** A report ready to render: its view, the render context and, on demand, the chart data. */
export interface PreparedReport {
  view: ReportView;
  context: RenderContext;
  charts: () => Promise<ChartData>;
}

/** Builds the cost-per-contact report of a workspace and renders it in one text format. */
export async function renderReport(
  workspace: Workspace,
  options: ReportOptions,
  format: TextFormat,
  settings: RenderSettings = {},
): Promise<string> {
  return renderText(
    await prepareReport(
      workspace.engine,
      resolveDefinitions(workspace.config),
      options,
      withFooter(workspace, settings),
    ),
    format,
  );
}

/** The trend of cost per contact by channel (options by channel, the last N periods), as a table or JSON. */
export async function renderTrendReport(
  workspace: Workspace,
  options: ReportOptions,
  format: 'table' | 'json',
  settings: RenderSettings = {},
): Promise<string> {
  const prepared = await prepareReport(
    workspace.engine,
    resolveDefinitions(workspace.config),
    options,
    settings,
  );
  const { renderTrend } = await import('./trend.js');
  if (format === 'table') return renderTrend(prepared.view, prepared.context);
  return `${JSON.stringify(trendJson(prepared.view), null, 2)}\n`;
}

/** The trend's documented JSON: the report's head, and per channel its cost per contact over the periods. */
export function trendJson(view: ReportView) {
  const trend = trendView(view);
  const { rows: _rows, periodTotals: _totals, totals: _total, ...head } = view;
  const rows = trend.rows.map(({ rows: _, ...row }) => row);
  return { ...head, trend: { periods: trend.periods, rows } };
}

export type TrendJson = ReturnType<typeof trendJson>;

/** The footer facts: today in the workspace's time zone, this version, the workspace folder. */
export function withFooter(workspace: Workspace, settings: RenderSettings): RenderSettings {
  if (settings.footer) return settings;
  const date = wallClock(new Date(), workspace.config.timezone).date;
  return { ...settings, footer: { date, version: VERSION, workspace: workspace.dir } };
}

export async function renderText(
  { view, context, charts }: PreparedReport,
  format: TextFormat,
): Promise<string> {
  switch (format) {
    case 'table':
      return renderTable(view, context);
    case 'csv':
      return renderCsv(view, context);
    case 'json':
      return renderJson(jsonView({ view, context }), context.locale);
    case 'html': {
      const { renderHtml } = await import('./html.js');
      return renderHtml(view, context, await charts());
    }
  }
}

/** The view `--format json` writes: each row carries its comparison when there is one. */
export function jsonView({ view, context }: Pick<PreparedReport, 'view' | 'context'>): ReportView {
  return context.compare ? withCompare(view, context.compare) : view;
}

/** The same for the binary formats: an XLSX workbook or a PDF document. */
export async function renderReportBytes(
  workspace: Workspace,
  options: ReportOptions,
  format: BinaryFormat,
  settings: RenderSettings = {},
): Promise<Uint8Array> {
  return renderBytes(
    await prepareReport(
      workspace.engine,
      resolveDefinitions(workspace.config),
      options,
      withFooter(workspace, settings),
    ),
    format,
  );
}

export async function renderBytes(
  { view, context, charts }: PreparedReport,
  format: BinaryFormat,
): Promise<Uint8Array> {
  if (format === 'xlsx') {
    const { renderXlsx } = await import('./xlsx.js');
    return renderXlsx(view, context);
  }
  const { renderPdf } = await import('./pdf.js');
  return renderPdf(view, context, await charts());
}

export async function prepareReport(
  engine: Engine,
  definitions: Definitions,
  options: ReportOptions,
  settings: RenderSettings = {},
): Promise<PreparedReport> {
  const report = await costPerContactReport(engine, definitions, options);
  const plain = reportView(report);
  const compare = settings.compare
    ? compareView(plain, await compareReport(engine, definitions, report, settings.compare))
    : undefined;
  const view = compare ? withCompareNotes(plain, compare) : plain;
  const german = settings.locale === 'de-DE';
  const context = renderContext(view, settings.locale, {
    compare,
    definitions: german ? { ...view.definitions, ...describeDefinitionsDe(definitions) } : view.definitions,
    width: settings.width,
    footer: settings.footer,
  });
  const charts = async () =>
    chartData(view, await byChannel(engine, definitions, report, view), context.locale);
  return { view, context, charts };
}

/** The trend and the bridge are by channel: the report itself when it is, otherwise a second run of it. */
async function byChannel(
  engine: Engine,
  definitions: Definitions,
  report: CostPerContactReport,
  view: ReportView,
): Promise<ReportView> {
  if (report.by.length === 1 && report.by[0] === 'channel') return view;
  const options = {
    granularity: report.granularity,
    from: report.from,
    to: addDays(report.to, -1),
    by: ['channel' as const],
  };
  return reportView(await costPerContactReport(engine, definitions, options));
}
