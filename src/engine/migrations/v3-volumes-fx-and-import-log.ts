import { frozenTable, type Migration } from './migration.js';

/** Frozen: released in 0.1.0. */
export const V3: Migration = {
  version: 3,
  description: 'volumes, fx rates and the import log',
  steps: [
    frozenTable(
      'volumes',
      ['source', 'channel', 'queue', 'interval_start'],
      [
        ['source', 'text', false],
        ['channel', 'text', false],
        ['queue', 'text', true],
        ['interval_start', 'timestamp', false],
        ['interval_end', 'timestamp', false],
        ['interval_length', 'text', false],
        ['offered', 'integer', false],
        ['handled', 'integer', false],
        ['abandoned', 'integer', false],
        ['handle_seconds_sum', 'double', true],
        ['wait_seconds_sum', 'double', true],
        ['answered_within_threshold', 'integer', true],
        ['threshold_seconds', 'double', true],
      ],
    ),
    frozenTable(
      'fx_rates',
      ['date', 'currency'],
      [
        ['date', 'date', false],
        ['currency', 'text', false],
        ['rate', 'text', false],
      ],
    ),
    frozenTable(
      'imports',
      ['id'],
      [
        ['id', 'text', false],
        ['kind', 'text', false],
        ['source', 'text', true],
        ['files', 'text', false],
        ['mapping', 'text', false],
        ['finished_at', 'timestamp', false],
        ['rows_read', 'integer', false],
        ['rows_imported', 'integer', false],
        ['rows_duplicate', 'integer', false],
        ['rows_rejected', 'integer', false],
        ['rows_skipped', 'integer', false],
        ['records_written', 'integer', false],
        ['records_replaced', 'integer', false],
      ],
    ),
  ],
};
