// The invariants a seed must hold (docs/chaos.md), each returning violations in words:
// - converged: the tenant equals the desired state (oracle.ts) — one team per offering with exactly the right owners
//   and members and name, not archived; one meeting per in-window event, in the right team, at the right instants,
//   with its join link; nothing else;
// - no duplicates: one group per mailNickname and per offering, no group left without its team, one meeting per
//   Elentra event (transactionId) and per subject + start in a team;
// - no wrong removal: every user the emulator logged as taken out of a team, in any run (killed ones included), was
//   one the desired state of that moment did not want there;
// - failures in words: every failed offering of a faulty run has a message, recorded in sync_offering_results and
//   ms_teams.last_error / ms_events.last_error, and no message anywhere is a stack trace.
import type { RequestLogEntry } from '../../emulator/src/behaviour/request-log.js';
import type { GraphStateSnapshot } from '../../emulator/src/graph/snapshot.js';
import type { IntegrationDatabase } from '../../src/db/index.js';
import { meetingSubject } from '../../src/sync/events/meeting-subject.js';
import { parseMailNickname } from '../../src/sync/naming/mail-nickname.js';
import type { SyncOutcome } from './chaos-sync.js';
import { allowedIn, type DesiredState } from './oracle.js';

export type TenantState = GraphStateSnapshot & {
  users: Array<{ id: string; mail: string | null; userPrincipalName: string }>;
};

/** `course:{c}:period:{p}` of one of our nicknames; null for any other. */
export function offeringKeyOf(nickname: string): string | null {
  const identity = parseMailNickname(nickname);
  return identity ? `course:${identity.courseId}:period:${identity.periodId}` : null;
}

/** Group id → offering key, for every group in the tenant. */
export function groupOfferings(state: TenantState): Map<string, string | null> {
  return new Map([...state.teams, ...state.groups].map((g) => [g.id, offeringKeyOf(g.mailNickname)]));
}

function same(a: ReadonlySet<string>, b: ReadonlySet<string>): { missing: string[]; extra: string[] } {
  return { missing: [...a].filter((x) => !b.has(x)), extra: [...b].filter((x) => !a.has(x)) };
}

function short(ids: readonly string[]): string {
  const shown = ids.slice(0, 4).map((id) => id.slice(0, 8));
  return ids.length > 4 ? `${shown.join(', ')} … (${ids.length})` : shown.join(', ');
}

/** What the events sync leaves, by design, for the run after a clean one (issue 6 and plan-selected-event.ts). */
export interface Deferred {
  /** Created without its Teams meeting and recorded so (ms_events `meeting-missing`): repaired by one PATCH. */
  repairs: ReadonlySet<number>;
  /** Event id → the offering where a create was left unconfirmed (a killed run, a lost answer) before the event
   * moved to another course: the create is finished where it started, then moved by one DELETE + one POST. */
  moves: ReadonlyMap<number, string>;
}

export const NOTHING_DEFERRED: Deferred = { repairs: new Set(), moves: new Map() };

export function checkTenant(
  state: TenantState,
  desired: DesiredState,
  deferred: Deferred = NOTHING_DEFERRED,
): string[] {
  const violations: string[] = [];
  const byNickname = new Map<string, number>();
  const teamsByOffering = new Map<string, TenantState['teams']>();
  for (const group of [...state.teams, ...state.groups]) {
    const nickname = group.mailNickname.toLowerCase();
    byNickname.set(nickname, (byNickname.get(nickname) ?? 0) + 1);
  }
  for (const [nickname, count] of byNickname) {
    if (count > 1) violations.push(`duplicate: ${count} groups with mailNickname ${nickname}`);
  }
  for (const group of state.groups) {
    violations.push(`group ${group.mailNickname} has no team (team: ${group.team ?? 'none'})`);
  }
  for (const team of state.teams) {
    const key = offeringKeyOf(team.mailNickname);
    if (key === null) {
      violations.push(`team ${team.displayName} (${team.mailNickname}) is not one of ours`);
      continue;
    }
    teamsByOffering.set(key, [...(teamsByOffering.get(key) ?? []), team]);
  }
  for (const [key, teams] of teamsByOffering) {
    if (teams.length > 1) violations.push(`duplicate: ${teams.length} teams for ${key}`);
    if (!desired.teams.has(key)) violations.push(`team for ${key}, which should have none`);
  }
  for (const want of desired.teams.values()) {
    const team = teamsByOffering.get(want.offeringKey)?.[0];
    if (!team) {
      violations.push(`${want.offeringKey} has no team`);
      continue;
    }
    if (team.archived) violations.push(`${want.offeringKey}: team archived`);
    if (team.displayName !== want.displayName) {
      violations.push(`${want.offeringKey}: team named "${team.displayName}", not "${want.displayName}"`);
    }
    const owners = new Set(team.members.filter((m) => m.roles.includes('owner')).map((m) => m.userId));
    const members = new Set(team.members.filter((m) => !m.roles.includes('owner')).map((m) => m.userId));
    const o = same(want.owners, owners);
    const m = same(want.members, members);
    if (o.missing.length > 0) violations.push(`${want.offeringKey}: owners missing ${short(o.missing)}`);
    if (o.extra.length > 0) violations.push(`${want.offeringKey}: owners extra ${short(o.extra)}`);
    if (m.missing.length > 0) violations.push(`${want.offeringKey}: members missing ${short(m.missing)}`);
    if (m.extra.length > 0) violations.push(`${want.offeringKey}: members extra ${short(m.extra)}`);
  }
  violations.push(...checkMeetings(state, desired, deferred));
  return violations;
}

const EVENT_OF = /-e(\d+)-g\d+$/;

function checkMeetings(state: TenantState, desired: DesiredState, deferred: Deferred): string[] {
  const violations: string[] = [];
  const found = new Map<
    number,
    Array<{ offeringKey: string | null; start: string; end: string; subject: string; joinUrl: string | null }>
  >();
  for (const team of [...state.teams, ...state.groups]) {
    const offeringKey = offeringKeyOf(team.mailNickname);
    const bySlot = new Map<string, number>();
    for (const event of team.events) {
      const slot = `${event.subject}@${event.start}`;
      bySlot.set(slot, (bySlot.get(slot) ?? 0) + 1);
      const match = EVENT_OF.exec(event.transactionId ?? '');
      if (!match) {
        violations.push(`${offeringKey}: meeting "${event.subject}" without one of our transactionIds`);
        continue;
      }
      const eventId = Number(match[1]);
      const list = found.get(eventId) ?? [];
      list.push({
        offeringKey,
        start: event.start,
        end: event.end,
        subject: event.subject,
        joinUrl: event.onlineMeeting?.joinUrl ?? null,
      });
      found.set(eventId, list);
    }
    for (const [slot, count] of bySlot) {
      if (count > 1) violations.push(`duplicate: ${count} meetings "${slot}" in ${offeringKey}`);
    }
  }
  for (const [eventId, meetings] of found) {
    if (desired.undecided.has(eventId)) continue;
    const want = desired.meetings.get(eventId);
    if (!want) {
      violations.push(`event ${eventId}: ${meetings.length} meeting(s), none wanted`);
      continue;
    }
    if (meetings.length > 1) violations.push(`duplicate: event ${eventId} has ${meetings.length} meetings`);
    const meeting = meetings[0];
    if (!meeting) continue;
    if (meeting.offeringKey !== want.offeringKey && deferred.moves.get(eventId) !== meeting.offeringKey) {
      violations.push(`event ${eventId}: meeting in ${meeting.offeringKey}, not ${want.offeringKey}`);
    }
    const start = new Date(want.startMs).toISOString();
    const end = new Date(want.endMs).toISOString();
    if (Date.parse(meeting.start) !== want.startMs || Date.parse(meeting.end) !== want.endMs) {
      violations.push(`event ${eventId}: meeting at ${meeting.start}–${meeting.end}, not ${start}–${end}`);
    }
    if (meeting.subject !== meetingSubject(want.title)) {
      violations.push(`event ${eventId}: meeting "${meeting.subject}", not "${meetingSubject(want.title)}"`);
    }
    if (meeting.joinUrl === null && !deferred.repairs.has(eventId))
      violations.push(`event ${eventId}: meeting without a Teams join link`);
  }
  for (const eventId of desired.meetings.keys()) {
    if (!found.has(eventId))
      violations.push(`event ${eventId} (${desired.meetings.get(eventId)?.offeringKey}) has no meeting`);
  }
  return violations;
}

/** One stretch of the request log and the desired state while it was written (Elentra changes only between runs). */
export interface Phase {
  label: string;
  fromSeq: number;
  toSeq: number;
  desired: DesiredState;
}

export function checkRemovals(
  log: readonly RequestLogEntry[],
  phases: readonly Phase[],
  offerings: ReadonlyMap<string, string | null>,
): string[] {
  const violations: string[] = [];
  for (const entry of log) {
    if (!entry.removed) continue;
    const phase = phases.find((p) => entry.seq > p.fromSeq && entry.seq <= p.toSeq);
    const where = `${entry.method} ${entry.route} (seq ${entry.seq}${phase ? `, ${phase.label}` : ''})`;
    if (!phase) {
      violations.push(`removal outside any run: ${where}`);
      continue;
    }
    const key = offerings.get(entry.removed.groupId) ?? null;
    if (key === null) continue; // not one of ours: never touched by the sync
    const allowed = allowedIn(phase.desired, key);
    const wrong = entry.removed.userIds.filter((id) => allowed.has(id));
    if (wrong.length > 0) violations.push(`${key}: removed ${short(wrong)}, who should stay — ${where}`);
  }
  return violations;
}

/** A message a person can read: not empty, not a stack trace, not an object dump. */
export function wordsProblem(message: string | null | undefined): string | null {
  if (message === null || message === undefined || message.trim() === '') return 'no message';
  if (/\n\s+at\s|\bat .+:\d+:\d+\)?$|\bat async\b/m.test(message)) return `a stack trace: ${message.slice(0, 120)}`;
  if (/\[object Object\]|^undefined$|^null$/.test(message.trim())) return `not words: ${message.slice(0, 120)}`;
  return null;
}

/** Every failure of a faulty run recorded, in words. */
export async function checkRecorded(
  database: IntegrationDatabase,
  outcome: SyncOutcome,
  label: string,
): Promise<string[]> {
  const violations: string[] = [];
  if (outcome.status === 'thrown' || outcome.error !== null) {
    const problem = wordsProblem(outcome.error);
    if (problem) violations.push(`${label}: run-wide error is ${problem}`);
  }
  for (const failure of outcome.failures) {
    const problem = wordsProblem(failure.message);
    if (problem) violations.push(`${label}: ${failure.offeringKey} failed with ${problem}`);
  }
  if (outcome.runId === null) return violations;
  const results = await database.db
    .selectFrom('sync_offering_results')
    .select(['offering_key', 'status', 'message'])
    .where('run_id', '=', outcome.runId)
    .execute();
  for (const failure of outcome.failures) {
    const row = results.find((r) => r.offering_key === failure.offeringKey);
    if (!row) violations.push(`${label}: ${failure.offeringKey} failed but sync_offering_results has no row`);
    else if (row.status !== 'error') violations.push(`${label}: ${failure.offeringKey} failed, recorded ${row.status}`);
  }
  for (const row of results) {
    if (row.status === 'ok') continue;
    const problem = wordsProblem(row.message);
    if (problem)
      violations.push(`${label}: sync_offering_results ${row.offering_key} (${row.status}) holds ${problem}`);
  }
  if (outcome.sync === 'teams' && outcome.failures.length > 0) {
    const rows = await database.db
      .selectFrom('ms_teams')
      .select(['offering_key', 'last_error'])
      .where(
        'offering_key',
        'in',
        outcome.failures.map((f) => f.offeringKey),
      )
      .execute();
    for (const row of rows) {
      if (!row.last_error?.trim())
        violations.push(`${label}: ${row.offering_key} failed, ms_teams.last_error is empty`);
    }
  }
  const run = await database.db
    .selectFrom('sync_runs')
    .select(['status', 'error'])
    .where('id', '=', outcome.runId)
    .executeTakeFirst();
  if (run?.error) {
    const problem = wordsProblem(run.error);
    if (problem) violations.push(`${label}: sync_runs.error is ${problem}`);
  }
  return violations;
}

/** ms_teams.last_error and ms_events.last_error as they stand: words, never stack traces. */
export async function checkStoredErrors(database: IntegrationDatabase, label: string): Promise<string[]> {
  const violations: string[] = [];
  const teams = await database.db.selectFrom('ms_teams').select(['offering_key', 'last_error']).execute();
  for (const row of teams) {
    if (row.last_error === null) continue;
    const problem = wordsProblem(row.last_error);
    if (problem) violations.push(`${label}: ms_teams.last_error of ${row.offering_key} is ${problem}`);
  }
  const events = await database.db.selectFrom('ms_events').select(['event_id', 'status', 'last_error']).execute();
  for (const row of events) {
    if (row.status === 'error' && (row.last_error === null || row.last_error.trim() === '')) {
      violations.push(`${label}: ms_events ${row.event_id} in error without last_error`);
    }
    if (row.last_error === null) continue;
    const problem = wordsProblem(row.last_error);
    if (problem) violations.push(`${label}: ms_events.last_error of ${row.event_id} is ${problem}`);
  }
  return violations;
}
