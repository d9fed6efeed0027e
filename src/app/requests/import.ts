import { z } from 'zod';
import { IMPORT_KINDS } from '../../ingest/targets/target.js';
import { dimensionValue, oneOf } from '../params.js';

const name = (what: string) => dimensionValue.min(1, { error: () => `expected ${what}` });

/** What a user chooses about an import (the files come separately: paths, or an HTTP upload). */
export const importOptions = z.strictObject({
  kind: oneOf(IMPORT_KINDS).describe(
    'what the files hold: contacts, volumes, costs, fx, agents or agent-time',
  ),
  preset: name('a preset name')
    .optional()
    .describe('a known export layout (see percontact import presets); default generic'),
  source: name('a source name')
    .optional()
    .describe('name the rows are stored under; re-importing replaces rows of the same source'),
  timezone: name('an IANA time zone')
    .optional()
    .describe('IANA time zone of local times in the files (default: the workspace zone)'),
  interval: name('an interval length')
    .optional()
    .describe('volumes: interval length when the file has none (15m, 30m, 1h, day, week, month)'),
  skipInvalid: z
    .boolean({ error: () => 'expected true or false' })
    .default(false)
    .describe('import the good rows and list the rejected ones (default: all or nothing)'),
  replace: z
    .boolean({ error: () => 'expected true or false' })
    .default(false)
    .describe('replace stored rows that came from other files (without it such an import is refused)'),
});
export type ImportOptions = z.input<typeof importOptions>;

export const importRequest = importOptions.extend({
  files: z.array(z.string().min(1)).min(1, { error: () => 'give at least one file to import' }),
  /** A mapping file (YAML), instead of a preset. */
  mapping: z.string().min(1).optional(),
  /** Where skipInvalid writes the rejected rows (default: the workspace's rejects folder). */
  rejects: z.string().min(1).optional(),
  /** The files' names as the user knows them (an upload's original names), for the audit log. */
  fileNames: z.array(z.string()).optional(),
});
export type ImportRequest = z.input<typeof importRequest>;
