import type { Command } from 'commander';
import type { z } from 'zod';
import { UserError } from '../errors.js';

/** How one request parameter is given on the command line. */
export interface FlagSpec {
  /** Commander's flags, e.g. `--period <unit>` or `--prorate-to-contacts`. */
  flags: string;
  /** Default: the request schema's description of the parameter. */
  description?: string;
  /** The flag names a file whose text is the parameter (a CSV, a scenario). */
  file?: boolean;
}

interface Flag extends FlagSpec {
  parameter: string;
  /** The option's key in commander's parsed options (camelCase of the long flag). */
  attribute: string;
  /** The long flag, `--period`. */
  long: string;
}

const FLAGS = new WeakMap<Command, Flag[]>();
const SCHEMAS = new WeakMap<Command, z.ZodObject>();

/**
 * Adds an option per request parameter, described (and defaulted, in the help) as the request schema
 * describes it: the flags are the request's parameters in kebab case, values stay text for the request
 * to convert and validate (`requestOf`), and errors naming a parameter name its flag (`flagOf`).
 */
export function requestFlags(
  command: Command,
  schema: z.ZodObject,
  specs: Record<string, string | FlagSpec>,
): Command {
  const flags = FLAGS.get(command) ?? [];
  for (const [parameter, given] of Object.entries(specs)) {
    const spec = typeof given === 'string' ? { flags: given } : given;
    const field = schema.shape[parameter] as z.ZodType | undefined;
    if (!field) throw new Error(`${parameter} is not a parameter of the request`);
    const long = /--[a-z][\w-]*/.exec(spec.flags)?.[0] ?? '';
    const attribute = long.slice(2).replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
    const description = spec.description ?? field.description ?? '';
    const fallback = defaultOf(field);
    // A parameter the request cannot do without is a required option: commander names it when missing.
    if (field.safeParse(undefined).success) command.option(spec.flags, description);
    else command.requiredOption(spec.flags, description);
    // The help shows the request's default as it is typed ("channel", "none"); the request applies it.
    const option = command.options.at(-1);
    if (option && fallback !== undefined && fallback !== false)
      option.default(fallback, Array.isArray(fallback) ? fallback.join(',') || 'none' : String(fallback));
    flags.push({ ...spec, parameter, attribute, long });
  }
  FLAGS.set(command, flags);
  SCHEMAS.set(command, schema);
  return command;
}

/** The default a schema gives a parameter, for the help text. */
function defaultOf(field: z.ZodType): unknown {
  const def = (field as unknown as { _zod: { def: { type: string; defaultValue?: unknown } } })._zod.def;
  return def.type === 'default' ? def.defaultValue : undefined;
}

/** Files the command read for parameters: the message of an error in one names the file, not the parameter. */
const READ_FILES = new Map<string, string>();

/**
 * The request from a command's parsed options: each flag's value under its parameter's name, files
 * read to their text, text converted as the HTTP API converts a query string (numbers, booleans,
 * lists); the use case validates it.
 */
export async function requestOf(
  command: Command,
  opts: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const request: Record<string, unknown> = {};
  for (const flag of FLAGS.get(command) ?? []) {
    const value = opts[flag.attribute];
    if (value === undefined) continue;
    request[flag.parameter] = flag.file ? await readParameterFile(flag.parameter, String(value)) : value;
  }
  const schema = SCHEMAS.get(command);
  if (!schema) return request;
  const { fromText, jsonSchemaOf } = await import('../app/request-text.js');
  return fromText(jsonSchemaOf(schema), request);
}

async function readParameterFile(parameter: string, path: string): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  try {
    const text = await readFile(path, 'utf8');
    READ_FILES.set(parameter, path);
    return text;
  } catch {
    throw new UserError('NOT_FOUND', `cannot read ${path}`, { file: path, parameter });
  }
}

/** The flag that gives a parameter (`levers.ivr.containment` → `--levers`), if the command has one. */
export function flagOf(
  command: Command | undefined,
  parameter: string,
): { long: string; value: unknown } | undefined {
  if (!command) return undefined;
  const head = parameter.split('.')[0];
  const flags = FLAGS.get(command) ?? [];
  const flag = flags.find((f) => f.parameter === parameter) ?? flags.find((f) => f.parameter === head);
  if (flag) return { long: flag.long, value: command.opts()[flag.attribute] };
  const option = command.options.find((o) => o.attributeName() === head);
  return option?.long ? { long: option.long, value: command.opts()[head ?? ''] } : undefined;
}

/** The file a parameter's text was read from, when the command read it from one. */
export function fileOf(parameter: string): string | undefined {
  return READ_FILES.get(parameter);
}
