import { z } from 'zod';
import { wholeNumber } from '../params.js';

export const pullLiveAgentRequest = z.strictObject({
  from: z
    .string({ error: () => 'expected a day as YYYY-MM-DD' })
    .describe('first day (YYYY-MM-DD, UTC) of the calls and tickets created'),
  to: z
    .string({ error: () => 'expected a day as YYYY-MM-DD' })
    .describe('last day (YYYY-MM-DD, UTC), included'),
  perPage: wholeNumber(1)
    .max(1000, { error: () => 'expected at most 1000' })
    .default(100)
    .describe('records per API page'),
});
export type PullLiveAgentRequest = z.input<typeof pullLiveAgentRequest>;
