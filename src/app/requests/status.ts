import { z } from 'zod';
import { LOCALES } from '../../report/locale.js';
import { oneOf, periodText } from '../params.js';

export const statusRequest = z.strictObject({
  from: periodText
    .optional()
    .describe('first month shown (or a date or period in it); default: the first with data'),
  to: periodText.optional().describe('last month shown; default: the last with data'),
  locale: oneOf(LOCALES)
    .default('en-US')
    .describe('language and number formats of the table: en-US or de-DE'),
});
export type StatusRequest = z.input<typeof statusRequest>;
