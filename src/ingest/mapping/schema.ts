import { z } from 'zod';

/**
 * The mapping file language (docs/import.md): how the columns of a file become the fields of a
 * contact, volume row, cost line or exchange rate. Presets are written in it too.
 */

/** A test on one column's text (trimmed, compared case-insensitively). */
const scalar = z.union([z.string(), z.number(), z.boolean()]).transform(String);
const columnTestSchema = z.union([
  scalar,
  z.array(scalar),
  z
    .object({
      not: z.union([scalar, z.array(scalar)]).optional(),
      in: z.array(scalar).optional(),
      empty: z.boolean().optional(),
      gt: z.number().optional(),
      ge: z.number().optional(),
      lt: z.number().optional(),
      le: z.number().optional(),
      matches: z.string().optional(),
    })
    .strict(),
]);
export type ColumnTest = z.infer<typeof columnTestSchema>;

/** All entries must hold; `any` holds when one of its conditions does, `all` when each does. */
export type Condition = { [column: string]: ColumnTest | Condition[] };
export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.record(z.string(), z.union([columnTestSchema, z.array(conditionSchema)])),
) as unknown as z.ZodType<Condition>;

const columnNames = z.union([z.string(), z.array(z.string()).min(1)]);

/** Options any value can carry; they apply in this order: extract, map, default. */
const valueOptions = {
  /** A regular expression; the value becomes its first group (or the whole match). */
  extract: z.string().optional(),
  /** Replaces values (keys compared case-insensitively); "*" replaces every value not listed. */
  map: z.record(z.string(), z.union([scalar, z.null()])).optional(),
  /** Used when the value is empty. */
  default: z.union([scalar, z.null()]).optional(),
  /** Timestamp/date formats (strptime, e.g. "%d.%m.%Y %H:%M", or epoch / epoch_ms), or "h:mm" / "m:ss" for two-part durations. */
  format: z.union([z.string(), z.array(z.string()).min(1)]).optional(),
  /** Unit of plain numbers in a duration field. */
  unit: z.enum(['milliseconds', 'seconds', 'minutes', 'hours']).optional(),
  /** Raw score range for csat, e.g. [1, 5]: 1 becomes 0 and 5 becomes 1. */
  scale: z.tuple([z.number(), z.number()]).optional(),
  /** `null`: a value that cannot be read or is out of range becomes empty instead of rejecting the row. */
  invalid: z.union([z.enum(['reject', 'null']), z.null().transform(() => 'null' as const)]).optional(),
};

export type ValueSpec =
  | string
  | ({ column: string | string[]; optional?: boolean } & ValueOptions)
  | ({ value: string | null } & ValueOptions)
  | ({ date: string; time?: string; date_format?: string; time_format?: string } & ValueOptions)
  | ({ join: ValueSpec[]; with?: string } & ValueOptions)
  | ({ hash: (string | string[])[] } & ValueOptions)
  | ({ between: [string, string]; optional?: boolean } & ValueOptions)
  | ({ subtract: [ValueSpec, ValueSpec] } & ValueOptions)
  | ({ first_of: ValueSpec[] } & ValueOptions)
  | ({ cases: CaseSpec[] } & ValueOptions);

export interface ValueOptions {
  extract?: string;
  map?: Record<string, string | null>;
  default?: string | null;
  format?: string | string[];
  unit?: 'milliseconds' | 'seconds' | 'minutes' | 'hours';
  scale?: [number, number];
  invalid?: 'reject' | 'null';
}

export type CaseSpec = { when?: Condition; then: ValueSpec };

export const valueSpecSchema: z.ZodType<ValueSpec> = z.lazy(() =>
  z.union([
    z.string(),
    z.object({ column: columnNames, optional: z.boolean().optional(), ...valueOptions }).strict(),
    z.object({ value: z.union([scalar, z.null()]), ...valueOptions }).strict(),
    z
      .object({
        date: z.string(),
        time: z.string().optional(),
        date_format: z.string().optional(),
        time_format: z.string().optional(),
        ...valueOptions,
      })
      .strict(),
    z
      .object({ join: z.array(valueSpecSchema).min(1), with: z.string().optional(), ...valueOptions })
      .strict(),
    z.object({ hash: z.array(columnNames).min(1), ...valueOptions }).strict(),
    z
      .object({
        between: z.tuple([z.string(), z.string()]),
        optional: z.boolean().optional(),
        ...valueOptions,
      })
      .strict(),
    z.object({ subtract: z.tuple([valueSpecSchema, valueSpecSchema]), ...valueOptions }).strict(),
    z.object({ first_of: z.array(valueSpecSchema).min(1), ...valueOptions }).strict(),
    z.object({ cases: z.array(caseSchema).min(1), ...valueOptions }).strict(),
    z
      .array(caseSchema)
      .min(1)
      .transform((cases) => ({ cases })),
  ]),
) as unknown as z.ZodType<ValueSpec>;

const caseSchema: z.ZodType<CaseSpec> = z.lazy(() =>
  z
    .object({
      when: conditionSchema.optional(),
      /** A plain string here is a constant ("then: handled"); use { column: x } for a column. */
      // biome-ignore lint/suspicious/noThenProperty: "when … then …" is the mapping language's wording.
      then: z.union([z.union([scalar, z.null()]).transform((value) => ({ value })), valueSpecSchema]),
    })
    .strict(),
) as unknown as z.ZodType<CaseSpec>;

export const AGGREGATES = ['principal', 'first', 'last', 'min', 'max', 'sum'] as const;
export type Aggregate = (typeof AGGREGATES)[number];

export const readOptionsSchema = z
  .object({
    format: z.enum(['csv', 'xlsx', 'ods', 'json', 'jsonl', 'parquet', 'yaml']).optional(),
    delimiter: z.string().min(1).max(2).optional(),
    quote: z.string().length(1).optional(),
    header: z.boolean().optional(),
    /** Column names for a file without a header row. */
    columns: z.array(z.string().min(1)).min(1).optional(),
    /** Column names by the number of fields, for header-less files with several layouts. */
    layouts: z.record(z.string().regex(/^\d+$/), z.array(z.string().min(1)).min(1)).optional(),
    /** Records may have fewer fields than columns (the missing ones are empty). */
    ragged: z.boolean().optional(),
    encoding: z.string().optional(),
    decimal: z.enum(['.', ',']).optional(),
    sheet: z.union([z.string(), z.number().int().positive()]).optional(),
  })
  .strict();
export type ReadOptions = z.infer<typeof readOptionsSchema>;

export const mappingSchema = z
  .object({
    description: z.string().optional(),
    /** Default source name for the rows (overridden by --source). */
    source: z.string().min(1).optional(),
    read: readOptionsSchema.optional(),
    /** IANA zone of local times in the file (overridden by --timezone; default: the workspace's). */
    timezone: z.string().optional(),
    /** replace (default): a changed row replaces the stored one; enrich: rows update the fields they set. */
    merge: z.enum(['replace', 'enrich']).optional(),
    /** With merge: enrich, the fields it may update on a stored record (default: every field). */
    enrich: z.array(z.string()).min(1).optional(),
    /** Fields of the target; unmapped fields are read from a column of the same name when there is one. */
    fields: z.record(z.string(), valueSpecSchema).default({}),
    /** Only the listed fields are read; the others stay empty. */
    only_mapped: z.boolean().optional(),
    skip: z.array(z.object({ when: conditionSchema, reason: z.string().min(1) }).strict()).optional(),
    group: z
      .object({
        by: valueSpecSchema,
        /** Outcomes in order of preference: the leg with the first one is the principal leg. */
        prefer: z.array(z.string()).optional(),
        fields: z.record(z.string(), z.enum(AGGREGATES)).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export type Mapping = z.infer<typeof mappingSchema>;
export type GroupSpec = NonNullable<Mapping['group']>;
