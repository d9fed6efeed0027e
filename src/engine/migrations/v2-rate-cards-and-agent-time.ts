import { frozenTable, type Migration } from './migration.js';

/** Frozen: released in 0.1.0. */
export const V2: Migration = {
  version: 2,
  description: 'rate cards and agent time',
  steps: [
    frozenTable(
      'rate_cards',
      ['id'],
      [
        ['id', 'text', false],
        ['agent', 'text', true],
        ['team', 'text', true],
        ['hourly_cost', 'text', false],
        ['currency', 'text', false],
        ['valid_from', 'date', false],
        ['valid_to', 'date', true],
      ],
    ),
    frozenTable(
      'agent_time',
      ['day', 'agent'],
      [
        ['day', 'date', false],
        ['agent', 'text', false],
        ['team', 'text', true],
        ['channel', 'text', true],
        ['queue', 'text', true],
        ['staffed_seconds', 'double', false],
        ['paid_seconds', 'double', true],
      ],
    ),
  ],
};
