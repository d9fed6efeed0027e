import { addColumn, type Migration } from './migration.js';

const IMPORTED_TABLES = ['contacts', 'volumes', 'cost_lines', 'fx_rates', 'rate_cards', 'agent_time'];

/**
 * Every stored row remembers the import that wrote it (so `imports remove` takes out exactly that
 * import's rows, and an import can tell whose rows it would replace); a contact may carry its own
 * concurrency (chats handled at once). Rows stored before this version have neither (NULL). The log
 * keeps a checksum of each import's files, and when `imports remove` took an import's rows out.
 */
export const V4: Migration = {
  version: 4,
  description: 'import ids on stored rows, import checksums and removals, per-contact concurrency',
  steps: [
    ...IMPORTED_TABLES.map((table) => addColumn(table, ['import_id', 'text', true])),
    addColumn('contacts', ['concurrency', 'double', true]),
    addColumn('imports', ['checksum', 'text', true]),
    addColumn('imports', ['removed_at', 'timestamp', true]),
  ],
};
