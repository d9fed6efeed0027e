import type { Command } from 'commander';
import { parse } from 'yaml';
import type { ChangeConfigRequest, ConfigChangeView } from '../../app/change-config.js';
import { settingPatch } from '../../app/setting-path.js';
import { UserError } from '../../errors.js';
import { whereOf, whereOptions } from '../command-options.js';
import { readAction } from '../read-command.js';
import { printWrite } from '../run-operation.js';

/** `percontact config`: the workspace's configuration as it is read, and the definitions in force. */
export function registerConfig(program: Command): void {
  const command = program
    .command('config')
    .description(
      "the workspace's configuration (defaults filled in) and the definitions every report states",
    );
  readAction(
    whereOptions(command),
    ['table'],
    async () => (await import('../../app/config.js')).configOperation,
  );
  const set = command
    .command('set')
    .description('change one setting of percontact.yaml (audited; the file keeps its comments)')
    .argument('<key>', 'the setting as a dot path, e.g. serviceLevel.thresholdSeconds')
    .argument('<value>', 'its value as YAML: 30, EUR, [inbound, outbound], null for the default')
    .addHelpText('after', '\nGive --workspace DIR or --server URL (options of percontact config).');
  set.action(async (key: string, value: string) => {
    const { changeConfig } = await import('../../app/change-config.js');
    // --workspace, --server and --format are the config command's (given before or after `set`).
    const opts = set.optsWithGlobals() as Record<string, unknown>;
    const request = patchOf(key, value);
    await printWrite(whereOf(opts), String(opts.format ?? 'table'), {
      local: (ws, actor) => changeConfig(ws, actor, request),
      remote: { method: 'PATCH', path: '/config', request },
      text: changeText,
    });
  });
}

/** `serviceLevel.thresholdSeconds` and `30` as the merge patch `{ serviceLevel: { thresholdSeconds: 30 } }`. */
function patchOf(key: string, value: string): ChangeConfigRequest {
  if (key.split('.').some((part) => part === ''))
    throw new UserError(
      'USAGE',
      `"${key}" is not a setting: give a dot path such as serviceLevel.thresholdSeconds`,
    );
  let parsed: unknown;
  try {
    parsed = parse(value);
  } catch {
    throw new UserError('USAGE', `"${value}" is not a YAML value (quote text that holds : or #)`);
  }
  return settingPatch(key, parsed);
}

function changeText(view: ConfigChangeView): string {
  const settings = Object.keys(view.after);
  if (settings.length === 0) return 'percontact.yaml already says so: nothing changed\n';
  const shown = (v: unknown) => JSON.stringify(v);
  return settings.map((s) => `${s}: ${shown(view.before[s])} → ${shown(view.after[s])}\n`).join('');
}
