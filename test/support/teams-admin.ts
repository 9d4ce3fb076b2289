// Changes made directly in Microsoft 365, as a teacher or an administrator working in Teams (or an earlier install)
// would make them: plain Graph requests to the emulator with a token minted through its control API. They go
// through the emulator's Graph like the sync's own requests do (and show in its request log: count after them).
import { ADMIN_MAIL, type SyncWorld } from './sync-teams-harness.js';

const SCOPES = ['Group.ReadWrite.All', 'TeamMember.ReadWrite.All', 'TeamSettings.ReadWrite.All'];

export interface TeamsAdmin {
  graph(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<unknown>;
  /** A Unified group with a team on it, as `POST /groups` + `PUT /groups/{id}/team` make it; returns its id. */
  createTeam(mailNickname: string, displayName: string): Promise<string>;
  /** The team member's role set in Teams (`PATCH /teams/{id}/members/{membershipId}`). */
  setRole(teamId: string, userId: string, roles: string[]): Promise<void>;
}

export async function teamsAdmin(world: SyncWorld, userId = ADMIN_MAIL): Promise<TeamsAdmin> {
  const minted = (await world.control.call('POST', '/tokens', { userId, scopes: SCOPES })) as { access_token: string };
  const graph: TeamsAdmin['graph'] = async (method, path, body) => {
    const response = await fetch(`${world.emu.graphUrl}/v1.0${path}`, {
      method,
      headers: {
        authorization: `Bearer ${minted.access_token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`Graph ${method} ${path}: ${response.status} ${text}`);
    return text === '' ? null : (JSON.parse(text) as unknown);
  };
  return {
    graph,
    async createTeam(mailNickname, displayName) {
      const group = (await graph('POST', '/groups', {
        displayName,
        mailNickname,
        mailEnabled: true,
        securityEnabled: false,
        groupTypes: ['Unified'],
        visibility: 'Private',
      })) as { id: string };
      await graph('PUT', `/groups/${group.id}/team`, {});
      return group.id;
    },
    async setRole(teamId, memberUserId, roles) {
      const list = (await graph('GET', `/teams/${teamId}/members`)) as {
        value: Array<{ id: string; userId: string }>;
      };
      const member = list.value.find((m) => m.userId === memberUserId);
      if (!member) throw new Error(`${memberUserId} is not in team ${teamId}`);
      await graph('PATCH', `/teams/${teamId}/members/${member.id}`, {
        '@odata.type': '#microsoft.graph.aadUserConversationMember',
        roles,
      });
    },
  };
}
