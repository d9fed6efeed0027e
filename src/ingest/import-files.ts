import { UserError } from '../errors.js';
import type { Workspace } from '../workspace/workspace.js';
import { loadMappingFile } from './mapping/load.js';
import type { Mapping } from './mapping/schema.js';
import type { Reshape } from './pipeline/reshape.js';
import { type ImportRequest, runImport, runImports } from './pipeline/run-import.js';
import type { ImportSummary } from './pipeline/summary.js';
import { findPreset } from './presets/presets.js';
import type { ImportKind } from './targets/target.js';

export interface ImportOptions {
  kind: ImportKind;
  /** Paths, or PostgreSQL tables as `postgres://user@host:port/db?table=[schema.]name`. */
  files: readonly string[];
  /** A preset name (see `percontact import presets`); default: generic. */
  preset?: string;
  /** A mapping file (YAML); excludes `preset`. */
  mappingFile?: string;
  /** The source rows are stored under; default: the mapping's, else the file name's stem. */
  source?: string;
  timeZone?: string;
  interval?: string;
  skipInvalid?: boolean;
  /** Replace stored rows that came from other files; without it such an import is refused. */
  replace?: boolean;
  rejectsPath?: string;
  onPhase?: (phase: string) => void;
}

/** The library entry point behind `percontact import …`. */
export async function importFiles(workspace: Workspace, options: ImportOptions): Promise<ImportSummary> {
  return runImport(workspace, await requestFor(options));
}

/** Several imports that land together or not at all (one transaction), in the order given. */
export async function importFilesTogether(
  workspace: Workspace,
  options: readonly ImportOptions[],
): Promise<ImportSummary[]> {
  const requests: ImportRequest[] = [];
  for (const o of options) requests.push(await requestFor(o));
  return runImports(workspace, requests);
}

async function requestFor(options: ImportOptions): Promise<ImportRequest> {
  if (options.files.length === 0)
    throw new UserError('USAGE', 'give at least one file (or table) to import', { parameter: 'files' });
  if (options.preset && options.mappingFile)
    throw new UserError('USAGE', 'give either a preset or a mapping, not both', { parameter: 'mapping' });
  const { mapping, name, reshape } = await resolveMapping(options);
  return {
    kind: options.kind,
    files: options.files,
    mapping,
    mappingName: name,
    ...(reshape ? { reshape } : {}),
    skipInvalid: options.skipInvalid ?? false,
    replace: options.replace ?? false,
    ...(options.source ? { source: options.source } : {}),
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
    ...(options.interval ? { interval: options.interval } : {}),
    ...(options.rejectsPath ? { rejectsPath: options.rejectsPath } : {}),
    ...(options.onPhase ? { onPhase: options.onPhase } : {}),
  };
}

async function resolveMapping(
  options: ImportOptions,
): Promise<{ mapping: Mapping; name: string; reshape?: Reshape }> {
  if (options.mappingFile)
    return { mapping: await loadMappingFile(options.mappingFile), name: options.mappingFile };
  const preset = findPreset(options.kind, options.preset ?? 'generic');
  const resolved = { mapping: preset.mapping(), name: `preset ${preset.name}` };
  return preset.reshape ? { ...resolved, reshape: preset.reshape } : resolved;
}
