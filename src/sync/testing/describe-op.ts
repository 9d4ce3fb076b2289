// A plan operation in a few words, for table tests: `add owner:t1 member:s1`, `remove s1`, `rename "A" → "B"`, …
import type { PlanOperation } from '../plan/plan-types.js';

const ids = (list: ReadonlyArray<{ userId: string }>) => list.map((m) => m.userId).join(',');

export function describeOp(op: PlanOperation): string {
  switch (op.kind) {
    case 'addMembers': {
      const owners = op.members.filter((m) => m.role === 'owner');
      const others = op.members.filter((m) => m.role === 'member');
      return ['add', owners.length ? `owner:${ids(owners)}` : '', others.length ? `member:${ids(others)}` : '']
        .filter(Boolean)
        .join(' ');
    }
    case 'removeMembers':
      return `remove ${ids(op.members)}${op.reason === 'authorizingAccount' ? ' (authorizing)' : ''}`;
    case 'promoteToOwner':
      return `promote ${op.userId}`;
    case 'demoteToMember':
      return `demote ${op.userId}`;
    case 'holdRemovals':
      return `hold ${op.rule} ${ids(op.members)}`;
    case 'reportLimit':
      return `limit ${op.limit} ${op.userIds.join(',')}`;
    case 'createTeam':
      return `create ${op.mailNickname}${op.existingGroupId ? ` on ${op.existingGroupId}` : ''}`;
    case 'adoptTeam':
      return `adopt ${op.teamId}`;
    case 'renameTeam':
      return `rename "${op.from.displayName}" → "${op.to.displayName}"`;
    case 'archiveTeam':
      return `archive ${op.teamId} (${op.reason})`;
    case 'unarchiveTeam':
      return `unarchive ${op.teamId}`;
    case 'teamDeleted':
      return `deleted ${op.teamId}${op.recreate ? ' (recreate)' : ''}`;
    case 'noChange':
      return 'noChange';
  }
}
