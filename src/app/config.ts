import { z } from 'zod';
import { describeDefinitions, resolveDefinitions } from '../metrics/definitions.js';
import type { WorkspaceConfig } from '../model/config.js';
import { configText } from '../report/config-text.js';
import type { Workspace } from '../workspace/workspace.js';
import { operation, viewOutput } from './operation.js';
import { parseRequest } from './request.js';

export const configRequest = z.strictObject({});
export type ConfigRequest = z.input<typeof configRequest>;

export interface ConfigView {
  /** percontact.yaml as the workspace reads it, defaults filled in. */
  config: WorkspaceConfig;
  /** The definitions in force, in words, as every report prints them. */
  definitions: Record<string, string>;
}

/** The workspace's configuration and the definitions it puts in force. */
export async function readConfigView(workspace: Workspace, request: ConfigRequest = {}): Promise<ConfigView> {
  parseRequest(configRequest, request);
  return { config: workspace.config, definitions: describeDefinitions(resolveDefinitions(workspace.config)) };
}

export const configOperation = operation({
  name: 'config',
  summary: "The workspace's configuration and the definitions in force",
  request: configRequest,
  run: readConfigView,
  output: viewOutput(
    readConfigView,
    ['table'],
    (view, _format, _r, width) => configText(view, width),
    configRequest,
  ),
});
