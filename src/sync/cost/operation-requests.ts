// The Graph requests each plan operation and each piece of observation needs at the least: the cost model's price
// list. Each inner request of a `$batch` is one request here, because Microsoft throttles each on its own
// (GRAPH-FACTS §7); the envelope is not counted. Directory costs in resource units follow GRAPH-FACTS §8: `GET
// users` 2, other reads 1, writes 1, `$select` −1 (never below 1).
import { LOOKUP_REQUESTS_PER_CHUNK, MAX_VALUES_PER_IN_FILTER } from '../people/lookup-batches.js';
import type { PlanOperation, TeamTemplate } from '../plan/plan-types.js';
import type { LimitClass } from './graph-limits.js';

export interface CostedRequest {
  /** Route template, as the GraphClient counts them. */
  route: string;
  limitClass: LimitClass;
  /** The team the per-team limit counts it against (the offering key: stable before the team id is known). */
  team: string | null;
  write: boolean;
  /** Directory resource units; 0 for Teams requests. */
  resourceUnits: number;
}

const teams = (route: string, limitClass: LimitClass, team: string | null, write: boolean): CostedRequest => ({
  route,
  limitClass,
  team,
  write,
  resourceUnits: 0,
});
const directory = (route: string, write: boolean, resourceUnits = 1): CostedRequest => ({
  route,
  limitClass: write ? 'directory.write' : 'directory.read',
  team: null,
  write,
  resourceUnits,
});

/**
 * A team is created group first so that its mailNickname is ours (POST /teams derives one from the display name):
 * `POST /groups`, then `PUT /groups/{id}/team` (standard; synchronous, 201) or, for educationClass, `POST /teams` with
 * `group@odata.bind` and the template (202) and one poll of the operation.
 */
function createTeamRequests(key: string, template: TeamTemplate, existingGroup: boolean): CostedRequest[] {
  const group = existingGroup ? [] : [directory('/groups', true)];
  if (template === 'standard') return [...group, teams('/groups/{id}/team', 'teams.teamify', key, true)];
  return [
    ...group,
    teams('/teams', 'teams.createTeam', null, true),
    teams('/teams/{id}/operations/{id}', 'teams.otherGet', key, false),
  ];
}

export function operationRequests(operation: PlanOperation): CostedRequest[] {
  const key = operation.offeringKey;
  switch (operation.kind) {
    case 'createTeam':
      return createTeamRequests(key, operation.template, operation.existingGroupId !== null);
    case 'renameTeam':
      return [teams('/teams/{id}', 'teams.otherWrite', key, true)];
    case 'archiveTeam':
      return [teams('/teams/{id}/archive', 'teams.otherWrite', key, true)];
    case 'unarchiveTeam':
      return [teams('/teams/{id}/unarchive', 'teams.otherWrite', key, true)];
    case 'addMembers':
      return [teams('/teams/{id}/members/add', 'teams.otherWrite', key, true)];
    case 'removeMembers':
      return [teams('/teams/{id}/members/remove', 'teams.otherWrite', key, true)];
    case 'promoteToOwner':
    case 'demoteToMember': {
      const patch = teams('/teams/{id}/members/{id}', 'teams.otherWrite', key, true);
      const lookup = teams('/teams/{id}/members', 'teams.getMembers', key, false);
      return operation.membershipId === null ? [lookup, patch] : [patch];
    }
    case 'adoptTeam':
    case 'holdRemovals':
    case 'reportLimit':
    case 'teamDeleted':
    case 'noChange':
      return [];
  }
}

/** What observing the tenant costs this run, besides the plan's own operations. */
export interface ObservationWork {
  /** Distinct addresses looked up (people/lookup-batches.ts: 15 per `in`, on mail and on UPN). */
  userLookupValues: number;
  /** Offerings without a stored team id, looked up by mailNickname (15 per `in`). */
  nicknameLookups: number;
  /** Teams whose members are followed with `groups/delta` (50 per request, GRAPH-FACTS §9). */
  deltaTeams: number;
  /** Pages of `GET /teams/{id}/members` (adopted teams, expired delta links; up to 999 a page), by team. */
  memberListPages: readonly number[];
}

export const NO_OBSERVATION: ObservationWork = {
  userLookupValues: 0,
  nicknameLookups: 0,
  deltaTeams: 0,
  memberListPages: [],
};

export const MAX_IDS_PER_DELTA_REQUEST = 50;

export function observationRequests(work: ObservationWork): CostedRequest[] {
  const requests: CostedRequest[] = [];
  // GET users costs 2 resource units, `$select` takes one off.
  const users = Math.ceil(work.userLookupValues / MAX_VALUES_PER_IN_FILTER) * LOOKUP_REQUESTS_PER_CHUNK;
  for (let i = 0; i < users; i += 1) requests.push(directory('/users', false, 1));
  for (let i = 0; i < Math.ceil(work.nicknameLookups / MAX_VALUES_PER_IN_FILTER); i += 1) {
    requests.push(directory('/groups', false, 1));
  }
  for (let i = 0; i < Math.ceil(work.deltaTeams / MAX_IDS_PER_DELTA_REQUEST); i += 1) {
    requests.push(directory('/groups/delta', false, 1));
  }
  work.memberListPages.forEach((pages, team) => {
    for (let i = 0; i < pages; i += 1) {
      requests.push(teams('/teams/{id}/members', 'teams.getMembers', `observe:${team}`, false));
    }
  });
  return requests;
}
