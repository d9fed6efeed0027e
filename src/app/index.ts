/**
 * The use-case layer: one typed request → one plain view per operation. The CLI, the HTTP server and
 * library users call these; each request is validated by its zod schema, and user errors name the
 * request parameter at fault (`location.parameter`).
 */
export { type Actor, hasRole, ROLES, type Role } from './actor.js';
export {
  AUDIT_ACTIONS,
  type AuditEntry,
  type AuditRequest,
  type AuditView,
  auditOperation,
  listAudit,
} from './audit.js';
export { type BenchmarksView, benchmarks, benchmarksOperation, benchmarksView } from './benchmarks.js';
export {
  type ChangeConfigRequest,
  type ConfigChangeView,
  changeConfig,
  changeConfigRequest,
} from './change-config.js';
export { type ConfigView, configOperation, readConfigView } from './config.js';
export {
  type AddCostRequest,
  addCost,
  type CostLineView,
  type CostsView,
  type EditCostRequest,
  editCost,
  getCost,
  getCostOperation,
  type ListCostsRequest,
  listCosts,
  listCostsOperation,
  removeCost,
} from './costs.js';
export { type DriversRequest, drivers, driversOperation } from './drivers.js';
export { type ExplainRequest, explain, explainOperation } from './explain.js';
export { type ImportOptions, type ImportRequest, importData, importOptions } from './import.js';
export { type Operation, operation } from './operation.js';
export {
  type LiveAgentAccount,
  type PulledKind,
  type PullLiveAgentRequest,
  type PullView,
  pullLiveAgent,
  pullLiveAgentRequest,
} from './pull.js';
export { type ReportRequest, report, reportOperation } from './report.js';
export { InvalidRequest, parseRequest, type RequestIssue } from './request.js';
export { type StaffRequest, type StaffView, staff, staffOperation } from './staff.js';
export {
  type CreatedToken,
  type CreateTokenRequest,
  createToken,
  type ListTokensRequest,
  listTokens,
  listTokensOperation,
  type RevokeTokenRequest,
  revokeToken,
  type TokenView,
} from './tokens.js';
export { type WorkspaceTotals, workspaceTotals } from './workspace-totals.js';
