import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isMap, parseDocument } from 'yaml';
import { z } from 'zod';
import { assertTimeZone } from '../calendar/time-zone.js';
import { UserError } from '../errors.js';
import { type WorkspaceConfig, workspaceConfigSchema } from '../model/config.js';
import { CONFIG_FILE, replaceConfigText } from '../workspace/config-file.js';
import type { Workspace } from '../workspace/workspace.js';
import type { Actor } from './actor.js';
import { audited } from './audit.js';
import { badParameter, parseRequest } from './request.js';
import { isPlainObject, settingAt } from './setting-path.js';
import { rowCount, workspaceTotals } from './workspace-totals.js';

/** Settings percontact.yaml holds that a change may not touch, and why. */
const FIXED = {
  store: 'cannot be changed: it says where the workspace keeps its data',
  version: "cannot be changed: it is the file's format",
} as const;
type Changeable = Exclude<keyof typeof workspaceConfigSchema.shape, keyof typeof FIXED>;

/**
 * A change of the configuration as a JSON merge patch (RFC 7396) of percontact.yaml: the settings
 * given replace the file's, objects merge key by key, and null resets a section to its defaults. The
 * sections pass as given (parsing them here would fill in defaults over the file's settings); the
 * file they make is checked by the schema the workspace reads it with.
 */
export const changeConfigRequest = z.strictObject({
  ...(Object.fromEntries(
    Object.keys(workspaceConfigSchema.shape)
      .filter((key) => !(key in FIXED))
      .map((key) => [
        key,
        z.unknown().optional().describe(`percontact.yaml's ${key}, whole or in part (null: its default)`),
      ]),
  ) as Record<Changeable, z.ZodOptional<z.ZodUnknown>>),
  ...(Object.fromEntries(
    Object.entries(FIXED).map(([key, reason]) => [key, z.undefined({ error: () => reason }).optional()]),
  ) as Record<keyof typeof FIXED, z.ZodOptional<z.ZodUndefined>>),
});
/** Settings by section, each whole or in part; null resets a section to its defaults. */
export type ChangeConfigRequest = { [K in Changeable]?: unknown };

export interface ConfigChangeView {
  /** The configuration now in force, defaults filled in. */
  config: WorkspaceConfig;
  /** The settings that changed (dot paths), as they were and as they are now; empty when none did. */
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

/**
 * Changes settings of percontact.yaml (the file keeps its comments and the settings not given), audited
 * as `config.change` with the changed settings before and after. The file is replaced atomically, and
 * put back if the audit entry cannot be written; a change that alters nothing writes nothing.
 */
export async function changeConfig(
  workspace: Workspace,
  actor: Actor,
  request: ChangeConfigRequest,
): Promise<ConfigChangeView> {
  parseRequest(changeConfigRequest, request);
  const patch = request as Record<string, unknown>;
  const settings = leafPaths(patch);
  if (settings.length === 0) throw new UserError('USAGE', 'give at least one setting to change');
  const path = join(workspace.dir, CONFIG_FILE);
  const text = await readFile(path, 'utf8');
  const document = parseDocument(text);
  for (const setting of settings) setIn(document, setting, settingAt(patch, setting));
  const config = parseRequest(workspaceConfigSchema, document.toJS());
  assertTimeZoneSetting(config.timezone);
  for (const setting of settings) {
    if (settingAt(patch, setting) !== null && settingAt(config, setting) === undefined)
      throw badParameter(setting.join('.'), 'is not a setting of percontact.yaml');
  }
  if (config.currency !== workspace.config.currency)
    await assertCurrencyChangeable(workspace, config.currency);
  const changed = settings.filter(
    (s) => JSON.stringify(settingAt(workspace.config, s)) !== JSON.stringify(settingAt(config, s)),
  );
  const side = (of: WorkspaceConfig) =>
    Object.fromEntries(changed.map((s) => [s.join('.'), settingAt(of, s) ?? null]));
  const view = { config, before: side(workspace.config), after: side(config) };
  if (changed.length === 0) return { ...view, config: workspace.config };
  let replaced = false;
  try {
    await audited(workspace.engine, actor, {
      action: 'config.change',
      work: async () => {
        await replaceConfigText(path, document.toString());
        replaced = true;
        return {
          result: undefined,
          target: Object.keys(view.after).join(', '),
          details: { before: view.before, after: view.after },
        };
      },
    });
  } catch (error) {
    if (replaced) await replaceConfigText(path, text);
    throw error;
  }
  workspace.config = config;
  return view;
}

/** The paths to the patch's values: into objects, not into arrays (a list is replaced whole). */
function leafPaths(value: Record<string, unknown>, prefix: string[] = []): string[][] {
  return Object.entries(value).flatMap(([key, v]) =>
    isPlainObject(v) && Object.keys(v).length > 0 ? leafPaths(v, [...prefix, key]) : [[...prefix, key]],
  );
}

/** Sets (null: removes) one setting in the YAML document, creating the sections above it as needed. */
function setIn(document: ReturnType<typeof parseDocument>, path: string[], value: unknown): void {
  if (value === null) {
    document.deleteIn(path);
    return;
  }
  // A section written as a scalar (`concurrency:` left empty) cannot take keys: it becomes a map.
  for (let depth = 1; depth < path.length; depth++) {
    const above = path.slice(0, depth);
    const node = document.getIn(above, true);
    if (node !== undefined && !isMap(node)) document.setIn(above, document.createNode({}));
  }
  document.setIn(path, value);
}

function assertTimeZoneSetting(timezone: string): void {
  try {
    assertTimeZone(timezone);
  } catch {
    throw badParameter('timezone', `"${timezone}" is not an IANA time zone (e.g. Europe/Berlin)`, timezone);
  }
}

/**
 * Exchange rates give a currency in the workspace currency, and cost lines in it are not converted:
 * after a change of currency both would be read as if in the new one, so a workspace changes its
 * currency only while it holds no rates and no cost line in another currency than the new one.
 */
async function assertCurrencyChangeable(workspace: Workspace, currency: string): Promise<void> {
  const totals = await workspaceTotals(workspace.engine);
  const others = Object.keys(totals.cost).filter((c) => c !== currency);
  if (totals.fxRates === 0 && others.length === 0) return;
  const held = [
    ...(totals.fxRates > 0 ? [`${rowCount('fxRates', totals.fxRates)} in ${workspace.config.currency}`] : []),
    ...(others.length > 0 ? [`cost lines in ${others.join(', ')}`] : []),
  ];
  throw badParameter(
    'currency',
    `cannot change from ${workspace.config.currency} to ${currency} while the workspace holds ${held.join(' and ')}: reports would read them as ${currency}`,
    currency,
  );
}
