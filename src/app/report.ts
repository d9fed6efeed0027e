import type { z } from 'zod';
import { parsePeriodText } from '../calendar/period.js';
import type { ReportOptions } from '../metrics/cost-per-contact.js';
import { resolveDefinitions } from '../metrics/definitions.js';
import { type ReportJson, reportJson } from '../report/json.js';
import {
  type BinaryFormat,
  jsonView,
  type PreparedReport,
  prepareReport,
  renderBytes,
  renderText,
  type TextFormat,
  type TrendJson,
  trendJson,
  withFooter,
} from '../report/render.js';
import type { Workspace } from '../workspace/workspace.js';
import { operation, type Rendered } from './operation.js';
import { badParameter, parseRequest } from './request.js';
import { type ReportRequest, reportRequest } from './requests/report.js';

export * from './requests/report.js';

type Report = z.output<typeof reportRequest>;

export const REPORT_FORMATS = ['table', 'csv', 'html', 'xlsx', 'pdf'] as const;

/**
 * Cost per contact and service figures per period and segment: the JSON of `report --format json`;
 * with `trend`, the trend's JSON.
 */
export async function report(
  workspace: Workspace,
  request: ReportRequest & { trend?: undefined },
): Promise<ReportJson>;
export async function report(workspace: Workspace, request: ReportRequest): Promise<ReportJson | TrendJson>;
export async function report(workspace: Workspace, request: ReportRequest): Promise<ReportJson | TrendJson> {
  const r = parseRequest(reportRequest, request);
  const prepared = await prepare(workspace, r);
  if (r.trend !== undefined) return trendJson(prepared.view);
  return reportJson(jsonView(prepared), prepared.context.locale);
}

/** The report as a table, CSV, HTML, XLSX or PDF; a trend as a table. */
async function reportOutput(
  workspace: Workspace,
  request: ReportRequest,
  format: string,
  width?: number,
): Promise<Rendered> {
  const r = parseRequest(reportRequest, request);
  if (r.trend !== undefined && format !== 'table')
    throw badParameter('format', `a trend is a table or json, not ${format}`, format);
  const prepared = await prepare(workspace, r, width);
  if (r.trend !== undefined) {
    const { renderTrend } = await import('../report/trend.js');
    return renderTrend(prepared.view, prepared.context);
  }
  if (format === 'xlsx' || format === 'pdf') return renderBytes(prepared, format as BinaryFormat);
  return renderText(prepared, format as TextFormat);
}

async function prepare(workspace: Workspace, r: Report, width?: number): Promise<PreparedReport> {
  assertOrdered(r.from, r.to);
  if (r.trend !== undefined) {
    for (const [given, parameter] of [
      [r.from, 'from'],
      [r.by.length > 0 ? r.by : undefined, 'by'],
      [r.compare, 'compare'],
    ] as const) {
      if (given !== undefined)
        throw badParameter(
          parameter,
          'does not go with trend, which is by channel over the last N periods up to to',
        );
    }
  }
  const options: ReportOptions = {
    granularity: r.period,
    from: r.from,
    to: r.to,
    by: r.trend === undefined ? r.by : ['channel'],
    detail: r.detail,
    prorateToContacts: r.prorateToContacts,
    ...(r.trend === undefined ? {} : { lastPeriods: r.trend }),
  };
  const settings = withFooter(workspace, { locale: r.locale, compare: r.compare, width });
  return prepareReport(workspace.engine, resolveDefinitions(workspace.config), options, settings);
}

/** `from` and `to` are both inclusive: the range is empty when `from` starts after `to` ends. */
export function assertOrdered(from: string | undefined, to: string | undefined): void {
  if (from === undefined || to === undefined) return;
  if (parsePeriodText(from).start >= parsePeriodText(to).end) {
    throw badParameter('to', `${to} ends before from (${from}) starts`, to);
  }
}

export const reportOperation = operation({
  name: 'report',
  summary: 'Cost per contact and service figures per period and segment (the JSON of report --format json)',
  request: reportRequest,
  run: report,
  output: { formats: REPORT_FORMATS, render: reportOutput },
});
