import { z } from 'zod';
import { DIMENSIONS } from '../../model/contact.js';
import { EXPLAIN_METRICS } from '../../report/explain-metrics.js';
import { LOCALES } from '../../report/locale.js';
import { dimensionValue, oneOf, periodText } from '../params.js';

const segmentParams = Object.fromEntries(
  DIMENSIONS.map((d) => [d, dimensionValue.optional().describe(`only the ${d} with this value`)]),
) as Record<(typeof DIMENSIONS)[number], z.ZodOptional<typeof dimensionValue>>;

export const explainRequest = z.strictObject({
  period: periodText.describe('one period: 2026-03, 2026-Q1, 2026-W10, 2026-03-05 or 2026'),
  metric: oneOf(EXPLAIN_METRICS).default('costPerContact').describe('the figure to take apart'),
  ...segmentParams,
  locale: oneOf(LOCALES).default('en-US').describe('number formats of the table: en-US or de-DE'),
});
export type ExplainRequest = z.input<typeof explainRequest>;
