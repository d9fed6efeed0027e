import { z } from 'zod';
import { LOCALES } from '../../report/locale.js';
import { nonNegative, oneOf, positive, share, wholeNumber } from '../params.js';
import { demandFields } from './staff.js';

/** `staff`'s demand plus the simulation's own settings. */
export const simulateRequest = z.strictObject({
  ...demandFields,
  replications: wholeNumber(2)
    .default(10)
    .describe('independent replications: the confidence half-widths come from their spread'),
  seed: wholeNumber().default(1).describe('random seed'),
  service: oneOf(['exponential', 'lognormal'])
    .default('exponential')
    .describe('handle times: exponential or lognormal'),
  cv: positive().optional().describe('with service lognormal: coefficient of variation of handle times'),
  callbackAfter: nonNegative()
    .optional()
    .describe('offer a callback when the predicted wait exceeds this (seconds)'),
  callbackTake: share({ zero: true, one: true })
    .optional()
    .describe('share of offered callers taking the callback'),
  callbackWithin: positive().default(60).describe('callbacks are made within this (minutes)'),
  locale: oneOf(LOCALES).default('en-US').describe('language and number formats of the table and CSV'),
});
export type SimulateRequest = z.input<typeof simulateRequest>;
