import { z } from 'zod';
import { parsePeriodText } from '../calendar/period.js';
import { resolveDefinitions } from '../metrics/definitions.js';
import { driversReport } from '../metrics/drivers/drivers-report.js';
import { type DriversView, driversView } from '../metrics/drivers/view.js';
import type { Workspace } from '../workspace/workspace.js';
import { operation } from './operation.js';
import { dimensions, periodText, wholeNumber } from './params.js';
import { badParameter, parseRequest } from './request.js';

export const driversRequest = z.strictObject({
  from: periodText.describe(
    'the earlier period: a month 2026-02, quarter 2026-Q1, week 2026-W10 or day 2026-02-15',
  ),
  to: periodText.describe('the later period, of the same kind as from'),
  by: dimensions
    .default(['channel'])
    .describe('segments: channel, queue, team, agent, topic or a combination'),
  decimals: wholeNumber()
    .optional()
    .describe("decimal places of money shown (default: the currency's minor unit)"),
});
export type DriversRequest = z.input<typeof driversRequest>;

/** Why cost per contact changed between two periods: the JSON of `drivers --format json`. */
export async function drivers(workspace: Workspace, request: DriversRequest): Promise<DriversView> {
  const r = parseRequest(driversRequest, request);
  const [from, to] = [parsePeriodText(r.from), parsePeriodText(r.to)];
  if (from.granularity !== to.granularity) {
    throw badParameter(
      'to',
      `${r.to} is a ${to.granularity} but from (${r.from}) is a ${from.granularity}: compare two periods of the same kind`,
      r.to,
    );
  }
  const report = await driversReport(workspace.engine, resolveDefinitions(workspace.config), r);
  return driversView(report, r.decimals);
}

export const driversOperation = operation({
  name: 'drivers',
  summary:
    'Why cost per contact changed between two periods: mix, cost and volume growth per segment, labour split',
  request: driversRequest,
  run: drivers,
});
