import { z } from 'zod';
import { LOCALES } from '../../report/locale.js';
import { oneOf, text } from '../params.js';

export const listImportsRequest = z.strictObject({
  all: z
    .boolean({ error: () => 'expected true or false' })
    .default(false)
    .describe('also list imports whose rows were removed'),
  locale: oneOf(LOCALES)
    .default('en-US')
    .describe('language and number formats of the table: en-US or de-DE'),
});
export type ListImportsRequest = z.input<typeof listImportsRequest>;

export const removeImportRequest = z.strictObject({
  id: text('an import id').describe(
    "the import's id, or its first characters (at least 4) as imports list shows them",
  ),
});
export type RemoveImportRequest = z.input<typeof removeImportRequest>;
