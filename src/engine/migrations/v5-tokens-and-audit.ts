import { frozenTable, type Migration } from './migration.js';

/**
 * The HTTP API's tokens (only a salted scrypt hash of each secret is stored) and the audit log of
 * every write made through the use-case layer: who, when, what, and the totals before and after.
 */
export const V5: Migration = {
  version: 5,
  description: 'api tokens and the audit log',
  steps: [
    frozenTable(
      'api_tokens',
      ['id'],
      [
        ['id', 'text', false],
        ['name', 'text', false],
        ['role', 'text', false],
        ['hash', 'text', false],
        ['created_at', 'timestamp', false],
        ['created_by', 'text', false],
        ['revoked_at', 'timestamp', true],
      ],
    ),
    frozenTable(
      'audit_log',
      ['seq'],
      [
        ['seq', 'integer', false],
        ['at', 'timestamp', false],
        ['actor', 'text', false],
        ['actor_role', 'text', true],
        ['actor_token', 'text', true],
        ['action', 'text', false],
        ['target', 'text', true],
        ['details', 'text', true],
        ['totals_before', 'text', true],
        ['totals_after', 'text', true],
      ],
    ),
  ],
};
