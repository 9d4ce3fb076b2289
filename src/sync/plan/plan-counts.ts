// Counts of a Plan: the dry run's summary line, the run record (`sync_runs.counts`) and the benchmark's "writes =
// exactly the changes" check all read these.
import type { Plan, PlanOperation } from './plan-types.js';

export interface PlanCounts {
  offerings: number;
  /** Offerings whose only operation is noChange. */
  unchanged: number;
  /** Offerings whose removals are held. */
  held: number;
  teamsCreated: number;
  teamsAdopted: number;
  teamsRenamed: number;
  teamsArchived: number;
  teamsUnarchived: number;
  teamsDeleted: number;
  ownersAdded: number;
  membersAdded: number;
  peopleRemoved: number;
  promotions: number;
  demotions: number;
  removalsHeld: number;
  limitReports: number;
  unmatched: number;
  warnings: number;
}

const TEAM_COUNTERS: Partial<Record<PlanOperation['kind'], keyof PlanCounts>> = {
  createTeam: 'teamsCreated',
  adoptTeam: 'teamsAdopted',
  renameTeam: 'teamsRenamed',
  archiveTeam: 'teamsArchived',
  unarchiveTeam: 'teamsUnarchived',
  teamDeleted: 'teamsDeleted',
  promoteToOwner: 'promotions',
  demoteToMember: 'demotions',
  reportLimit: 'limitReports',
};

export function emptyCounts(): PlanCounts {
  return {
    offerings: 0,
    unchanged: 0,
    held: 0,
    teamsCreated: 0,
    teamsAdopted: 0,
    teamsRenamed: 0,
    teamsArchived: 0,
    teamsUnarchived: 0,
    teamsDeleted: 0,
    ownersAdded: 0,
    membersAdded: 0,
    peopleRemoved: 0,
    promotions: 0,
    demotions: 0,
    removalsHeld: 0,
    limitReports: 0,
    unmatched: 0,
    warnings: 0,
  };
}

export function planCounts(plan: Plan): PlanCounts {
  const counts = emptyCounts();
  for (const offering of plan.offerings) {
    counts.offerings += 1;
    counts.unmatched += offering.unmatched.length;
    counts.warnings += offering.warnings.length;
    if (offering.expectedStatus === 'held') counts.held += 1;
    if (offering.operations.every((operation) => operation.kind === 'noChange')) counts.unchanged += 1;
    for (const operation of offering.operations) {
      const counter = TEAM_COUNTERS[operation.kind];
      if (counter) counts[counter] += 1;
      if (operation.kind === 'addMembers') {
        for (const member of operation.members) counts[member.role === 'owner' ? 'ownersAdded' : 'membersAdded'] += 1;
      } else if (operation.kind === 'removeMembers') {
        counts.peopleRemoved += operation.members.length;
      } else if (operation.kind === 'holdRemovals') {
        counts.removalsHeld += operation.members.length;
      }
    }
  }
  return counts;
}
