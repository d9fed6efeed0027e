import { z } from 'zod';
import { periodText } from '../params.js';

export const statusRequest = z.strictObject({
  from: periodText
    .optional()
    .describe('first month shown (or a date or period in it); default: the first with data'),
  to: periodText.optional().describe('last month shown; default: the last with data'),
});
export type StatusRequest = z.input<typeof statusRequest>;
