// Who belongs to one offering, from its rows: owners from course contacts of the configured types, members from the
// audience (learners directly, or groups expanded through group_members), every window checked at the offering's
// membership instant (offering-rule.ts). Pure; accounts are checked afterwards (people-status.ts).
import { isReversedWindow } from './date-problems.js';
import { withinWindow } from './offering-rule.js';
import type { AudienceRow, ContactRow, GroupMemberRow, GroupRow } from './roster-rows.js';
import type { OfferingGroup, Owner } from './roster-types.js';

/** One Owner per person, with every contact type they hold on the course (in contact order). */
export function ownersFromContacts(contacts: readonly ContactRow[]): Owner[] {
  const ordered = [...contacts].sort((a, b) => a.contact_order - b.contact_order || a.proxy_id - b.proxy_id);
  const types = new Map<number, string[]>();
  for (const contact of ordered) {
    const held = types.get(contact.proxy_id) ?? [];
    if (!held.includes(contact.contact_type)) held.push(contact.contact_type);
    types.set(contact.proxy_id, held);
  }
  return [...types].map(([proxyId, contactTypes]) => ({ proxyId, contactTypes })).sort((a, b) => a.proxyId - b.proxyId);
}

export interface AudienceMembers {
  members: Set<number>;
  groups: OfferingGroup[];
}

/**
 * The learners and the groups in effect at `atSeconds`. `learners: false` (a roster read with `members: false`, where
 * this offering's learners were not read): the groups in effect only, each with a `memberCount` of 0, and no members.
 */
export function membersFromAudience(
  audience: readonly AudienceRow[],
  groups: ReadonlyMap<number, GroupRow>,
  membersByGroup: ReadonlyMap<number, readonly GroupMemberRow[]>,
  atSeconds: number,
  learners = true,
): AudienceMembers {
  const members = new Set<number>();
  const inEffect = new Map<number, OfferingGroup>();
  for (const row of audience) {
    // A reversed enrolment window is read as open (date-problems.ts): nobody is removed over a typing error.
    const reversed = isReversedWindow(row.enroll_start, row.enroll_finish);
    if (!reversed && !withinWindow(row.enroll_start, row.enroll_finish, atSeconds)) continue;
    if (row.audience_type === 'proxy_id') {
      if (learners) members.add(row.audience_value);
      continue;
    }
    const group = groups.get(row.audience_value);
    if (group === undefined || inEffect.has(group.group_id)) continue;
    if (group.group_active !== 1 || !withinWindow(group.start_date, group.expire_date, atSeconds)) continue;
    const fromGroup = new Set<number>();
    for (const member of learners ? (membersByGroup.get(group.group_id) ?? []) : []) {
      if (withinWindow(member.start_date, member.finish_date, atSeconds)) fromGroup.add(member.proxy_id);
    }
    for (const proxyId of fromGroup) members.add(proxyId);
    inEffect.set(group.group_id, {
      groupId: group.group_id,
      groupName: group.group_name,
      groupType: group.group_type,
      memberCount: fromGroup.size,
    });
  }
  const sortedGroups = [...inEffect.values()].sort((a, b) => a.groupId - b.groupId);
  return { members, groups: sortedGroups };
}
