// # The cost model: what a sync must spend at the least, and how long Microsoft's limits make it take at the least
//
// The benchmark (issue 9, bench/README.md) reports a run's requests and wall time as ratios to these two numbers.
//
// ## minimumRequests(plan, observation)
// The sum, over the plan's operations and the run's observation work, of the requests each needs at the least
// (operation-requests.ts), by route and by limit class. Choices that make it the minimum, per GRAPH-FACTS:
// - members are added 200 per `POST /teams/{id}/members/add` (owners too, with `roles: ['owner']`), removed 20 per
//   `POST /teams/{id}/members/remove` — not one request per person (Moodle) nor 20 per group PATCH (Canvas);
// - a role change is one `PATCH /teams/{id}/members/{membershipId}` (+1 GET when the membership id is unknown);
// - creating a team is `POST /groups` + `PUT /groups/{id}/team` (2; the group first so the mailNickname is ours),
//   educationClass `POST /groups` + `POST /teams` + one poll (3); adopting one costs nothing more;
// - a rename (display name and description together) is one `PATCH /teams/{id}`; archive / unarchive one POST each,
//   not polled (the next run observes the result);
// - users are looked up 15 addresses per `in`, on mail and on UPN (2 requests per 15); groups by mailNickname 15 per
//   `in`; member changes through `groups/delta`, 50 teams per request.
// Each inner request of a `$batch` counts as one: Microsoft throttles each on its own (GRAPH-FACTS §7). The
// envelopes are HTTP exchanges, not requests; they are not counted. Retries, 429s and paging beyond what is given
// are the run's own cost: the ratio to this minimum measures them.
//
// ## throttleFloorSeconds(plan, observation, limits)
// The least time the documented limits (graph-limits.ts) allow: for each limit, `n` units under "L per W seconds",
// starting from an empty window, cannot all have started before (⌈n / L⌉ − 1) × W seconds; the floor is the largest
// of these over every limit: each Teams request class per tenant (POST /teams 10/s, PUT /groups/{id}/team 6/s, other
// writes 30/s, …), 4 requests per second on any one team (the busiest team), the directory's resource units
// (8,000 per 10 s for a large tenant) and its writes (3,000 per 150 s).
// Not in the floor: network latency, Microsoft's own processing, the replication delay before a new group can get
// its team (GRAPH-FACTS §3: 404 for up to 15 minutes, retried 10 s apart) and dependencies (members are added after
// their team exists) — the benchmark's latency and the emulator's replication delay add those on top.
import type { Plan } from '../plan/plan-types.js';
import { DOCUMENTED_LIMITS, type GraphLimits, type LimitClass, type RateLimit } from './graph-limits.js';
import {
  type CostedRequest,
  NO_OBSERVATION,
  type ObservationWork,
  observationRequests,
  operationRequests,
} from './operation-requests.js';

export interface RequestCount {
  total: number;
  writes: number;
  reads: number;
  byRoute: Record<string, number>;
  byLimitClass: Partial<Record<LimitClass, number>>;
}

export interface ThrottleFloor {
  seconds: number;
  /** The limit that sets the floor, e.g. `teams.teamify` or `perTeam course:12:period:4`. */
  binding: string | null;
  /** Each limit's own floor, in seconds. */
  byLimit: Record<string, number>;
}

export function planRequests(plan: Plan, observation: ObservationWork = NO_OBSERVATION): CostedRequest[] {
  const requests = observationRequests(observation);
  for (const offering of plan.offerings) {
    for (const operation of offering.operations) requests.push(...operationRequests(operation));
  }
  return requests;
}

export function countRequests(requests: readonly CostedRequest[]): RequestCount {
  const count: RequestCount = { total: 0, writes: 0, reads: 0, byRoute: {}, byLimitClass: {} };
  for (const request of requests) {
    count.total += 1;
    if (request.write) count.writes += 1;
    else count.reads += 1;
    count.byRoute[request.route] = (count.byRoute[request.route] ?? 0) + 1;
    count.byLimitClass[request.limitClass] = (count.byLimitClass[request.limitClass] ?? 0) + 1;
  }
  return count;
}

export function minimumRequests(plan: Plan, observation: ObservationWork = NO_OBSERVATION): RequestCount {
  return countRequests(planRequests(plan, observation));
}

/** The earliest the last of `units` can start under `rate`, from an empty window. */
export function windowFloorSeconds(units: number, rate: RateLimit): number {
  return units <= 0 ? 0 : (Math.ceil(units / rate.limit) - 1) * rate.windowSeconds;
}

const TEAMS_CLASSES: Record<string, keyof GraphLimits['teams']> = {
  'teams.createTeam': 'createTeam',
  'teams.teamify': 'teamify',
  'teams.getTeam': 'getTeam',
  'teams.getMembers': 'getMembers',
  'teams.otherGet': 'otherGet',
  'teams.otherWrite': 'otherWrite',
};

export function throttleFloor(
  requests: readonly CostedRequest[],
  limits: GraphLimits = DOCUMENTED_LIMITS,
): ThrottleFloor {
  const byClass = new Map<string, number>();
  const byTeam = new Map<string, number>();
  let resourceUnits = 0;
  let directoryWrites = 0;
  for (const request of requests) {
    byClass.set(request.limitClass, (byClass.get(request.limitClass) ?? 0) + 1);
    if (request.team !== null) byTeam.set(request.team, (byTeam.get(request.team) ?? 0) + 1);
    resourceUnits += request.resourceUnits;
    if (request.limitClass === 'directory.write') directoryWrites += 1;
  }
  const byLimit: Record<string, number> = {};
  for (const [limitClass, count] of byClass) {
    const teamsClass = TEAMS_CLASSES[limitClass];
    if (teamsClass) byLimit[limitClass] = windowFloorSeconds(count, limits.teams[teamsClass]);
  }
  let busiest: [string, number] | null = null;
  for (const entry of byTeam) if (busiest === null || entry[1] > busiest[1]) busiest = entry;
  if (busiest) byLimit[`perTeam ${busiest[0]}`] = windowFloorSeconds(busiest[1], limits.perTeam);
  byLimit['directory.resourceUnits'] = windowFloorSeconds(resourceUnits, limits.directoryResourceUnits);
  byLimit['directory.writes'] = windowFloorSeconds(directoryWrites, limits.directoryWrites);

  let binding: string | null = null;
  let seconds = 0;
  for (const [limit, floor] of Object.entries(byLimit)) {
    if (floor > seconds) [binding, seconds] = [limit, floor];
  }
  return { seconds, binding, byLimit };
}

export function throttleFloorSeconds(
  plan: Plan,
  observation: ObservationWork = NO_OBSERVATION,
  limits: GraphLimits = DOCUMENTED_LIMITS,
): number {
  return throttleFloor(planRequests(plan, observation), limits).seconds;
}
