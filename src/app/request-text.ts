import { z } from 'zod';

export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  [key: string]: unknown;
};

/**
 * A request schema as JSON Schema (draft 7), for the OpenAPI document and for reading parameters
 * given as text: what a client may send
 * (`io: 'input'`, so defaults are optional), refinements left to the zod validation.
 */
export function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, {
    target: 'draft-7',
    io: 'input',
    unrepresentable: 'any',
  }) as JsonSchema;
  return rest;
}

/**
 * Parameters given as text (a query string, command-line flags): numbers, booleans and lists become
 * what the schema expects (`by=channel,team` or `by=channel&by=team` → a list). Anything else stays
 * as given, for the request's validation to name.
 */
export function fromText(schema: JsonSchema, query: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(query)) {
    const property = schema.properties?.[key];
    out[key] = property ? coerce(kindOf(property), value) : value;
  }
  return out;
}

type Kind = 'number' | 'boolean' | 'array' | 'other';

function kindOf(property: JsonSchema): Kind {
  const types = [property.type, ...(property.anyOf ?? []).map((s) => s.type)].flat();
  if (types.includes('array')) return 'array';
  if (types.includes('number') || types.includes('integer')) return 'number';
  if (types.includes('boolean')) return 'boolean';
  return 'other';
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

function coerce(kind: Kind, value: unknown): unknown {
  if (kind === 'array') {
    const items = Array.isArray(value) ? value : [value];
    return items.flatMap((item) =>
      typeof item === 'string'
        ? item
            .split(',')
            .map((s) => s.trim())
            .filter((s) => s.length > 0)
        : [item],
    );
  }
  if (typeof value !== 'string') return value;
  if (kind === 'number' && NUMBER.test(value.trim())) return Number(value);
  if (kind === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
  return value;
}
