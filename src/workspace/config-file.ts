import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { parse, stringify } from 'yaml';
import { assertTimeZone } from '../calendar/time-zone.js';
import { UserError } from '../errors.js';
import { type WorkspaceConfig, workspaceConfigSchema } from '../model/config.js';

export const CONFIG_FILE = 'percontact.yaml';

export async function readConfig(path: string): Promise<WorkspaceConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new UserError(
      'WORKSPACE_NOT_FOUND',
      `no workspace config at ${path} (create one with: percontact init DIR)`,
    );
  }
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (error) {
    throw new UserError(
      'CONFIG_INVALID',
      `${path}: not valid YAML: ${(error as Error).message.split('\n')[0]}`,
    );
  }
  const result = workspaceConfigSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.join('.') || '(top level)';
    throw new UserError('CONFIG_INVALID', `${path}: ${where}: ${issue?.message ?? 'invalid'}`);
  }
  assertTimeZone(result.data.timezone);
  return result.data;
}

const HEADER = `# percontact workspace configuration. Every choice below is printed with every report.
# contactDefinition: which contacts count in cost per contact (DESIGN section 3).
# serviceLevel: answered within thresholdSeconds; abandons within shortAbandonSeconds are not counted.
# allocation: how shared costs reach segments (handle_time, contacts, equal, fte,
#   fixed:channel:voice=60,email=40), by category, else defaultDriver.
# plausibility: imports refuse a duration of one contact above maxDurationSeconds (wait above
#   maxWaitSeconds), amounts beyond 15 significant digits and dates outside 1990-2100.
`;

export async function writeConfig(path: string, config: WorkspaceConfig): Promise<void> {
  await writeFile(path, HEADER + stringify(config), { flag: 'wx' });
}

/**
 * Replaces the configuration file's text atomically: written to a temporary file beside it, then
 * renamed over it, so a reader (or a crash) sees the old file or the new one, never half of one.
 */
export async function replaceConfigText(path: string, text: string): Promise<void> {
  const temporary = `${path}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, text, { flag: 'wx' });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
