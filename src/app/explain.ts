import type { z } from 'zod';
import { resolveDefinitions } from '../metrics/definitions.js';
import { type Explanation, explain as explainFigure } from '../metrics/explain.js';
import type { DimensionValues } from '../metrics/segments.js';
import { DIMENSIONS } from '../model/contact.js';
import { type ExplainView, explainText, explainView } from '../report/explain-render.js';
import type { Workspace } from '../workspace/workspace.js';
import { operation } from './operation.js';
import { parseRequest } from './request.js';
import { type ExplainRequest, explainRequest } from './requests/explain.js';

export * from './requests/explain.js';

/** A figure and everything behind it: the JSON of `explain --format json`. */
export async function explain(workspace: Workspace, request: ExplainRequest): Promise<ExplainView> {
  const r = parseRequest(explainRequest, request);
  return explainView(await explanation(workspace, r), r.metric);
}

/** The same as text: the formula with its numbers, the cost lines or contacts behind it, the definitions. */
async function explainOutput(
  workspace: Workspace,
  request: ExplainRequest,
  _format: string,
  width?: number,
): Promise<string> {
  const r = parseRequest(explainRequest, request);
  return explainText(await explanation(workspace, r), r.metric, width, r.locale);
}

function explanation(workspace: Workspace, r: z.output<typeof explainRequest>): Promise<Explanation> {
  const segment: DimensionValues = {};
  for (const dim of DIMENSIONS) if (r[dim] !== undefined) segment[dim] = r[dim];
  return explainFigure(workspace.engine, resolveDefinitions(workspace.config), {
    period: r.period,
    segment,
    detail: r.metric === 'costPerResolution' ? 'full' : 'headline',
  });
}

export const explainOperation = operation({
  name: 'explain',
  summary: 'A figure and everything behind it: cost lines, prorated and allocated parts, contacts by outcome',
  request: explainRequest,
  run: explain,
  output: { formats: ['table'], render: explainOutput },
});
