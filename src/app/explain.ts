import { resolveDefinitions } from '../metrics/definitions.js';
import { explain as explainFigure } from '../metrics/explain.js';
import type { DimensionValues } from '../metrics/segments.js';
import { DIMENSIONS } from '../model/contact.js';
import { type ExplainView, explainView } from '../report/explain-render.js';
import type { Workspace } from '../workspace/workspace.js';
import { operation } from './operation.js';
import { parseRequest } from './request.js';
import { type ExplainRequest, explainRequest } from './requests/explain.js';

export { type ExplainRequest, explainRequest };

/** A figure and everything behind it: the JSON of `explain --format json`. */
export async function explain(workspace: Workspace, request: ExplainRequest): Promise<ExplainView> {
  const r = parseRequest(explainRequest, request);
  const segment: DimensionValues = {};
  for (const dim of DIMENSIONS) if (r[dim] !== undefined) segment[dim] = r[dim];
  const e = await explainFigure(workspace.engine, resolveDefinitions(workspace.config), {
    period: r.period,
    segment,
    detail: r.metric === 'costPerResolution' ? 'full' : 'headline',
  });
  return explainView(e, r.metric);
}

export const explainOperation = operation({
  name: 'explain',
  summary: 'A figure and everything behind it: cost lines, prorated and allocated parts, contacts by outcome',
  request: explainRequest,
  run: explain,
});
