import { BENCHMARK_TABLE_VERSION, type Benchmark } from '../metrics/benchmarks/published.js';
import { benchmarkChoice } from '../metrics/benchmarks/select.js';
import { defaultConfig, type WorkspaceConfig } from '../model/config.js';
import { benchmarksText } from '../report/benchmarks-text.js';
import type { Workspace } from '../workspace/workspace.js';
import { operation, viewOutput } from './operation.js';
import { parseRequest } from './request.js';
import { type BenchmarksRequest, benchmarksRequest } from './requests/benchmarks.js';

export * from './requests/benchmarks.js';

export interface BenchmarksView {
  version: string;
  /** The workspace whose choices and own figures are shown; null: what a new workspace gets. */
  workspace: string | null;
  /** Which benchmark rows of several channels, and rows of each channel, compare with. */
  comparesWith: { overall: string; byChannel: Record<string, string> };
  benchmarks: (Benchmark & { table: string; comparedFor: string[] })[];
}

/**
 * The published figures reports compare with, and which rows compare with each: `benchmarks --format
 * json`. Without a workspace: what a new workspace compares with.
 */
export async function benchmarks(
  workspace: Workspace | undefined,
  request: BenchmarksRequest = {},
): Promise<BenchmarksView> {
  parseRequest(benchmarksRequest, request);
  return benchmarksView(workspace?.config ?? defaultConfig('EUR', 'UTC'), workspace?.dir ?? null);
}

export function benchmarksView(config: WorkspaceConfig, workspace: string | null): BenchmarksView {
  const choice = benchmarkChoice(config);
  const used = new Map<string, string[]>([[choice.overall, ['overall']]]);
  for (const [channel, id] of Object.entries(choice.byChannel))
    used.set(id, [...(used.get(id) ?? []), channel]);
  return {
    version: BENCHMARK_TABLE_VERSION,
    workspace,
    comparesWith: { overall: choice.overall, byChannel: { ...choice.byChannel } },
    benchmarks: choice.table.map((b) => ({
      ...b,
      table: choice.customIds.has(b.id) ? 'workspace' : BENCHMARK_TABLE_VERSION,
      comparedFor: used.get(b.id) ?? [],
    })),
  };
}

export const benchmarksOperation = operation({
  name: 'benchmarks',
  summary: 'The published cost-per-contact figures reports compare with, each with its source and year',
  request: benchmarksRequest,
  run: benchmarks,
  output: viewOutput(
    benchmarks,
    ['table'],
    (view, _format, r) => benchmarksText(view, r.locale),
    benchmarksRequest,
  ),
});
