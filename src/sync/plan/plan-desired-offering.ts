// The plan for an offering Elentra lists: make sure its team exists (look up before create: the observer searched by
// mailNickname, so `absent` really means absent), adopt a team found by its mailNickname that the store did not know
// (a lost response or a killed run created it), bring back a team this integration had archived, rename it when the
// course was renamed, and bring its owners and members in step (membership/plan-membership.ts).
// A team deleted in Microsoft is flagged, and recreated only with `recreateDeletedTeams` (a deletion may be a
// deliberate decision in Teams; recreating would bring back an empty team). An offering that already ended gets no
// new team. A team archived by someone in Teams is left alone (frozen), with a warning.
import type { Offering } from '../../elentra/roster/roster-types.js';
import type { ObservedOffering, ObservedTeam } from '../io/observed.js';
import { mailNickname } from '../naming/mail-nickname.js';
import { type TeamNames, teamNames } from '../naming/team-names.js';
import type { OfferingPeople } from '../people/offering-people.js';
import { currentMembers, planMembership } from './membership/plan-membership.js';
import { type OfferingPlanHead, offeringPlan } from './offering-plan-builder.js';
import { nameUnmatchedOwners } from './owner-warnings.js';
import type { PlanOptions } from './plan-options.js';
import type { OfferingPlan, PlanOperation, PlanWarning } from './plan-types.js';

export interface DesiredOfferingInput {
  offering: Offering;
  observed: ObservedOffering | undefined;
  people: OfferingPeople;
  options: PlanOptions;
}

function confirmedRemovals(observed: ObservedOffering | undefined): Set<string> {
  const confirmed = new Set<string>();
  for (const held of observed?.heldRemovals ?? []) if (held.confirmedAtMs !== null) confirmed.add(held.userId);
  return confirmed;
}

function stillHeld(observed: ObservedOffering | undefined): Set<string> {
  const held = new Set<string>();
  for (const row of observed?.heldRemovals ?? []) if (row.confirmedAtMs === null) held.add(row.userId);
  return held;
}

export function planDesiredOffering(input: DesiredOfferingInput): OfferingPlan {
  const plan = planForTeam(input);
  const dataWarnings = input.offering.dataWarnings ?? [];
  if (dataWarnings.length === 0) return plan;
  // Impossible dates in Elentra (roster/date-problems.ts): said first, and the offering needs attention.
  const warnings: PlanWarning[] = [
    ...dataWarnings.map((message): PlanWarning => ({ code: 'impossible-dates', message })),
    ...plan.warnings,
  ];
  return { ...plan, warnings, expectedStatus: plan.expectedStatus === 'ok' ? 'warning' : plan.expectedStatus };
}

function planForTeam(input: DesiredOfferingInput): OfferingPlan {
  const { offering, observed, options } = input;
  const names = teamNames(offering, options);
  const identity = { siteId: options.siteId, organisationId: offering.organisationId };
  const nickname =
    observed?.stored?.mailNickname ??
    mailNickname({ ...identity, courseId: offering.courseId, periodId: offering.period.id }, offering.courseCode);
  const head: OfferingPlanHead = {
    offeringKey: offering.key,
    lifecycle: offering.status,
    teamId: null,
    mailNickname: nickname,
    displayName: names.displayName,
    unmatched: input.people.unmatched,
  };
  const team = observed?.team ?? { state: 'absent' };
  switch (team.state) {
    case 'unknown':
      return offeringPlan(
        { ...head, teamId: observed?.stored?.teamId ?? null },
        [],
        [{ code: 'observation-failed', message: team.reason }],
      );
    case 'deleted': {
      const recreate = options.recreateDeletedTeams && !offering.ended;
      const flag: PlanOperation = {
        kind: 'teamDeleted',
        offeringKey: offering.key,
        teamId: team.teamId,
        recreate,
        message: recreate
          ? 'The team was deleted in Microsoft: a new one will be created (TEAMS_RECREATE_DELETED is on).'
          : 'The team was deleted in Microsoft: it is not recreated unless TEAMS_RECREATE_DELETED is set to 1.',
      };
      return recreate ? createTeam(input, head, names, null, [flag]) : offeringPlan(head, [flag]);
    }
    case 'absent':
    case 'groupOnly':
      if (offering.ended) {
        return offeringPlan(
          head,
          [],
          [{ code: 'ended-without-team', message: 'The offering has ended and never had a team: none is created.' }],
        );
      }
      return createTeam(input, head, names, team.state === 'groupOnly' ? team.groupId : null, []);
    case 'present':
      return updateTeam(input, { ...head, teamId: team.team.teamId }, names, team.team);
  }
}

function createTeam(
  input: DesiredOfferingInput,
  head: OfferingPlanHead,
  names: TeamNames,
  existingGroupId: string | null,
  before: PlanOperation[],
): OfferingPlan {
  const { options } = input;
  // Created with delegated permission, the team starts with one member: the authorizing account, as owner.
  const authorizing = options.authorizingUserId;
  const current = currentMembers(authorizing ? [{ userId: authorizing, roles: ['owner'], membershipId: null }] : []);
  const membership = planMembership({
    offeringKey: head.offeringKey,
    teamId: null,
    people: input.people,
    current,
    confirmedRemovals: new Set(),
    options,
    ...(options.caps ? { caps: options.caps } : {}),
  });
  const create: PlanOperation = {
    kind: 'createTeam',
    offeringKey: head.offeringKey,
    ...names,
    mailNickname: head.mailNickname,
    template: options.template,
    visibility: 'private',
    existingGroupId,
  };
  const warnings = nameUnmatchedOwners(membership.warnings, input.people.unmatched);
  return offeringPlan(head, [...before, create, ...membership.operations], warnings);
}

function updateTeam(
  input: DesiredOfferingInput,
  head: OfferingPlanHead,
  names: TeamNames,
  team: ObservedTeam,
): OfferingPlan {
  const { observed, options } = input;
  const offeringKey = head.offeringKey;
  const teamId = team.teamId;
  const operations: PlanOperation[] = [];
  const warnings: PlanWarning[] = [];
  if (observed?.stored?.teamId !== teamId) {
    operations.push({ kind: 'adoptTeam', offeringKey, teamId, mailNickname: team.mailNickname ?? head.mailNickname });
  }
  if (team.archived) {
    if (!observed?.stored?.archivedBySync) {
      warnings.push({
        code: 'archived-outside-sync',
        message: 'The team was archived in Teams, not by the sync: it is left as it is (unarchive it to resume).',
      });
      return offeringPlan(head, operations, warnings);
    }
    operations.push({ kind: 'unarchiveTeam', offeringKey, teamId });
  }
  const description = team.description ?? '';
  if (team.displayName !== names.displayName || description !== names.description) {
    operations.push({
      kind: 'renameTeam',
      offeringKey,
      teamId,
      from: { displayName: team.displayName, description },
      to: names,
    });
  }
  const membership = planMembership({
    offeringKey,
    teamId,
    people: input.people,
    current: currentMembers(team.members),
    confirmedRemovals: confirmedRemovals(observed),
    stillHeld: stillHeld(observed),
    options,
    ...(options.caps ? { caps: options.caps } : {}),
  });
  const named = nameUnmatchedOwners(membership.warnings, input.people.unmatched);
  return offeringPlan(head, [...operations, ...membership.operations], [...warnings, ...named]);
}
