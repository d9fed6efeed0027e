import type { Migration } from './migration.js';
import { V1 } from './v1-contacts-and-ledger.js';
import { V2 } from './v2-rate-cards-and-agent-time.js';
import { V3 } from './v3-volumes-fx-and-import-log.js';
import { V4 } from './v4-import-ids-and-concurrency.js';
import { V5 } from './v5-tokens-and-audit.js';

export { type Migration, type MigrationStep, schemaAfter } from './migration.js';

/** Append-only: a released migration is never edited; a change is a new version. */
export const MIGRATIONS: readonly Migration[] = [V1, V2, V3, V4, V5];
