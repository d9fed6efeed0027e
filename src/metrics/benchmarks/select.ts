import type { WorkspaceConfig } from '../../model/config.js';
import type { Decimal as DecimalType } from '../../money/decimal.js';
import { Decimal } from '../../money/decimal.js';
import type { FxRates } from '../fx.js';
import type { DimensionValues } from '../segments.js';
import { BENCHMARK_TABLE_VERSION, type Benchmark, PUBLISHED_BENCHMARKS } from './published.js';

/** A benchmark ready to compare with: its value in the workspace currency and where it came from. */
export interface ResolvedBenchmark {
  benchmark: Benchmark;
  tableVersion: string;
  /** In the workspace currency; undefined where no FX rate converts it. */
  value: DecimalType | undefined;
  fx?: { date: string; rate: DecimalType };
}

/** Which benchmarks a workspace compares with, resolved from its configuration. */
export interface BenchmarkChoice {
  /** The shipped table with the workspace's own figures added (an own figure with a shipped id replaces it). */
  table: Benchmark[];
  customIds: ReadonlySet<string>;
  overall: string;
  byChannel: Readonly<Record<string, string>>;
}

export function benchmarkChoice(config: WorkspaceConfig): BenchmarkChoice {
  const custom = config.benchmarks.custom as Benchmark[];
  const customIds = new Set(custom.map((b) => b.id));
  return {
    table: [...PUBLISHED_BENCHMARKS.filter((b) => !customIds.has(b.id)), ...custom],
    customIds,
    overall: config.benchmarks.costPerContact,
    byChannel: config.benchmarks.byChannel as Record<string, string>,
  };
}

/**
 * The cost-per-contact benchmark for a row: the configured one for the row's channel when the row is
 * one channel, else the configured overall figure; converted at the latest rate on or before `asOf`.
 */
export function resolveBenchmark(
  choice: BenchmarkChoice,
  currency: string,
  segment: DimensionValues,
  fx: FxRates,
  asOf: string,
): ResolvedBenchmark | undefined {
  const channel = segment.channel;
  const id = (channel ? choice.byChannel[channel] : undefined) ?? choice.overall;
  const benchmark = choice.table.find((b) => b.id === id);
  if (!benchmark) return undefined;
  const tableVersion = choice.customIds.has(id) ? 'workspace' : BENCHMARK_TABLE_VERSION;
  if (!benchmark.currency || benchmark.currency === currency) {
    return { benchmark, tableVersion, value: new Decimal(benchmark.value) };
  }
  const rate = fx.rateOn(benchmark.currency, asOf);
  if (!rate) return { benchmark, tableVersion, value: undefined };
  return { benchmark, tableVersion, value: new Decimal(benchmark.value).times(rate.rate), fx: rate };
}
