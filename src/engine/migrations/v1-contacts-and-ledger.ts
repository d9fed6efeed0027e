import { frozenTable, type Migration } from './migration.js';

/** Frozen: released in 0.1.0. */
export const V1: Migration = {
  version: 1,
  description: 'contacts and cost ledger',
  steps: [
    frozenTable(
      'contacts',
      ['source', 'id'],
      [
        ['source', 'text', false],
        ['id', 'text', false],
        ['channel', 'text', false],
        ['direction', 'text', false],
        ['queue', 'text', true],
        ['team', 'text', true],
        ['agent', 'text', true],
        ['topic', 'text', true],
        ['customer', 'text', true],
        ['priority', 'text', true],
        ['arrived_at', 'timestamp', false],
        ['ivr_seconds', 'double', true],
        ['wait_seconds', 'double', true],
        ['talk_seconds', 'double', true],
        ['hold_seconds', 'double', true],
        ['wrap_seconds', 'double', true],
        ['handle_seconds', 'double', true],
        ['outcome', 'text', false],
        ['resolved', 'boolean', true],
        ['csat', 'double', true],
      ],
    ),
    frozenTable(
      'cost_lines',
      ['id'],
      [
        ['id', 'text', false],
        ['category', 'text', false],
        ['amount', 'text', false],
        ['currency', 'text', false],
        ['period_start', 'date', false],
        ['period_end', 'date', false],
        ['channel', 'text', true],
        ['queue', 'text', true],
        ['team', 'text', true],
        ['driver', 'text', true],
        ['behaviour', 'text', false],
        ['description', 'text', true],
      ],
    ),
  ],
};
