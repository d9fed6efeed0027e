import { z } from 'zod';
import { parsePeriodText } from '../calendar/period.js';
import { COMPARE_MODES } from '../metrics/compare.js';
import { resolveDefinitions } from '../metrics/definitions.js';
import { type ReportJson, reportJson } from '../report/json.js';
import { jsonView, prepareReport } from '../report/render.js';
import type { Workspace } from '../workspace/workspace.js';
import { operation } from './operation.js';
import { dimensions, granularity, oneOf, periodText } from './params.js';
import { badParameter, parseRequest } from './request.js';

export const reportRequest = z.strictObject({
  period: granularity.default('month').describe('day, week (ISO), month, quarter or year'),
  from: periodText
    .optional()
    .describe('first date or period included (2026-01 or 2026-01-15); default: first data'),
  to: periodText.optional().describe('last date or period included; default: last data'),
  by: dimensions.default([]).describe('break down by channel, queue, team, agent, topic (a list)'),
  detail: oneOf(['headline', 'full'])
    .default('headline')
    .describe('headline, or full to add repeat contacts (FCR, cost per resolution) and AHT median/p90'),
  compare: oneOf(COMPARE_MODES)
    .optional()
    .describe('add each row in the previous period or the same period a year earlier'),
});
export type ReportRequest = z.input<typeof reportRequest>;

/** Cost per contact and service figures per period and segment: the JSON of `report --format json`. */
export async function report(workspace: Workspace, request: ReportRequest): Promise<ReportJson> {
  const r = parseRequest(reportRequest, request);
  assertOrdered(r.from, r.to);
  const prepared = await prepareReport(
    workspace.engine,
    resolveDefinitions(workspace.config),
    { granularity: r.period, from: r.from, to: r.to, by: r.by, detail: r.detail },
    { compare: r.compare },
  );
  return reportJson(jsonView(prepared));
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
});
