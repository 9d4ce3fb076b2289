// Microsoft Graph: the one client (http.ts: auth, retries, paging, $batch, log, counters) and the endpoint modules
// (users, me, groups, groups-delta, teams, team-creation, members, members-bulk + member-results, events), each
// with its tables of expected answers (expected-answers.ts) and `…Call` builders for `$batch` (graph-call.ts).
// None of them knows Elentra or the sync.
export type { BatchOptions, BatchRequest, BatchResult } from './batch.js';
export { batchResultError, MAX_BATCH_REQUESTS, packEnvelopes } from './batch.js';
export {
  type DateTimeTimeZone,
  type GroupEvent,
  type GroupEventFields,
  isMeetingMissing,
  type NewGroupEvent,
} from './event-shapes.js';
export {
  CREATE_EVENT_ANSWERS,
  calendarView,
  createGroupEvent,
  createGroupEventCall,
  DELETE_EVENT_ANSWERS,
  deleteGroupEvent,
  deleteGroupEventCall,
  type EventOptions,
  findGroupEventByTransactionId,
  getGroupEvent,
  getGroupEventCall,
  listGroupEvents,
  READ_EVENT_ANSWERS,
  UPDATE_EVENT_ANSWERS,
  updateGroupEvent,
  updateGroupEventCall,
} from './events.js';
export {
  type AnswerFields,
  type ExpectedAnswer,
  expectedAnswers,
  matchAnswer,
  type RequestOutcome,
  type ResourceErrorClass,
} from './expected-answers.js';
export { type GraphCall, perform, performBatch, type Settled } from './graph-call.js';
export { GraphError, type GraphErrorDetails, GraphNetworkError, graphErrorFields } from './graph-error.js';
export {
  CREATE_GROUP_ANSWERS,
  createUnifiedGroupForTeam,
  findGroupByMailNickname,
  findGroupByMailNicknameCall,
  type Group,
  type GroupOwner,
  getGroup,
  listGroupOwners,
  MAX_REFERENCES_AT_GROUP_CREATION,
  type NewTeamGroup,
  ownersToBind,
  READ_GROUP_ANSWERS,
} from './groups.js';
export {
  GROUPS_DELTA_ANSWERS,
  type GroupMembershipChange,
  type GroupsDeltaRound,
  groupsDelta,
  MAX_GROUPS_PER_DELTA_QUERY,
} from './groups-delta.js';
export type {
  AccessTokenProvider,
  GraphClientOptions,
  GraphLimiter,
  GraphLogger,
  GraphPage,
  GraphRequest,
  GraphResponse,
  HttpMethod,
} from './http.js';
export { GRAPH_VERSION_PATH, GraphClient } from './http.js';
export { getMe, listSupportedTimeZones, type SignedInUser, type TimeZoneInformation } from './me.js';
export {
  ADD_MEMBER_PART_ANSWERS,
  type MemberAddStatus,
  type MemberRemoveStatus,
  type MemberResult,
  REMOVE_MEMBER_PART_ANSWERS,
} from './member-results.js';
export {
  LIST_MEMBERS_ANSWERS,
  listTeamMembers,
  REMOVE_MEMBER_ANSWERS,
  removeMember,
  removeMemberCall,
  SET_ROLE_ANSWERS,
  setMemberRole,
  setMemberRoleCall,
  type TeamMember,
} from './members.js';
export {
  addMembers,
  addMembersCalls,
  BULK_MEMBERS_ANSWERS,
  MAX_MEMBERS_PER_ADD_REQUEST,
  MAX_MEMBERS_PER_REMOVE_REQUEST,
  type MemberToAdd,
  removeMembers,
  removeMembersCalls,
} from './members-bulk.js';
export { odataIn, odataString, type QueryValue, queryString } from './odata.js';
export type { RequestRecord, RequestStatsSnapshot, RouteCounts } from './request-stats.js';
export { RequestStats } from './request-stats.js';
export {
  EventNotFoundError,
  GraphResourceError,
  GroupHasNoOwnerError,
  GroupNotFoundError,
  GroupNotReplicatedError,
  LastOwnerError,
  MailNicknameTakenError,
  MemberNotFoundError,
  OwnerNotFoundError,
  TeamNotFoundError,
  TimeZoneNotSupportedError,
} from './resource-errors.js';
export { DEFAULT_RETRY_POLICY, type RetryPolicy, retryAfterSeconds } from './retry-policy.js';
export { routeTemplateOf } from './route-template.js';
export {
  CREATE_TEAM_FROM_GROUP_ANSWERS,
  type CreateTeamFromGroupOptions,
  createTeam,
  createTeamFromGroup,
  type NewTeam,
  REPLICATION_RETRY_DELAYS_MS,
  TeamNotReadyError,
  type TeamTemplate,
} from './team-creation.js';
export {
  DEFAULT_TEAM_OPERATION_TIMEOUT_MS,
  getTeamOperation,
  MIN_TEAM_OPERATION_POLL_MS,
  type PollOptions,
  type Sleep,
  type StartedTeamOperation,
  type TeamOperation,
  TeamOperationFailedError,
  TeamOperationPendingError,
  waitForTeamOperation,
} from './team-operation.js';
export {
  archiveTeam,
  getTeam,
  getTeamCall,
  READ_TEAM_ANSWERS,
  type Team,
  type TeamChanges,
  unarchiveTeam,
  updateTeam,
  updateTeamCall,
  WRITE_TEAM_ANSWERS,
} from './teams.js';
export {
  type DirectoryUser,
  findUsersByMailOrUpn,
  MAX_VALUES_PER_IN_FILTER,
  type MatchedProperty,
  type UserMatch,
} from './users.js';
