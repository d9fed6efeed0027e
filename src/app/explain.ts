import { z } from 'zod';
import { resolveDefinitions } from '../metrics/definitions.js';
import { explain as explainFigure } from '../metrics/explain.js';
import type { DimensionValues } from '../metrics/segments.js';
import { DIMENSIONS } from '../model/contact.js';
import { EXPLAIN_METRICS } from '../report/explain-metrics.js';
import { type ExplainView, explainView } from '../report/explain-render.js';
import type { Workspace } from '../workspace/workspace.js';
import { operation } from './operation.js';
import { dimensionValue, oneOf, periodText } from './params.js';
import { parseRequest } from './request.js';

const segmentParams = Object.fromEntries(
  DIMENSIONS.map((d) => [d, dimensionValue.optional().describe(`only the ${d} with this value`)]),
) as Record<(typeof DIMENSIONS)[number], z.ZodOptional<typeof dimensionValue>>;

export const explainRequest = z.strictObject({
  period: periodText.describe('one period: 2026-03, 2026-Q1, 2026-W10, 2026-03-05 or 2026'),
  metric: oneOf(EXPLAIN_METRICS).default('costPerContact').describe('the figure to take apart'),
  ...segmentParams,
});
export type ExplainRequest = z.input<typeof explainRequest>;

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
