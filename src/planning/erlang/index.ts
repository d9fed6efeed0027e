export { erlangA, erlangAFromInverse } from './erlang-a.js';
export {
  erlangB,
  erlangBFromInverse,
  InverseErlangBTable,
  inverseErlangB,
  nextInverseErlangB,
} from './erlang-b.js';
export { erlangC, erlangCFromInverse } from './erlang-c.js';
export {
  evaluateStaffing,
  type ModelMetrics,
  meetsTargets,
  type Staffing,
  type StaffingTargets,
  scheduledAgents,
  staff,
  staffErlangA,
  staffErlangC,
  TOLERANCE,
} from './staffing.js';
export {
  DEFAULT_SHORT_ABANDON_SECONDS,
  type ErlangAMetrics,
  type ErlangBMetrics,
  type ErlangCMetrics,
  hasPatience,
  type QueueMetrics,
  type QueueModel,
  SERVICE_LEVEL_FORMULAS,
  type ServiceLevelFormula,
  type Thresholds,
  trafficErlangs,
  type Workload,
} from './types.js';
