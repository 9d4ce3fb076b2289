// TeamsGateway (src/sync/io/teams-gateway.ts) over the Graph resource layer (src/microsoft/graph/). Build it on the
// sync's client (./throttle-aware-client.ts `createSyncGraphClient`) so that every request is paced under
// Microsoft's limits; on a bare GraphClient it works too, paced only by that client's own limiter.
// Where the interface takes many items, requests are packed: user lookups 15 per `in` and 20 per `$batch`
// (./find-users.ts), group lookups likewise (./find-groups.ts), member adds 200 and removals 20 per request, their
// chunks sent side by side. Creating a group is idempotent here: after a lost answer, or a "mailNickname taken"
// refusal, the group is looked up by its (deterministic) nickname and adopted when found.

import { perform } from '../../microsoft/graph/graph-call.js';
import { GraphNetworkError } from '../../microsoft/graph/graph-error.js';
import { createUnifiedGroupForTeam, findGroupByMailNickname } from '../../microsoft/graph/groups.js';
import type { GraphClient } from '../../microsoft/graph/http.js';
import { listTeamMembers, setMemberRole } from '../../microsoft/graph/members.js';
import { addMembersCalls, removeMembersCalls } from '../../microsoft/graph/members-bulk.js';
import { MailNicknameTakenError } from '../../microsoft/graph/resource-errors.js';
import { createTeamFromGroup } from '../../microsoft/graph/team-creation.js';
import type { PollOptions } from '../../microsoft/graph/team-operation.js';
import { archiveTeam, getTeam, unarchiveTeam, updateTeam } from '../../microsoft/graph/teams.js';
import type { ObservedMember } from '../io/observed.js';
import type {
  FoundGroup,
  MemberDeltaRound,
  MemberResult,
  NewGroup,
  TeamInfo,
  TeamsGateway,
} from '../io/teams-gateway.js';
import type { LookupAnswers } from '../people/link-types.js';
import type { TeamRole, TeamTemplate } from '../plan/plan-types.js';
import { findGroupsByMailNickname } from './find-groups.js';
import { findMembershipId } from './find-membership.js';
import { findUsers } from './find-users.js';
import { readMemberDelta } from './member-delta.js';
import { gatewayResult } from './member-results.js';

export interface GraphTeamsGatewayOptions {
  /** Waits before retrying the replication 404 of `PUT /groups/{id}/team`; default 3 × 10 s (team-put-teams.md). */
  replicationRetryDelaysMs?: readonly number[];
  /** Polling of `POST /teams` (educationClass): interval, timeout, and `sleep` (tests move a clock instead). */
  poll?: PollOptions;
}

export class GraphTeamsGateway implements TeamsGateway {
  constructor(
    readonly client: GraphClient,
    readonly options: GraphTeamsGatewayOptions = {},
  ) {}

  findUsers(values: readonly string[]): Promise<LookupAnswers> {
    return findUsers(this.client, values);
  }

  findGroupsByMailNickname(nicknames: readonly string[]): Promise<Map<string, FoundGroup>> {
    return findGroupsByMailNickname(this.client, nicknames);
  }

  async getTeam(teamId: string): Promise<TeamInfo | null> {
    const team = await getTeam(this.client, teamId);
    if (team === null) return null;
    return {
      teamId: team.id,
      displayName: team.displayName ?? '',
      description: team.description,
      archived: team.isArchived,
      webUrl: team.webUrl,
    };
  }

  async listMembers(teamId: string): Promise<ObservedMember[]> {
    const members = await listTeamMembers(this.client, teamId);
    return members.flatMap((m) =>
      m.userId === null
        ? []
        : [{ userId: m.userId, roles: m.owner ? ['owner'] : m.guest ? ['guest'] : [], membershipId: m.membershipId }],
    );
  }

  readMemberDelta(teamIds: readonly string[], deltaLink: string | null): Promise<MemberDeltaRound> {
    return readMemberDelta(this.client, teamIds, deltaLink);
  }

  async createGroup(group: NewGroup): Promise<{ groupId: string }> {
    try {
      const created = await createUnifiedGroupForTeam(this.client, {
        displayName: group.displayName,
        description: group.description,
        mailNickname: group.mailNickname,
        visibility: 'Private',
      });
      return { groupId: created.id };
    } catch (error) {
      // The create may have happened (lost answer), or an earlier run's did (nickname taken): adopt that group.
      if (!(error instanceof GraphNetworkError || error instanceof MailNicknameTakenError)) throw error;
      const existing = await findGroupByMailNickname(this.client, group.mailNickname);
      if (existing === null) throw error;
      return { groupId: existing.id };
    }
  }

  async createTeamFromGroup(
    groupId: string,
    template: TeamTemplate,
  ): Promise<{ teamId: string; webUrl: string | null }> {
    const { team } = await createTeamFromGroup(this.client, groupId, {
      ...this.options.poll,
      ...(template === 'standard' ? {} : { template }),
      ...(this.options.replicationRetryDelaysMs
        ? { replicationRetryDelaysMs: this.options.replicationRetryDelaysMs }
        : {}),
    });
    return { teamId: team.id, webUrl: team.webUrl };
  }

  updateTeam(teamId: string, names: { displayName: string; description: string }): Promise<void> {
    return updateTeam(this.client, teamId, names);
  }

  async archiveTeam(teamId: string): Promise<void> {
    await archiveTeam(this.client, teamId);
  }

  async unarchiveTeam(teamId: string): Promise<void> {
    await unarchiveTeam(this.client, teamId);
  }

  async addMembers(
    teamId: string,
    members: ReadonlyArray<{ userId: string; role: TeamRole }>,
  ): Promise<MemberResult[]> {
    const wanted = members.map((m) => ({ userId: m.userId, owner: m.role === 'owner' }));
    const calls = addMembersCalls(this.client, teamId, wanted);
    const answers = await Promise.all(calls.map((call) => perform(this.client, call)));
    return answers.flat().map(gatewayResult);
  }

  async removeMembers(teamId: string, userIds: readonly string[]): Promise<MemberResult[]> {
    const calls = removeMembersCalls(this.client, teamId, userIds);
    const answers = await Promise.all(calls.map((call) => perform(this.client, call)));
    return answers.flat().map(gatewayResult);
  }

  setMemberRole(teamId: string, membershipId: string, role: TeamRole): Promise<void> {
    return setMemberRole(this.client, teamId, membershipId, role === 'owner');
  }

  findMembershipId(teamId: string, userId: string): Promise<string | null> {
    return findMembershipId(this.client, teamId, userId);
  }
}
