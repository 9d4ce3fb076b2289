// Microsoft Graph: the one client (http.ts: auth, retries, paging, $batch, log, counters) and the endpoint modules
// (users, me; teams, members and events come with the sync). None of them knows Elentra or the sync.
export type { BatchOptions, BatchRequest, BatchResult } from './batch.js';
export { batchResultError, MAX_BATCH_REQUESTS, packEnvelopes } from './batch.js';
export { GraphError, type GraphErrorDetails, GraphNetworkError, graphErrorFields } from './graph-error.js';
export type {
  AccessTokenProvider,
  GraphClientOptions,
  GraphLimiter,
  GraphLogger,
  GraphPage,
  GraphRequest,
  GraphResponse,
  HttpMethod,
} from './http.js';
export { GRAPH_VERSION_PATH, GraphClient } from './http.js';
export { getMe, listSupportedTimeZones, type SignedInUser, type TimeZoneInformation } from './me.js';
export { odataIn, odataString, type QueryValue, queryString } from './odata.js';
export type { RequestRecord, RequestStatsSnapshot, RouteCounts } from './request-stats.js';
export { RequestStats } from './request-stats.js';
export { DEFAULT_RETRY_POLICY, type RetryPolicy, retryAfterSeconds } from './retry-policy.js';
export { routeTemplateOf } from './route-template.js';
export {
  type DirectoryUser,
  findUsersByMailOrUpn,
  MAX_VALUES_PER_IN_FILTER,
  type MatchedProperty,
  type UserMatch,
} from './users.js';
