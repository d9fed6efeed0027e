import { resolveDefinitions } from '../metrics/definitions.js';
import { driversReport } from '../metrics/drivers/drivers-report.js';
import { type DriversView, driversView } from '../metrics/drivers/view.js';
import { describeDefinitionsDe } from '../report/definitions-de.js';
import { renderDriversTable } from '../report/drivers-table.js';
import type { Workspace } from '../workspace/workspace.js';
import { operation } from './operation.js';
import { parseRequest } from './request.js';
import { type DriversRequest, driversRequest } from './requests/drivers.js';

export * from './requests/drivers.js';

/** Why cost per contact changed between two periods: the JSON of `drivers --format json`. */
export async function drivers(workspace: Workspace, request: DriversRequest): Promise<DriversView> {
  const r = parseRequest(driversRequest, request);
  const report = await driversReport(workspace.engine, resolveDefinitions(workspace.config), r);
  return driversView(report, r.decimals);
}

export const driversOperation = operation({
  name: 'drivers',
  summary:
    'Why cost per contact changed between two periods: mix, cost and volume growth per segment, labour split',
  request: driversRequest,
  run: drivers,
  output: {
    formats: ['table'],
    async render(workspace, request, _format, width) {
      const r = parseRequest(driversRequest, request);
      const view = await drivers(workspace, r);
      const german = r.locale === 'de-DE' && describeDefinitionsDe(resolveDefinitions(workspace.config));
      return renderDriversTable(
        view,
        width,
        r.locale,
        german ? { ...view.definitions, ...german } : undefined,
      );
    },
  },
});
