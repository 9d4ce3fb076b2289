// How a team and a teamsAsyncOperation look in Graph (team-get.md, teamsasyncoperation.md, CSDL microsoft.graph.team /
// teamsAsyncOperation), and the team record's defaults (the `standard` template's settings).
import type { EmulatorContext } from '../context.js';
import { isoSeconds } from './http.js';
import {
  type GraphState,
  type GroupRecord,
  hex,
  type OperationRecord,
  type TeamRecord,
  teamMemberIds,
} from './state.js';

export function newTeamRecord(
  state: GraphState,
  nowMs: number,
  specialization: string,
  provisioned: boolean,
): TeamRecord {
  return {
    createdAtMs: nowMs,
    provisioned,
    isArchived: false,
    specialization,
    internalId: `19:${hex(state, 16)}@thread.tacv2`,
    memberSettings: {
      allowCreateUpdateChannels: true,
      allowDeleteChannels: true,
      allowAddRemoveApps: true,
      allowCreateUpdateRemoveTabs: true,
      allowCreateUpdateRemoveConnectors: true,
      allowCreatePrivateChannels: true,
    },
    guestSettings: { allowCreateUpdateChannels: false, allowDeleteChannels: false },
    messagingSettings: {
      allowUserEditMessages: true,
      allowUserDeleteMessages: true,
      allowOwnerDeleteMessages: true,
      allowTeamMentions: true,
      allowChannelMentions: true,
    },
    funSettings: {
      allowGiphy: true,
      giphyContentRating: 'moderate',
      allowStickersAndMemes: true,
      allowCustomMemes: true,
    },
  };
}

/** Copies the settings objects a request may carry (POST /teams, PUT /groups/{id}/team, PATCH /teams/{id}). */
export function applyTeamSettings(team: TeamRecord, body: Record<string, unknown>): void {
  for (const name of ['memberSettings', 'guestSettings', 'messagingSettings', 'funSettings'] as const) {
    const value = body[name];
    if (value === null || typeof value !== 'object' || Array.isArray(value)) continue;
    for (const [key, setting] of Object.entries(value)) {
      if (typeof setting === 'boolean' || (name === 'funSettings' && typeof setting === 'string')) {
        (team[name] as Record<string, boolean | string>)[key] =
          typeof setting === 'string' ? setting.toLowerCase() : setting;
      }
    }
  }
}

/** Team visibility (teamVisibilityType: private | public | hiddenMembership) from the group's. */
export function teamVisibility(group: GroupRecord): string {
  const v = (group.visibility ?? 'Public').toLowerCase();
  return v === 'hiddenmembership' ? 'hiddenMembership' : v === 'private' ? 'private' : 'public';
}

export function teamEntity(ctx: EmulatorContext, group: GroupRecord, team: TeamRecord): Record<string, unknown> {
  const ids = teamMemberIds(group);
  const owners = ids.filter((id) => group.owners.has(id)).length;
  return {
    id: group.id,
    createdDateTime: isoSeconds(team.createdAtMs),
    displayName: group.displayName,
    description: group.description,
    internalId: team.internalId,
    classification: null,
    specialization: team.specialization,
    visibility: teamVisibility(group),
    webUrl: `https://teams.microsoft.com/l/team/${encodeURIComponent(team.internalId)}/conversations?groupId=${group.id}&tenantId=${ctx.tenant.tenantId}`,
    isArchived: team.isArchived,
    tenantId: ctx.tenant.tenantId,
    memberSettings: { ...team.memberSettings },
    guestSettings: { ...team.guestSettings },
    messagingSettings: { ...team.messagingSettings },
    funSettings: { ...team.funSettings },
    summary: { ownersCount: owners, membersCount: ids.length - owners, guestsCount: 0 },
  };
}

/**
 * An operation's status is a function of time: `notStarted` for the first third of its duration, `inProgress` until
 * it ends, then `succeeded` (or `failed` under the failed-operation fault). Microsoft asks for 30 s between polls.
 */
export function operationStatus(
  op: OperationRecord,
  nowMs: number,
): 'notStarted' | 'inProgress' | 'succeeded' | 'failed' {
  const elapsed = nowMs - op.createdAtMs;
  if (elapsed >= op.durationMs) return op.failure ? 'failed' : 'succeeded';
  return elapsed < op.durationMs / 3 ? 'notStarted' : 'inProgress';
}

export function operationEntity(op: OperationRecord, nowMs: number): Record<string, unknown> {
  const status = operationStatus(op, nowMs);
  const lastAction = status === 'notStarted' ? op.createdAtMs : Math.min(nowMs, op.createdAtMs + op.durationMs);
  return {
    id: op.id,
    operationType: op.operationType,
    createdDateTime: isoSeconds(op.createdAtMs),
    status,
    lastActionDateTime: isoSeconds(lastAction),
    attemptsCount: status === 'notStarted' ? 0 : 1,
    targetResourceId: op.teamId,
    targetResourceLocation: `/teams('${op.teamId}')`,
    error: status === 'failed' ? op.failure : null,
  };
}
