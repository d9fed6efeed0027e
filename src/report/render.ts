import { type ReportOptions, costPerContactReport } from '../metrics/cost-per-contact.js';
import { resolveDefinitions } from '../metrics/definitions.js';
import type { Workspace } from '../workspace/workspace.js';
import { renderCsv } from './csv.js';
import { renderJson } from './json.js';
import { reportView } from './report-view.js';
import { renderTable } from './table.js';

export type ReportFormat = 'table' | 'json' | 'csv';

const RENDERERS = { table: renderTable, json: renderJson, csv: renderCsv } as const;

/** Builds the cost-per-contact report of a workspace and renders it in one format. */
export async function renderReport(workspace: Workspace, options: ReportOptions, format: ReportFormat): Promise<string> {
  const report = await costPerContactReport(workspace.engine, resolveDefinitions(workspace.config), options);
  return RENDERERS[format](reportView(report));
}
