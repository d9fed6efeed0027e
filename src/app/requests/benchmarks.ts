import { z } from 'zod';
import { LOCALES } from '../../report/locale.js';
import { oneOf } from '../params.js';

export const benchmarksRequest = z.strictObject({
  locale: oneOf(LOCALES).default('en-US').describe('language of the table: en-US or de-DE'),
});
export type BenchmarksRequest = z.input<typeof benchmarksRequest>;
