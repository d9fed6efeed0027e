/**
 * Settings of percontact.yaml by dot path (`serviceLevel.thresholdSeconds`): the value at a path,
 * and the merge patch that sets one. Plain functions, for the use case, the CLI and the dashboard.
 */

export const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The value at `path` (a dot path or its parts); undefined where there is none. */
export function settingAt(value: unknown, path: string | readonly string[]): unknown {
  const parts = typeof path === 'string' ? path.split('.') : path;
  return parts.reduce<unknown>((at, key) => (isPlainObject(at) ? at[key] : undefined), value);
}

/** `serviceLevel.thresholdSeconds` and 30 as `{ serviceLevel: { thresholdSeconds: 30 } }`. */
export function settingPatch(path: string, value: unknown): Record<string, unknown> {
  return path.split('.').reduceRight<unknown>((inner, key) => ({ [key]: inner }), value) as Record<
    string,
    unknown
  >;
}
