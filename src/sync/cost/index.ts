// The cost model (read cost-model.ts's header first): minimum requests and the throttle floor of a plan.
export {
  countRequests,
  minimumRequests,
  planRequests,
  type RequestCount,
  type ThrottleFloor,
  throttleFloor,
  throttleFloorSeconds,
  windowFloorSeconds,
} from './cost-model.js';
export {
  DIRECTORY_RESOURCE_UNITS_BY_TENANT_SIZE,
  DOCUMENTED_LIMITS,
  type GraphLimits,
  type LimitClass,
  type RateLimit,
} from './graph-limits.js';
export {
  type CostedRequest,
  MAX_IDS_PER_DELTA_REQUEST,
  NO_OBSERVATION,
  type ObservationWork,
  observationRequests,
  operationRequests,
} from './operation-requests.js';
