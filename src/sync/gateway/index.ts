// The Microsoft side of the sync: TeamsGateway over the Graph resource layer (graph-teams-gateway.ts) and the client
// that paces every request under Microsoft's documented limits (throttle-aware-client.ts + limiter/).
export { GraphTeamsGateway, type GraphTeamsGatewayOptions } from './graph-teams-gateway.js';
export {
  DEFAULT_MAX_CONCURRENT,
  DEFAULT_SKEW_MS,
  GraphRateLimiter,
  type GraphRateLimiterOptions,
} from './limiter/graph-rate-limiter.js';
export { type BucketRule, type LimitRulesOptions, limitRules, type RateRule } from './limiter/limit-rules.js';
export { type LimiterClock, SYSTEM_CLOCK } from './limiter/limiter-clock.js';
export { ticketFor } from './request-tickets.js';
export { createSyncGraphClient, type SyncGraphClient, ThrottleAwareGraphClient } from './throttle-aware-client.js';
