import { z } from 'zod';
import { oneOf, wholeNumber } from '../params.js';

export const AUDIT_ACTIONS = [
  'import',
  'import.remove',
  'cost.add',
  'cost.edit',
  'cost.remove',
  'token.create',
  'token.revoke',
  'config.change',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const auditRequest = z.strictObject({
  action: oneOf(AUDIT_ACTIONS).optional().describe('only entries of this action'),
  limit: wholeNumber(1)
    .max(1000, { error: () => 'expected at most 1000' })
    .default(100)
    .describe('entries per page, newest first'),
  before: wholeNumber(1).optional().describe("only entries older than this seq (the previous page's next)"),
});
export type AuditRequest = z.input<typeof auditRequest>;
