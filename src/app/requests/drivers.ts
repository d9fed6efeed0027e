import { z } from 'zod';
import { LOCALES } from '../../report/locale.js';
import { dimensions, oneOf, periodText, wholeNumber } from '../params.js';

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
  locale: oneOf(LOCALES)
    .default('en-US')
    .describe('language and number formats of the table: en-US or de-DE'),
});
export type DriversRequest = z.input<typeof driversRequest>;
