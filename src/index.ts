/**
 * percontact as a library: the same functions the CLI uses, typed. Data flows one way: a workspace
 * (engine + configuration) → metrics (report, explain, drivers) → views and renderers; planning is
 * pure math.
 */

export {
  type ImportEntry,
  type ImportsView,
  type ListImportsRequest,
  listImports,
  type RemoveImportRequest,
  type RemoveImportView,
  removeImport,
} from './app/imports.js';
export * as app from './app/index.js';
export { type PlanBaselineRequest, type PlanBaselineView, planBaseline } from './app/plan-baseline.js';
export { type PlanOptimiseRequest, planOptimise } from './app/plan-optimise.js';
export { type PlanRunRequest, type PlanRunView, planRun } from './app/plan-run.js';
export type { PlanSource } from './app/plan-source.js';
export { type SimulatedRow, type SimulateRequest, type SimulateView, simulatePlan } from './app/simulate.js';
export { type StatusCell, type StatusRequest, type StatusView, workspaceStatus } from './app/status.js';
export type { WorkspaceTotals } from './app/workspace-totals.js';
export * from './calendar/index.js';
export * from './engine/index.js';
export { EXIT_CODES, type InputLocation, UserError, type UserErrorCode } from './errors.js';
export { type ImportOptions, importFiles } from './ingest/import-files.js';
export type { ImportSummary } from './ingest/pipeline/summary.js';
export type { ImportKind } from './ingest/targets/target.js';
export {
  BENCHMARK_TABLE_VERSION,
  type Benchmark,
  PUBLISHED_BENCHMARKS,
} from './metrics/benchmarks/published.js';
export type { ContactMeasures, ReportDetail } from './metrics/contact-measures.js';
export {
  type AllocationRecord,
  type CostPerContactReport,
  costPerContactReport,
  type ReportOptions,
  type ReportRow,
} from './metrics/cost-per-contact.js';
export { type Definitions, describeDefinitions, resolveDefinitions } from './metrics/definitions.js';
export { type DriversReport, driversReport } from './metrics/drivers/drivers-report.js';
export { type Explanation, explain } from './metrics/explain.js';
export { type Figures, figures } from './metrics/figures.js';
export * from './model/index.js';
export * from './money/index.js';
export {
  BASELINE_DEFAULTS,
  type Baseline,
  type BaselineChannel,
  type BaselineCostLine,
  type BaselineSegment,
  baselineSchema,
} from './planning/baseline/baseline.js';
export { baselineYaml, readBaseline } from './planning/baseline/baseline-file.js';
export { type BaselineRequest, deriveBaseline } from './planning/baseline/derive.js';
export {
  type ErlangAMetrics,
  type ErlangBMetrics,
  type ErlangCMetrics,
  erlangA,
  erlangB,
  erlangC,
  evaluateStaffing,
  type QueueMetrics,
  type QueueModel,
  type Staffing,
  type StaffingTargets,
  scheduledAgents,
  staff,
  staffErlangA,
  staffErlangC,
} from './planning/erlang/index.js';
export { type PlanFormat, type PlanRendering, renderPlanOutput } from './planning/report/render-plan.js';
export type { ConstraintCheck, Violation } from './planning/scenario/constraints.js';
export { type Evaluation, evaluate, type PlanContext, planContext } from './planning/scenario/evaluate.js';
export type { ChannelFigures, PlanFigures, PlanSide } from './planning/scenario/figures.js';
export { type OptimiseOutcome, optimise } from './planning/scenario/optimise.js';
export {
  type BridgeStep,
  type CalibrationRow,
  type PlanOutcome,
  runPlan,
} from './planning/scenario/run-plan.js';
export {
  type Constraints,
  LEVER_NAMES,
  type Levers,
  optimiseSchema,
  type Scenario,
  scenarioSchema,
} from './planning/scenario/schema.js';
export { shapleyValues } from './planning/scenario/shapley.js';
export { type ValidationRow, validatePlan } from './planning/scenario/validate.js';
export {
  type Estimate,
  figuresOf,
  type SimFigures,
  type SimulationRun,
  simulate,
} from './planning/simulate/estimates.js';
export type { CallbackOffer, ServiceTimes, SimGroup, SimModel, SimQueue } from './planning/simulate/model.js';
export { stationaryModel } from './planning/simulate/stationary.js';
export { renderCsv } from './report/csv.js';
export { renderJson } from './report/json.js';
export { type ReportView, type RowView, reportView } from './report/report-view.js';
export { renderTable } from './report/table.js';
export { initWorkspace, type OpenOptions, openWorkspace, type Workspace } from './workspace/index.js';
