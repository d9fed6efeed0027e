/**
 * The storage schema as plain data. Each engine's dialect turns it into DDL, so a table is defined
 * once for every engine.
 */
export type ColumnType = 'text' | 'double' | 'integer' | 'boolean' | 'timestamp' | 'date';

export interface ColumnDef {
  name: string;
  type: ColumnType;
  nullable: boolean;
}

export interface TableDef {
  name: string;
  columns: readonly ColumnDef[];
  /** Columns that identify a row; engines without constraints still use them for upserts. */
  key: readonly string[];
}

function col(name: string, type: ColumnType, nullable = true): ColumnDef {
  return { name, type, nullable };
}

export const CONTACTS_TABLE: TableDef = {
  name: 'contacts',
  key: ['source', 'id'],
  columns: [
    col('source', 'text', false),
    col('id', 'text', false),
    col('channel', 'text', false),
    col('direction', 'text', false),
    col('queue', 'text'),
    col('team', 'text'),
    col('agent', 'text'),
    col('topic', 'text'),
    col('customer', 'text'),
    col('priority', 'text'),
    col('arrived_at', 'timestamp', false),
    col('ivr_seconds', 'double'),
    col('wait_seconds', 'double'),
    col('talk_seconds', 'double'),
    col('hold_seconds', 'double'),
    col('wrap_seconds', 'double'),
    col('handle_seconds', 'double'),
    col('outcome', 'text', false),
    col('resolved', 'boolean'),
    col('csat', 'double'),
  ],
};

/** Amounts are kept as exact decimal text: every engine stores it losslessly, and only TypeScript does money math. */
export const COST_LINES_TABLE: TableDef = {
  name: 'cost_lines',
  key: ['id'],
  columns: [
    col('id', 'text', false),
    col('category', 'text', false),
    col('amount', 'text', false),
    col('currency', 'text', false),
    col('period_start', 'date', false),
    col('period_end', 'date', false),
    col('channel', 'text'),
    col('queue', 'text'),
    col('team', 'text'),
    col('driver', 'text'),
    col('behaviour', 'text', false),
    col('description', 'text'),
  ],
};

/**
 * Loaded hourly cost of an agent, or of a team for its agents without a card of their own, valid on
 * local dates [valid_from, valid_to) (valid_to NULL: open-ended). Builds labour cost bottom-up where
 * the ledger has no wages, and turns labour cost into paid hours for the driver decomposition.
 */
export const RATE_CARDS_TABLE: TableDef = {
  name: 'rate_cards',
  key: ['id'],
  columns: [
    col('id', 'text', false),
    col('agent', 'text'),
    col('team', 'text'),
    col('hourly_cost', 'text', false),
    col('currency', 'text', false),
    col('valid_from', 'date', false),
    col('valid_to', 'date'),
  ],
};

/**
 * Agent time from a workforce-management export, per local day: staffed seconds (logged in and
 * available or busy) and paid seconds. Gives occupancy (handle ÷ staffed) and the `fte` driver.
 */
export const AGENT_TIME_TABLE: TableDef = {
  name: 'agent_time',
  key: ['day', 'agent'],
  columns: [
    col('day', 'date', false),
    col('agent', 'text', false),
    col('team', 'text'),
    col('channel', 'text'),
    col('queue', 'text'),
    col('staffed_seconds', 'double', false),
    col('paid_seconds', 'double'),
  ],
};

export const SCHEMA_VERSION_TABLE: TableDef = {
  name: 'schema_version',
  key: ['version'],
  columns: [col('version', 'integer', false), col('applied_at', 'timestamp', false)],
};

export interface Migration {
  version: number;
  description: string;
  tables: readonly TableDef[];
}

/** Append-only: a released migration is never edited, a change is a new version. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, description: 'contacts and cost ledger', tables: [CONTACTS_TABLE, COST_LINES_TABLE] },
  { version: 2, description: 'rate cards and agent time', tables: [RATE_CARDS_TABLE, AGENT_TIME_TABLE] },
];

export type SqlValue = string | number | boolean | Date | null;
export type RowValues = readonly SqlValue[];
