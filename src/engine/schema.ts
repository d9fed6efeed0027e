/**
 * The storage schema as plain data, as the migrations in migrations/ leave it (a test checks they
 * agree). Each engine's dialect turns it into DDL, so a table is defined once for every engine.
 * Columns are in physical order: a column added by a migration comes last.
 *
 * `import_id` (every imported table): the import that wrote the row (NULL for rows stored before
 * schema version 4). `concurrency` (contacts): contacts the agent handled at once, where the source
 * tells; else the channel's configured concurrency applies.
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
    col('import_id', 'text'),
    col('concurrency', 'double'),
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
    col('import_id', 'text'),
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
    col('import_id', 'text'),
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
    col('import_id', 'text'),
  ],
};

/**
 * Aggregated counts per interval and segment, for centers (or channels) without contact-level data.
 * Written by `percontact import volumes`; read by the report together with `contacts`, never for the
 * same segment and time: an import is refused where volumes and contacts (of any source) of the same
 * channel and queue (a NULL queue covers every queue) would overlap in time, and where two volume rows
 * would.
 * - `source`: the import's source name; (source, channel, queue, interval_start) identifies a row, and
 *   re-importing it replaces it.
 * - `interval_start` / `interval_end`: UTC instants, end exclusive. Stored as two instants rather than
 *   start + length because a local day or month has no fixed length (DST, month lengths).
 * - `interval_length`: the interval as an ISO 8601 duration ('PT15M', 'PT30M', 'PT1H', 'P1D', 'P1W',
 *   'P1M'), for display and grouping.
 * - `offered` = every contact that reached the segment; `handled` = answered by an agent; `abandoned`
 *   = left while waiting. All whole numbers >= 0, handled + abandoned <= offered.
 * - `handle_seconds_sum`: total talk + hold + wrap of the handled contacts (AHT = sum ÷ handled).
 * - `wait_seconds_sum`: total queue wait of the handled contacts (ASA = sum ÷ handled).
 * - `answered_within_threshold`: handled contacts answered within `threshold_seconds` (both NULL
 *   when the source does not report a service level).
 */
export const VOLUMES_TABLE: TableDef = {
  name: 'volumes',
  key: ['source', 'channel', 'queue', 'interval_start'],
  columns: [
    col('source', 'text', false),
    col('channel', 'text', false),
    col('queue', 'text'),
    col('interval_start', 'timestamp', false),
    col('interval_end', 'timestamp', false),
    col('interval_length', 'text', false),
    col('offered', 'integer', false),
    col('handled', 'integer', false),
    col('abandoned', 'integer', false),
    col('handle_seconds_sum', 'double'),
    col('wait_seconds_sum', 'double'),
    col('answered_within_threshold', 'integer'),
    col('threshold_seconds', 'double'),
    col('import_id', 'text'),
  ],
};

/**
 * Exchange rates for cost lines in other currencies: on local `date`, one unit of `currency` is worth
 * `rate` units of the workspace currency (exact decimal text, > 0). Written by `percontact import fx`.
 */
export const FX_RATES_TABLE: TableDef = {
  name: 'fx_rates',
  key: ['date', 'currency'],
  columns: [
    col('date', 'date', false),
    col('currency', 'text', false),
    col('rate', 'text', false),
    col('import_id', 'text'),
  ],
};

/**
 * One row per committed import: what was read and what became of it (rows read = imported + rejected
 * + duplicates + skipped by rule). `kind` is an import kind (contacts, volumes, costs, fx, agents,
 * agent-time); `files` is a newline-separated list of absolute paths (as given before schema
 * version 4); `mapping` is the preset name or mapping file; `checksum` the files' SHA-256 digests
 * (`sha256:<hex>`), newline-separated in the order of `files`; `removed_at` when `imports remove`
 * took the import's rows out again (NULL while they are stored).
 */
export const IMPORTS_TABLE: TableDef = {
  name: 'imports',
  key: ['id'],
  columns: [
    col('id', 'text', false),
    col('kind', 'text', false),
    col('source', 'text'),
    col('files', 'text', false),
    col('mapping', 'text', false),
    col('finished_at', 'timestamp', false),
    col('rows_read', 'integer', false),
    col('rows_imported', 'integer', false),
    col('rows_duplicate', 'integer', false),
    col('rows_rejected', 'integer', false),
    col('rows_skipped', 'integer', false),
    col('records_written', 'integer', false),
    col('records_replaced', 'integer', false),
    col('checksum', 'text'),
    col('removed_at', 'timestamp'),
  ],
};

/**
 * Tokens of the HTTP API. `id` is the token's public part (it starts every token text); `hash` is
 * `scrypt$N$r$p$salt$key` (base64url) of the secret part, so the store never holds a usable token.
 * `role` is viewer, analyst or admin; `revoked_at` set: the token no longer authenticates.
 */
export const API_TOKENS_TABLE: TableDef = {
  name: 'api_tokens',
  key: ['id'],
  columns: [
    col('id', 'text', false),
    col('name', 'text', false),
    col('role', 'text', false),
    col('hash', 'text', false),
    col('created_at', 'timestamp', false),
    col('created_by', 'text', false),
    col('revoked_at', 'timestamp'),
  ],
};

/**
 * One row per write made through the use-case layer (imports, cost edits, token changes, …), in the
 * write's own transaction. `actor` names who (a token's name and id, the local user); `details`,
 * `totals_before` and `totals_after` are JSON text (totals: stored rows per table and the ledger's sum
 * per currency, as exact decimal text).
 */
export const AUDIT_TABLE: TableDef = {
  name: 'audit_log',
  key: ['seq'],
  columns: [
    col('seq', 'integer', false),
    col('at', 'timestamp', false),
    col('actor', 'text', false),
    col('actor_role', 'text'),
    col('actor_token', 'text'),
    col('action', 'text', false),
    col('target', 'text'),
    col('details', 'text'),
    col('totals_before', 'text'),
    col('totals_after', 'text'),
  ],
};

export const SCHEMA_VERSION_TABLE: TableDef = {
  name: 'schema_version',
  key: ['version'],
  columns: [col('version', 'integer', false), col('applied_at', 'timestamp', false)],
};

/** Every table of the live schema, by name: what queries read from. */
export const TABLES: ReadonlyMap<string, TableDef> = new Map(
  [
    CONTACTS_TABLE,
    COST_LINES_TABLE,
    RATE_CARDS_TABLE,
    AGENT_TIME_TABLE,
    VOLUMES_TABLE,
    FX_RATES_TABLE,
    IMPORTS_TABLE,
    API_TOKENS_TABLE,
    AUDIT_TABLE,
    SCHEMA_VERSION_TABLE,
  ].map((t) => [t.name, t]),
);

export type SqlValue = string | number | boolean | Date | null;
export type RowValues = readonly SqlValue[];
