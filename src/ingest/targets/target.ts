import type { TableDef } from '../../engine/schema.js';
import type { FieldDef, PlausibilityLimits, ProblemTest } from '../mapping/fields.js';
import type { Aggregate } from '../mapping/schema.js';

export const IMPORT_KINDS = ['contacts', 'volumes', 'costs', 'fx', 'agents', 'agent-time'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** What an import knows when it compiles a target's SQL. */
export interface TargetContext {
  /** The source name rows are stored under (targets with a `source` column). */
  source: string;
  /** The import's id, written into every row it stores (`import_id`). */
  importId: string;
  /** Zone of wall-clock times in the file. */
  timeZone: string;
  /** The workspace's reporting currency. */
  currency: string;
  /** Ceilings beyond which a value is not plausible (the workspace's `plausibility:`). */
  limits: PlausibilityLimits;
  /** Which tables hold rows already: overlap checks are only written when needed. */
  stored: { contacts: boolean; volumes: boolean };
  /** Interval length for volume rows when the file has none (--interval). */
  interval?: string;
}

/**
 * A table an import writes, described as data: its fields (what a mapping can fill), how the
 * table's columns follow from the field values (`v_<field>` in SQL), and the checks a row must pass
 * beyond its single fields. The pipeline is the same for every target.
 */
export interface Target {
  kind: ImportKind;
  table: TableDef;
  /** Rows carry the import's source name in a `source` column, and the key includes it. */
  sourced: boolean;
  fields: readonly FieldDef[];
  /** SQL per table column, in terms of `v_<field>`. */
  columns(ctx: TargetContext): Record<string, string>;
  /** Problems of a whole row, in terms of the table's columns qualified as `__m.<column>`. */
  checks(ctx: TargetContext): ProblemTest[];
  /** Two new rows that clash although their keys differ (overlapping intervals), over aliases a and b. */
  clash?: (a: string, b: string) => string;
  /** Values checked in JavaScript, once per distinct value (allocation drivers). */
  distinctCheck?: { column: string; check(value: string): string | undefined };
  /** How legs combine when a mapping groups rows (contacts): per column, and the ordering column. */
  grouping?: { order: string; outcome: string; aggregates: Record<string, Aggregate> };
}

/** v_<field>: the SQL column holding a field's typed value. */
export const v = (field: string): string => `"v_${field}"`;
/** A table column of the row being checked. */
export const m = (column: string): string => `__m."${column}"`;
/** A field's text as the file gives it (NULL where it gives none): "missing" means this is NULL. */
export const text = (field: string): string => `__m."t_${field}"`;
/** A check on a table column, its message showing the column's value. */
export const checkedAt = (label: string) => ({ label, raw: `coalesce(CAST(${m(label)} AS VARCHAR), '')` });
