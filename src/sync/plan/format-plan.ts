// The dry run: a Plan as a text table (one row per operation, the offering named on its first row; warnings and
// unmatched people as rows of their own, so nothing is silently dropped) and as JSON (`--json`). User ids are shown
// through `labelOf` — the CLI passes names from the roster and the links; ids otherwise.
import { formatTable } from '../../lib/format-table.js';
import { type PlanCounts, planCounts } from './plan-counts.js';
import type { MemberRef, Plan, PlanOperation } from './plan-types.js';

export interface FormatPlanOptions {
  labelOf?: (userId: string) => string;
  /** Names listed in a row before "… and N more" (holds are always listed in full: they await a decision). */
  maxNames?: number;
}

const OPERATION_NAMES: Record<PlanOperation['kind'], string> = {
  createTeam: 'create team',
  adoptTeam: 'adopt team',
  renameTeam: 'rename team',
  archiveTeam: 'archive team',
  unarchiveTeam: 'unarchive team',
  addMembers: 'add',
  removeMembers: 'remove',
  promoteToOwner: 'make owner',
  demoteToMember: 'make member',
  holdRemovals: 'HOLD removals',
  reportLimit: 'over limit',
  teamDeleted: 'team deleted',
  noChange: 'no change',
};

function names(userIds: readonly string[], labelOf: (userId: string) => string, max: number): string {
  const shown = userIds.slice(0, max).map(labelOf).join(', ');
  return userIds.length > max ? `${shown} … and ${userIds.length - max} more` : shown;
}

function people(members: readonly MemberRef[], label: (userId: string) => string, max: number): string {
  const owners = members.filter((member) => member.role === 'owner').map((member) => member.userId);
  const others = members.filter((member) => member.role === 'member').map((member) => member.userId);
  return [
    owners.length > 0 ? `${owners.length} owner(s): ${names(owners, label, max)}` : '',
    others.length > 0 ? `${others.length} member(s): ${names(others, label, max)}` : '',
  ]
    .filter((part) => part !== '')
    .join('; ');
}

export function describeOperation(operation: PlanOperation, options: FormatPlanOptions = {}): string {
  const label = options.labelOf ?? ((userId: string) => userId);
  const max = options.maxNames ?? 10;
  switch (operation.kind) {
    case 'createTeam':
      return `${operation.mailNickname}, ${operation.template}, ${operation.visibility}${
        operation.existingGroupId ? `, on existing group ${operation.existingGroupId}` : ''
      }`;
    case 'adoptTeam':
      return `team ${operation.teamId} found by its mailNickname ${operation.mailNickname}`;
    case 'renameTeam':
      return operation.from.displayName === operation.to.displayName
        ? 'description updated'
        : `"${operation.from.displayName}" → "${operation.to.displayName}"`;
    case 'archiveTeam':
      return operation.reason === 'ended' ? 'the offering ended' : 'the offering is no longer active in Elentra';
    case 'addMembers':
    case 'removeMembers':
      return `${people(operation.members, label, max)}${operation.kind === 'removeMembers' && operation.reason === 'authorizingAccount' ? ' (the authorizing account)' : ''}`;
    case 'promoteToOwner':
    case 'demoteToMember':
      return label(operation.userId);
    case 'holdRemovals':
      return `${operation.message} ${people(operation.members, label, Number.POSITIVE_INFINITY)}`;
    case 'reportLimit':
    case 'teamDeleted':
      return operation.message;
    case 'unarchiveTeam':
    case 'noChange':
      return '';
  }
}

export function summarizeCounts(counts: PlanCounts): string {
  const parts = [
    `${counts.offerings} offering(s)`,
    `${counts.unchanged} unchanged`,
    `${counts.teamsCreated} team(s) to create`,
    `+${counts.ownersAdded} owner(s)`,
    `+${counts.membersAdded} member(s)`,
    `−${counts.peopleRemoved} removed`,
    `${counts.promotions + counts.demotions} role change(s)`,
  ];
  if (counts.teamsRenamed + counts.teamsArchived + counts.teamsUnarchived + counts.teamsAdopted > 0) {
    parts.push(
      `${counts.teamsRenamed} renamed, ${counts.teamsArchived} archived, ${counts.teamsUnarchived} unarchived, ${counts.teamsAdopted} adopted`,
    );
  }
  if (counts.removalsHeld > 0) parts.push(`${counts.removalsHeld} removal(s) HELD in ${counts.held} offering(s)`);
  if (counts.unmatched > 0) parts.push(`${counts.unmatched} unmatched`);
  if (counts.warnings + counts.limitReports + counts.teamsDeleted > 0) {
    parts.push(`${counts.warnings + counts.limitReports + counts.teamsDeleted} warning(s)`);
  }
  return `Plan: ${parts.join(', ')}.`;
}

export function formatPlanTable(plan: Plan, options: FormatPlanOptions = {}): string {
  const label = options.labelOf ?? ((userId: string) => userId);
  const rows: string[][] = [];
  for (const offering of plan.offerings) {
    const first = rows.length;
    for (const operation of offering.operations) {
      rows.push(['', '', OPERATION_NAMES[operation.kind], describeOperation(operation, options)]);
    }
    for (const warning of offering.warnings) {
      const who = warning.userIds ? ` ${names(warning.userIds, label, Number.POSITIVE_INFINITY)}.` : '';
      rows.push(['', '', 'warning', `${warning.message}${who}`]);
    }
    for (const person of offering.unmatched) {
      rows.push(['', '', `${person.status} ${person.role}`, `${person.name} (#${person.proxyId}): ${person.reason}`]);
    }
    const head = rows[first];
    if (head) {
      head[0] = offering.offeringKey;
      head[1] = offering.displayName;
    }
  }
  const table = formatTable(['Offering', 'Team', 'Operation', 'Detail'], rows);
  return `${summarizeCounts(planCounts(plan))}\n\n${table}`;
}

/** `--json`: the plan as it is (plain data), with its counts. */
export function planToJson(plan: Plan): { generatedAt: string; counts: PlanCounts; offerings: Plan['offerings'] } {
  return { generatedAt: plan.generatedAt, counts: planCounts(plan), offerings: plan.offerings };
}
