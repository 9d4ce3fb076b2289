// Which documented limit each limiter bucket stands for (GRAPH-FACTS §8; the numbers come from the cost model's
// src/sync/cost/graph-limits.ts, so the limiter paces to exactly the limits the throttle floor is computed from):
//   teams:{class}     tenant-wide Teams request classes (POST /teams 10/s, PUT team 6/s, GET team 30/s, …)
//   team:{id}         4 requests per second on any one team
//   directory:ru      resource units per 10 s; directory:write 3,000 writes per 150 s
//   mailbox:{groupId} Outlook: 4 concurrent requests and 10,000 per 10 minutes per mailbox
// An unknown bucket has no limit (only the global concurrency bound applies).
import {
  DIRECTORY_RESOURCE_UNITS_BY_TENANT_SIZE,
  DOCUMENTED_LIMITS,
  type GraphLimits,
} from '../../cost/graph-limits.js';

export interface RateRule {
  limit: number;
  windowMs: number;
}

export interface BucketRule {
  rate?: RateRule;
  /** Requests in flight at once. */
  concurrent?: number;
}

export interface LimitRulesOptions {
  limits?: GraphLimits;
  /**
   * The directory's resource units per 10 s. We cannot see the tenant's size, so the default is the smallest
   * quota (3,500, under 50 users), which no larger tenant is throttled below; a sync rarely comes near it.
   */
  directoryResourceUnits?: number;
}

const OUTLOOK_CONCURRENT_PER_MAILBOX = 4;
const OUTLOOK_REQUESTS_PER_MAILBOX: RateRule = { limit: 10_000, windowMs: 600_000 };

const perSecond = (rate: { limit: number; windowSeconds: number }): RateRule => ({
  limit: rate.limit,
  windowMs: rate.windowSeconds * 1000,
});

export type RuleLookup = (bucket: string) => BucketRule | undefined;

export function limitRules(options: LimitRulesOptions = {}): RuleLookup {
  const limits = options.limits ?? DOCUMENTED_LIMITS;
  const teamsClasses = new Map(Object.entries(limits.teams).map(([name, rate]) => [name, perSecond(rate)]));
  const perTeam = perSecond(limits.perTeam);
  const resourceUnits: RateRule = {
    limit: options.directoryResourceUnits ?? DIRECTORY_RESOURCE_UNITS_BY_TENANT_SIZE.small,
    windowMs: limits.directoryResourceUnits.windowSeconds * 1000,
  };
  const writes = perSecond(limits.directoryWrites);
  return (bucket) => {
    if (bucket.startsWith('team:')) return { rate: perTeam };
    if (bucket.startsWith('mailbox:'))
      return { rate: OUTLOOK_REQUESTS_PER_MAILBOX, concurrent: OUTLOOK_CONCURRENT_PER_MAILBOX };
    if (bucket.startsWith('teams:')) {
      const rate = teamsClasses.get(bucket.slice('teams:'.length));
      return rate ? { rate } : undefined;
    }
    if (bucket === 'directory:ru') return { rate: resourceUnits };
    if (bucket === 'directory:write') return { rate: writes };
    return undefined;
  };
}
