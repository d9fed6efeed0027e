import { parsePeriodText } from '../calendar/period.js';
import { resolveDefinitions } from '../metrics/definitions.js';
import { driversReport } from '../metrics/drivers/drivers-report.js';
import { type DriversView, driversView } from '../metrics/drivers/view.js';
import type { Workspace } from '../workspace/workspace.js';
import { operation } from './operation.js';
import { badParameter, parseRequest } from './request.js';
import { type DriversRequest, driversRequest } from './requests/drivers.js';

export { type DriversRequest, driversRequest };

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
