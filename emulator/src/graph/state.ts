// Graph's in-memory tenant data: groups (with their members, owners, team and calendar), async team operations and
// the group change log behind `groups/delta`. One `GraphState` per emulator context, cleared by `POST /_emulator/reset`,
// saved to and restored from the optional state file by persisted-state.ts.
// Users come from the tenant (`ctx.tenant.users`), read afresh on every request.
// Teams and groups are one model, as in Microsoft 365: a team's id is its group's id, its owners are the group's owners,
// and its members are the group's members plus its owners.

import { createPrng, deriveSeed, type Prng, prngGuid } from '../behaviour/prng.js';
import type { EmulatorContext, SeedUser } from '../context.js';

export interface GroupRecord {
  id: string;
  displayName: string;
  description: string | null;
  mailNickname: string;
  mailEnabled: boolean;
  securityEnabled: boolean;
  groupTypes: string[];
  /** `Public` | `Private` | `HiddenMembership` | null (directory spelling). */
  visibility: string | null;
  createdAtMs: number;
  /** Insertion-ordered user ids. */
  members: Set<string>;
  owners: Set<string>;
  /** Opaque team membership ids, one per user while they belong to the team. */
  membershipIds: Map<string, string>;
  team: TeamRecord | null;
  events: Map<string, EventRecord>;
}

export interface TeamRecord {
  createdAtMs: number;
  /** False until the creating operation succeeds; a team that is not provisioned answers 404. */
  provisioned: boolean;
  isArchived: boolean;
  /** `none` | `educationClass` */
  specialization: string;
  internalId: string;
  memberSettings: Record<string, boolean>;
  guestSettings: Record<string, boolean>;
  messagingSettings: Record<string, boolean>;
  funSettings: Record<string, boolean | string>;
}

export interface EventRecord {
  id: string;
  groupId: string;
  createdAtMs: number;
  lastModifiedAtMs: number;
  changeKey: string;
  iCalUId: string;
  subject: string;
  body: { contentType: string; content: string };
  startUtcMs: number;
  endUtcMs: number;
  originalStartTimeZone: string;
  originalEndTimeZone: string;
  isAllDay: boolean;
  location: Record<string, unknown>;
  locations: Array<Record<string, unknown>>;
  attendees: unknown[];
  categories: string[];
  isOnlineMeeting: boolean;
  onlineMeetingProvider: string;
  joinUrl: string | null;
  transactionId: string | null;
  showAs: string;
  importance: string;
  sensitivity: string;
  isReminderOn: boolean;
  reminderMinutesBeforeStart: number;
  responseRequested: boolean;
  allowNewTimeProposals: boolean;
  hideAttendees: boolean;
  isCancelled: boolean;
}

export type OperationType = 'createTeam' | 'teamifyGroup' | 'archiveTeam' | 'unarchiveTeam';

export interface OperationRecord {
  id: string;
  teamId: string;
  operationType: OperationType;
  createdAtMs: number;
  durationMs: number;
  /** Set by the `failed-operation` fault: the operation ends in `failed` with this error. */
  failure: { code: string; message: string } | null;
  /** Applied once, when the operation completes successfully. */
  onSuccess: () => void;
  /** Applied once, when the operation ends in `failed`. */
  onFailure?: () => void;
  settled: boolean;
}

/** One change to a group, for `groups/delta`. Owners are not tracked (owners are not in group delta). */
export type GroupChangeInput =
  | { groupId: string; kind: 'created' | 'updated' | 'deleted' }
  | { groupId: string; kind: 'memberAdded' | 'memberRemoved'; userId: string };
export type GroupChange = GroupChangeInput & { seq: number };

export interface GraphState {
  /** Bumped on every reset so that delta tokens from before a reset are recognised. */
  generation: number;
  groups: Map<string, GroupRecord>;
  operations: Map<string, OperationRecord>;
  changes: GroupChange[];
  changeSeq: number;
  ids: Prng;
}

const states = new WeakMap<EmulatorContext, GraphState>();

export function getGraphStateRecord(ctx: EmulatorContext): GraphState {
  let state = states.get(ctx);
  if (!state) {
    const created = freshState(ctx, 1);
    state = created;
    states.set(ctx, created);
    ctx.onReset.push(() => {
      const previous = states.get(ctx);
      states.set(ctx, freshState(ctx, (previous?.generation ?? 0) + 1));
    });
  }
  return state;
}

/** Installs a state restored from the state file (persisted-state.ts) in place of the current one. */
export function replaceGraphState(ctx: EmulatorContext, state: GraphState): void {
  getGraphStateRecord(ctx); // the reset hook is registered once, with the first state
  states.set(ctx, state);
}

function freshState(ctx: EmulatorContext, generation: number): GraphState {
  return {
    generation,
    groups: new Map(),
    operations: new Map(),
    changes: [],
    changeSeq: 0,
    ids: createPrng(deriveSeed(ctx.options.seed, `graph-ids-${generation}`)),
  };
}

export function recordChange(state: GraphState, change: GroupChangeInput): void {
  state.changeSeq += 1;
  state.changes.push({ ...change, seq: state.changeSeq });
}

export function newGuid(state: GraphState): string {
  return prngGuid(state.ids);
}

/** Base64 of random bytes, never containing `/` or `+` (ids travel in URL paths); opaque by design. */
export function newOpaqueId(state: GraphState, bytes: number): string {
  for (;;) {
    const id = Buffer.from(state.ids.bytes(bytes)).toString('base64');
    if (!/[/+]/.test(id)) return id;
  }
}

/** An Outlook-style item id (`AAMkAG…=`), URL-safe. */
export function newEventId(state: GraphState): string {
  return `AAMkAG${Buffer.from(state.ids.bytes(48)).toString('base64url')}AAA=`;
}

export function hex(state: GraphState, bytes: number): string {
  return [...state.ids.bytes(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** A tenant user by object id or userPrincipalName (case-insensitive), as Graph resolves `/users/{id | UPN}`. */
export function findUser(ctx: EmulatorContext, idOrUpn: string): SeedUser | undefined {
  return userIndex(ctx.tenant.users).get(idOrUpn.toLowerCase());
}

/**
 * Users by lower-case id and userPrincipalName, built once per users array (rebuilt if its length changes): a scan
 * per member added made the emulator, not the product, the bottleneck of the benchmark's 12,000 memberships.
 */
const USER_INDEX = new WeakMap<readonly SeedUser[], { length: number; byKey: Map<string, SeedUser> }>();

function userIndex(users: readonly SeedUser[]): Map<string, SeedUser> {
  const cached = USER_INDEX.get(users);
  if (cached && cached.length === users.length) return cached.byKey;
  const byKey = new Map<string, SeedUser>();
  // Reverse, so that the first user wins a key two share, as Array.find did.
  for (let i = users.length - 1; i >= 0; i -= 1) {
    const user = users[i] as SeedUser;
    byKey.set(user.userPrincipalName.toLowerCase(), user);
    byKey.set(user.id.toLowerCase(), user);
  }
  USER_INDEX.set(users, { length: users.length, byKey });
  return byKey;
}

/** Completes every operation whose time has come, applying its effect (team provisioned, archived…) once. */
export function settleOperations(state: GraphState, nowMs: number): void {
  for (const op of state.operations.values()) {
    if (op.settled || nowMs < op.createdAtMs + op.durationMs) continue;
    op.settled = true;
    if (op.failure) op.onFailure?.();
    else op.onSuccess();
  }
}

/** The team ids' membership as the Teams API shows it: members ∪ owners, owners first-class. */
export function teamMemberIds(group: GroupRecord): string[] {
  const ids = [...group.members];
  for (const owner of group.owners) if (!group.members.has(owner)) ids.push(owner);
  return ids;
}
