import { UserError } from '../errors.js';
import type { Workspace } from '../workspace/workspace.js';
import { loadMappingFile } from './mapping/load.js';
import type { Mapping } from './mapping/schema.js';
import { type ImportRequest, runImport } from './pipeline/run-import.js';
import type { ImportSummary } from './pipeline/summary.js';
import { findPreset } from './presets/presets.js';
import type { ImportKind } from './targets/target.js';

export interface ImportOptions {
  kind: ImportKind;
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
  if (options.files.length === 0) throw new UserError('USAGE', 'give at least one file to import');
  if (options.preset && options.mappingFile)
    throw new UserError('USAGE', 'give either --preset or --mapping, not both');
  const { mapping, name } = await resolveMapping(options);
  const request: ImportRequest = {
    kind: options.kind,
    files: options.files,
    mapping,
    mappingName: name,
    skipInvalid: options.skipInvalid ?? false,
    replace: options.replace ?? false,
    ...(options.source ? { source: options.source } : {}),
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
    ...(options.interval ? { interval: options.interval } : {}),
    ...(options.rejectsPath ? { rejectsPath: options.rejectsPath } : {}),
    ...(options.onPhase ? { onPhase: options.onPhase } : {}),
  };
  return runImport(workspace, request);
}

async function resolveMapping(options: ImportOptions): Promise<{ mapping: Mapping; name: string }> {
  if (options.mappingFile)
    return { mapping: await loadMappingFile(options.mappingFile), name: options.mappingFile };
  const preset = findPreset(options.kind, options.preset ?? 'generic');
  return { mapping: preset.mapping(), name: `preset ${preset.name}` };
}
