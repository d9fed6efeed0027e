import { z } from 'zod';
import { COMPARE_MODES } from '../../metrics/compare-modes.js';
import { LOCALES } from '../../report/locale.js';
import { dimensions, granularity, oneOf, periodText, wholeNumber } from '../params.js';

export const reportRequest = z.strictObject({
  period: granularity.default('month').describe('day, week (ISO), month, quarter or year'),
  from: periodText
    .optional()
    .describe(
      'first date or period included (2026-01 or 2026-01-15); default: the first of the whole periods in which both contacts and costs exist',
    ),
  to: periodText
    .optional()
    .describe('last date or period included; default: the last of those whole periods'),
  by: dimensions.default([]).describe('break down by channel, queue, team, agent, topic (a list)'),
  detail: oneOf(['headline', 'full'])
    .default('headline')
    .describe('headline, or full to add repeat contacts (FCR, cost per resolution) and AHT median/p90'),
  compare: oneOf(COMPARE_MODES)
    .optional()
    .describe('add each row in the previous period or the same period a year earlier'),
  prorateToContacts: z
    .boolean({ error: () => 'expected true or false' })
    .default(false)
    .describe('in a period whose contacts cover only some of its days, count only the costs of those days'),
  trend: wholeNumber(2)
    .optional()
    .describe(
      'instead: cost per contact per channel over the last N periods up to to, with the change and the benchmark gap',
    ),
  locale: oneOf(LOCALES)
    .default('en-US')
    .describe("language and number formats: en-US or de-DE (in JSON, the notes' texts)"),
});
export type ReportRequest = z.input<typeof reportRequest>;
