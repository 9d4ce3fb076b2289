// The sync's pure core for teams (issue 5, part 1): desired (the Roster) × observed (io/observed.ts) → Plan.
// naming/ names a team and its mailNickname; people/ matches Elentra people to Microsoft users; plan/ decides (start
// at plan/plan-sync.ts) and prints (plan/format-plan.ts); cost/ prices a plan against Microsoft's limits; io/ holds
// the interfaces apply and observe are written against (SyncStore, TeamsGateway). events/ is the calendar part.

export {
  type CostedRequest,
  countRequests,
  DIRECTORY_RESOURCE_UNITS_BY_TENANT_SIZE,
  DOCUMENTED_LIMITS,
  type GraphLimits,
  type LimitClass,
  minimumRequests,
  NO_OBSERVATION,
  type ObservationWork,
  operationRequests,
  planRequests,
  type RateLimit,
  type RequestCount,
  type ThrottleFloor,
  throttleFloor,
  throttleFloorSeconds,
  windowFloorSeconds,
} from './cost/index.js';
export type { ObservedMember, ObservedOffering, ObservedTeam, TeamObservation } from './io/observed.js';
export { isOwnerRole } from './io/observed.js';
export type {
  HeldRemoval,
  OfferingResult,
  StoredMember,
  StoredTeam,
  StoredTeamStatus,
  SyncRunEnd,
  SyncRunStart,
  SyncStore,
  TeamRecordExtras,
} from './io/sync-store.js';
export type {
  FoundGroup,
  MemberDeltaRound,
  MemberResult,
  NewGroup,
  TeamInfo,
  TeamsGateway,
} from './io/teams-gateway.js';
export {
  isValidMailNickname,
  MAX_DESCRIPTION_LENGTH,
  MAX_DISPLAY_NAME_LENGTH,
  MAX_MAIL_NICKNAME_LENGTH,
} from './naming/limits.js';
export { mailNickname, type NicknameIdentity, parseMailNickname, siteIdOf } from './naming/mail-nickname.js';
export { type NamingTemplates, type TeamNames, teamNames } from './naming/team-names.js';
export {
  DEFAULT_DESCRIPTION_TEMPLATE,
  DEFAULT_DISPLAY_NAME_TEMPLATE,
  TEAM_NAME_PLACEHOLDERS,
  unknownPlaceholders,
} from './naming/template.js';
export { type CandidateKey, candidateKeys, DEFAULT_MATCHING, type MatchingOptions } from './people/candidate-keys.js';
export {
  type DirectoryUserRef,
  type LinkStatus,
  type LookupAnswers,
  lookupAnswers,
  type MatchRule,
  mergeAnswers,
  NO_ANSWERS,
  type UserLink,
} from './people/link-types.js';
export { type LookupBatches, lookupBatches } from './people/lookup-batches.js';
export { type OfferingPeople, offeringPeople, type UnmatchedPerson } from './people/offering-people.js';
export { DEFAULT_RECHECK_POLICY, isLinkDue, peopleDue, type RecheckPolicy } from './people/recheck-policy.js';
export { type PeopleResolution, type PersonProblem, resolveLinks } from './people/resolve-links.js';
export { nextLookupValues, type PersonOutcome, resolvePerson } from './people/resolve-person.js';
export { describeOperation, formatPlanTable, planToJson, summarizeCounts } from './plan/format-plan.js';
export { type PlanCounts, planCounts } from './plan/plan-counts.js';
export {
  DEFAULT_MASS_REMOVAL,
  DEFAULT_PLAN_OPTIONS,
  MAX_MEMBERS,
  MAX_MEMBERS_PER_ADD_REQUEST,
  MAX_MEMBERS_PER_REMOVE_REQUEST,
  MAX_OWNERS,
  type MassRemovalGuard,
  type PlanOptions,
  planOptions,
} from './plan/plan-options.js';
export { type PlanInput, planOperations, planSync } from './plan/plan-sync.js';
export type * from './plan/plan-types.js';
