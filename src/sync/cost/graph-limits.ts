// Microsoft's documented throttling limits (GRAPH-FACTS §8; learn.microsoft.com/graph/throttling-limits), the ones a
// Teams sync meets, as data. The emulator enforces the same numbers (emulator/src/behaviour/defaults.ts); both are
// "per app per tenant" unless marked per team.

export interface RateLimit {
  /** Units allowed per window: requests, or resource units for the directory bucket. */
  limit: number;
  windowSeconds: number;
}

/** Which limit a request counts against besides the per-team one (Microsoft's request classes for Teams). */
export type LimitClass =
  | 'teams.createTeam' // POST /teams
  | 'teams.teamify' // PUT /groups/{id}/team (and clone)
  | 'teams.getTeam' // GET /teams/{id}
  | 'teams.getMembers' // GET /teams/{id}/members
  | 'teams.otherGet' // any other Teams GET (operations, …)
  | 'teams.otherWrite' // any other Teams call: members add / remove / PATCH, PATCH team, archive
  | 'directory.read' // users, groups, groups/delta
  | 'directory.write'; // POST /groups

export interface GraphLimits {
  teams: Record<'createTeam' | 'teamify' | 'getTeam' | 'getMembers' | 'otherGet' | 'otherWrite', RateLimit>;
  /** "A maximum of 4 requests per second per app can be issued on a given team." */
  perTeam: RateLimit;
  /** Resource units per 10 s: 3,500 (tenant under 50 users), 5,000 (50–500), 8,000 (over 500). */
  directoryResourceUnits: RateLimit;
  /** 3,000 writes per 150 s. */
  directoryWrites: RateLimit;
}

export const DIRECTORY_RESOURCE_UNITS_BY_TENANT_SIZE = { small: 3_500, medium: 5_000, large: 8_000 } as const;

/** A medical school's tenant has thousands of users: the `large` directory quota. */
export const DOCUMENTED_LIMITS: GraphLimits = {
  teams: {
    createTeam: { limit: 10, windowSeconds: 1 },
    teamify: { limit: 6, windowSeconds: 1 },
    getTeam: { limit: 30, windowSeconds: 1 },
    getMembers: { limit: 60, windowSeconds: 1 },
    otherGet: { limit: 30, windowSeconds: 1 },
    otherWrite: { limit: 30, windowSeconds: 1 },
  },
  perTeam: { limit: 4, windowSeconds: 1 },
  directoryResourceUnits: { limit: DIRECTORY_RESOURCE_UNITS_BY_TENANT_SIZE.large, windowSeconds: 10 },
  directoryWrites: { limit: 3_000, windowSeconds: 150 },
};
