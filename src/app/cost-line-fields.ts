import { z } from 'zod';
import { isIsoDate } from '../calendar/dates.js';
import { parsePeriodText } from '../calendar/period.js';
import { driverText } from '../model/config.js';
import { CHANNELS } from '../model/contact.js';
import { COST_BEHAVIOURS, COST_CATEGORIES } from '../model/cost-line.js';
import { dimensionValue, oneOf, periodText } from './params.js';
import { hasControlCharacters } from './plain-text.js';

/** At most 15 significant digits: what a double keeps exactly, and far beyond any real ledger amount. */
const MAX_SIGNIFICANT_DIGITS = 15;

/** An amount as exact decimal text ("1234.56", "-80"); numbers are refused, they may already have lost digits. */
export const amount = z
  .string({ error: () => 'expected the amount as decimal text, like "1234.56"' })
  .regex(/^[+-]?\d+(\.\d+)?$/, {
    error: () => 'expected decimal text like 1234.56 (a point, no thousands separators)',
  })
  .refine(
    (text) => text.replace(/^[+-]/, '').replace('.', '').replace(/^0+/, '').length <= MAX_SIGNIFICANT_DIGITS,
    {
      error: () => `has more than ${MAX_SIGNIFICANT_DIGITS} significant digits`,
    },
  );

export const isoDate = z
  .string({ error: () => 'expected a date as YYYY-MM-DD' })
  .refine(isIsoDate, { error: (issue) => `"${issue.input}" is not a date (YYYY-MM-DD)` });

/** The editable fields of a cost line, validated as `import costs` validates a ledger's columns. */
export const costLineFields = {
  category: oneOf(COST_CATEGORIES).describe('cost category'),
  amount: amount.describe('exact decimal text in currency, e.g. "12500.00"'),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, { error: () => 'expected an ISO 4217 code such as EUR' })
    .describe("ISO 4217 code (default: the workspace's currency)"),
  periodStart: isoDate.describe('first day the cost accrues'),
  periodEnd: isoDate.describe('the day after the last (exclusive end: a March cost ends on 04-01)'),
  period: periodText.describe('instead of periodStart/periodEnd: 2026-03, 2026-Q1 or 2026'),
  channel: oneOf(CHANNELS).nullable().describe('set: a direct cost of that channel'),
  queue: dimensionValue.nullable().describe('set: a direct cost of that queue'),
  team: dimensionValue.nullable().describe('set: a direct cost of that team'),
  driver: driverText.nullable().describe('how a shared cost is allocated (default: by category)'),
  behaviour: oneOf(COST_BEHAVIOURS).describe('fixed or variable (for planning)'),
  description: z
    .string()
    .refine((text) => !hasControlCharacters(text), { error: () => 'contains control characters' })
    .max(1000)
    .nullable(),
};

/** First day and the day after the last of `period` text. */
export function periodBounds(text: string): { start: string; end: string } {
  const { start, end } = parsePeriodText(text);
  return { start, end };
}
