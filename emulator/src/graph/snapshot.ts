// A plain-data picture of Graph's state for `GET /_emulator/state` and the tenant viewer: teams with their members,
// roles and calendar (meeting links included), and groups that have no (provisioned) team.
import type { EmulatorContext } from '../context.js';
import { groupMail } from './group-entity.js';
import {
  type EventRecord,
  findUser,
  type GroupRecord,
  getGraphStateRecord,
  settleOperations,
  teamMemberIds,
} from './state.js';

export interface EventSnapshot {
  id: string;
  subject: string;
  /** ISO instants in UTC. */
  start: string;
  end: string;
  originalStartTimeZone: string;
  isOnlineMeeting: boolean;
  onlineMeetingProvider: string;
  onlineMeeting: { joinUrl: string } | null;
  transactionId: string | null;
}

export interface MemberSnapshot {
  userId: string;
  displayName: string | null;
  email: string | null;
  roles: string[];
}

export interface TeamSnapshot {
  id: string;
  displayName: string;
  description: string | null;
  mailNickname: string;
  mail: string | null;
  visibility: string | null;
  archived: boolean;
  createdAt: string;
  members: MemberSnapshot[];
  events: EventSnapshot[];
}

export interface GroupSnapshot {
  id: string;
  displayName: string;
  description: string | null;
  mailNickname: string;
  createdAt: string;
  /** `provisioning` while a team is being created for it. */
  team: 'provisioning' | null;
  members: MemberSnapshot[];
  events: EventSnapshot[];
}

export interface GraphStateSnapshot {
  teams: TeamSnapshot[];
  groups: GroupSnapshot[];
}

function events(group: GroupRecord): EventSnapshot[] {
  return [...group.events.values()]
    .sort((a, b) => a.startUtcMs - b.startUtcMs)
    .map((e: EventRecord) => ({
      id: e.id,
      subject: e.subject,
      start: new Date(e.startUtcMs).toISOString(),
      end: new Date(e.endUtcMs).toISOString(),
      originalStartTimeZone: e.originalStartTimeZone,
      isOnlineMeeting: e.isOnlineMeeting,
      onlineMeetingProvider: e.onlineMeetingProvider,
      onlineMeeting: e.isOnlineMeeting && e.joinUrl ? { joinUrl: e.joinUrl } : null,
      transactionId: e.transactionId,
    }));
}

function members(ctx: EmulatorContext, group: GroupRecord): MemberSnapshot[] {
  return teamMemberIds(group).map((userId) => {
    const user = findUser(ctx, userId);
    return {
      userId,
      displayName: user?.displayName ?? null,
      email: user?.mail ?? null,
      roles: group.owners.has(userId) ? ['owner'] : [],
    };
  });
}

export function graphSnapshot(ctx: EmulatorContext): GraphStateSnapshot {
  const state = getGraphStateRecord(ctx);
  settleOperations(state, ctx.now());
  const teams: TeamSnapshot[] = [];
  const groups: GroupSnapshot[] = [];
  for (const group of state.groups.values()) {
    const createdAt = new Date(group.createdAtMs).toISOString();
    if (group.team?.provisioned) {
      teams.push({
        id: group.id,
        displayName: group.displayName,
        description: group.description,
        mailNickname: group.mailNickname,
        mail: groupMail(ctx, group),
        visibility: group.visibility,
        archived: group.team.isArchived,
        createdAt,
        members: members(ctx, group),
        events: events(group),
      });
    } else {
      groups.push({
        id: group.id,
        displayName: group.displayName,
        description: group.description,
        mailNickname: group.mailNickname,
        createdAt,
        team: group.team ? 'provisioning' : null,
        members: members(ctx, group),
        events: events(group),
      });
    }
  }
  return { teams, groups };
}
