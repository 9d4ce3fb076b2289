// The sync dashboard in words: each offering's row (team, people in Elentra vs in Teams, problems, status with its
// Troubleshooting Guide section), the run history and the links it may show. Pure: the views only print these, and
// every Elentra text stays text (eta escapes it); a link from stored data is shown only when it is http(s).
import type { Offering } from '../../elentra/index.js';
import { formatDuration } from '../../scheduler/index.js';
import { DASHBOARD_PATH } from '../menu/profile-menu.js';
import { formatInstant } from '../render/format.js';
import type { StatusBadge } from '../scheduler/job-views.js';
import type { EventRow, HeldRow, OfferingData, PersonProblem, RunRow } from './dashboard-data.js';

export { DASHBOARD_PATH };
export const OFFERING_PATH = `${DASHBOARD_PATH}/offering`;
export const SYNC_NOW_PATH = `${DASHBOARD_PATH}/sync`;
export const CONFIRM_REMOVALS_PATH = `${DASHBOARD_PATH}/confirm-removals`;
export const TROUBLESHOOTING_FILE = 'docs/troubleshooting.md';

export interface OfferingStatusView {
  readonly badge: StatusBadge;
  /** What is wrong (or will happen), in words; null when all is well. */
  readonly words: string | null;
  /** Section of the Troubleshooting Guide. */
  readonly docs: string | null;
}

export interface OfferingLine {
  readonly key: string;
  readonly courseId: number;
  readonly detailHref: string;
  readonly course: string;
  readonly period: string;
  readonly lifecycle: string;
  readonly teamName: string | null;
  /** Open in Microsoft Teams: the stored `webUrl` when it is http(s) and the team is not deleted; else no link. */
  readonly teamUrl: string | null;
  readonly archived: boolean;
  readonly owners: string;
  readonly members: string;
  readonly unmatched: number;
  readonly held: number;
  readonly events: number;
  readonly joinLinks: number;
  readonly status: OfferingStatusView;
  readonly lastSynced: string | null;
}

export interface RunLine {
  readonly id: number;
  readonly kind: string;
  readonly trigger: string;
  readonly started: string;
  readonly duration: string;
  readonly status: StatusBadge;
  readonly counts: string;
  readonly requests: number;
  readonly error: string | null;
}

/** Only http(s) addresses become links (a stored `javascript:` URL must never be clickable). */
export function safeHttpUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

export function offeringHref(key: string): string {
  return `${OFFERING_PATH}?key=${encodeURIComponent(key)}`;
}

const tone = (value: StatusBadge['tone'], label: string): StatusBadge => ({ tone: value, label });

export function pendingHeld(held: readonly HeldRow[]): HeldRow[] {
  return held.filter((row) => row.confirmedAt === null);
}

export function offeringStatus(data: OfferingData): OfferingStatusView {
  const { team, result, offering } = data;
  const held = pendingHeld(data.held).length;
  if (team?.status === 'deleted') {
    const words =
      team.lastError ?? 'The team was deleted in Microsoft Teams. It is recreated only when that option is on.';
    return { badge: tone('error', 'Deleted in Teams'), words, docs: team.lastErrorDocs ?? 'team-deleted' };
  }
  if (team?.lastError)
    return { badge: tone('error', 'Error'), words: team.lastError, docs: team.lastErrorDocs ?? 'graph-errors' };
  if (held > 0) {
    const words =
      result?.status === 'held' && result.message ? result.message : `${held} removal(s) held until confirmed.`;
    return { badge: tone('warning', 'Removals held'), words, docs: 'held-removals' };
  }
  if (result?.status === 'error') return { badge: tone('error', 'Error'), words: result.message, docs: 'graph-errors' };
  if (team === null) {
    return { badge: tone('muted', 'Not in Teams yet'), words: 'The next sync creates its team.', docs: null };
  }
  if (team.status === 'creating' || team.teamId === null) {
    const words = 'A create was started and not confirmed; the next sync finds the team again by its mail nickname.';
    return { badge: tone('warning', 'Being created'), words, docs: 'team-operation-pending' };
  }
  if (offering === null) {
    const words = 'Elentra no longer lists this offering: its team is archived, never deleted.';
    return { badge: tone('muted', 'Not in Elentra'), words, docs: null };
  }
  if (data.unmatched.length > 0 || result?.status === 'warning') {
    const words = result?.message ?? `${data.unmatched.length} person(s) not matched to a Microsoft user.`;
    return {
      badge: tone('warning', 'Needs attention'),
      words,
      docs: data.unmatched.length > 0 ? 'unmatched-people' : null,
    };
  }
  return { badge: tone('ok', 'OK'), words: null, docs: null };
}

function courseTitle(offering: Offering | null, fallback: string): string {
  return offering ? `${offering.courseCode}: ${offering.courseName}` : fallback;
}

const LIFECYCLE: Readonly<Record<string, string>> = { upcoming: 'Upcoming', current: 'Current', ended: 'Ended' };

export function offeringLine(data: OfferingData, zone: string): OfferingLine {
  const { offering, team, inTeams } = data;
  const elentraOwners = offering?.owners.length;
  const elentraMembers = offering?.members.length;
  const pair = (elentra: number | undefined, teams: number | undefined) => `${elentra ?? '—'} / ${teams ?? '—'}`;
  return {
    key: data.key,
    courseId: data.courseId,
    detailHref: offeringHref(data.key),
    course: courseTitle(offering, team?.displayName ?? data.key),
    period: offering?.period.title ?? '',
    lifecycle: offering ? (LIFECYCLE[offering.status] ?? offering.status) : 'Not in Elentra',
    teamName: team?.displayName ?? null,
    teamUrl: team && team.status !== 'deleted' ? safeHttpUrl(team.webUrl) : null,
    archived: team?.archived ?? false,
    owners: pair(elentraOwners, inTeams?.owners),
    members: pair(elentraMembers, inTeams?.members),
    unmatched: data.unmatched.length,
    held: pendingHeld(data.held).length,
    events: data.events.length,
    joinLinks: data.events.filter((event) => safeHttpUrl(event.joinUrl) !== null).length,
    status: offeringStatus(data),
    lastSynced: team?.lastSyncedAt ? formatInstant(team.lastSyncedAt, zone) : null,
  };
}

const COUNT_WORDS: ReadonlyArray<[string, string]> = [
  ['teamsCreated', 'teams created'],
  ['teamsAdopted', 'adopted'],
  ['teamsRenamed', 'renamed'],
  ['teamsArchived', 'archived'],
  ['teamsUnarchived', 'unarchived'],
  ['addedOwners', 'owners added'],
  ['addedMembers', 'members added'],
  ['removedOwners', 'owners removed'],
  ['removedMembers', 'members removed'],
  ['promoted', 'promoted'],
  ['demoted', 'demoted'],
  ['removalsHeld', 'removals held'],
  ['planned.unmatched', 'not matched'],
  // Events runs (src/sync/events/io/event-outcome-book.ts)
  ['created', 'meetings created'],
  ['updated', 'meetings updated'],
  ['repaired', 'join links repaired'],
  ['deleted', 'meetings cancelled'],
  ['errors', 'events failed'],
  ['deferred', 'events waiting for their team'],
];

/** `12 offerings (10 ok, 2 held); 3 members added, 1 removed`. */
export function countsInWords(counts: Readonly<Record<string, number>>): string {
  const statuses = ['ok', 'warning', 'held', 'error']
    .map((status) => [status, counts[`offerings.${status}`] ?? 0] as const)
    .filter(([, n]) => n > 0);
  const total = statuses.reduce((sum, [, n]) => sum + n, 0);
  const parts: string[] = [];
  if (total > 0) parts.push(`${total} offering(s) (${statuses.map(([s, n]) => `${n} ${s}`).join(', ')})`);
  const done = COUNT_WORDS.filter(([name]) => (counts[name] ?? 0) > 0).map(
    ([name, words]) => `${counts[name]} ${words}`,
  );
  if (done.length > 0) parts.push(done.join(', '));
  return parts.join('; ') || '—';
}

const RUN_STATUS: Readonly<Record<string, StatusBadge>> = {
  ok: tone('ok', 'OK'),
  warning: tone('warning', 'Warning'),
  error: tone('error', 'Error'),
  running: tone('running', 'Running'),
};

export function runLine(run: RunRow, zone: string, runningNow: boolean): RunLine {
  const unfinished = run.finishedAt === null;
  const status =
    unfinished && !runningNow
      ? tone('warning', 'Did not finish')
      : (RUN_STATUS[run.status] ?? tone('muted', run.status));
  const trigger = { schedule: 'Scheduled', cli: 'Command line', web: 'Sync now' }[run.triggeredBy] ?? run.triggeredBy;
  return {
    id: run.id,
    kind: `${run.kind === 'events' ? 'Events' : 'Teams'}${run.dryRun ? ' (dry run)' : ''}`,
    trigger,
    started: formatInstant(run.startedAt, zone),
    duration: unfinished ? '—' : formatDuration(Math.max(0, (run.finishedAt ?? run.startedAt) - run.startedAt)),
    status,
    counts: countsInWords(run.counts),
    requests: run.requests,
    error: run.error,
  };
}

export interface PersonLine {
  readonly name: string;
  readonly role: string;
  readonly status: string;
  readonly reason: string;
}

export function personLine(person: PersonProblem): PersonLine {
  return {
    name: person.name,
    role: person.role === 'owner' ? 'Owner (teacher)' : 'Member (learner)',
    status: person.status === 'ambiguous' ? 'Ambiguous' : 'Not matched',
    reason: person.reason,
  };
}

export interface HeldLine {
  readonly who: string;
  readonly role: string;
  readonly reason: string;
  readonly since: string;
  readonly confirmed: string | null;
}

export function heldLine(row: HeldRow, zone: string): HeldLine {
  return {
    who: row.who ?? `Microsoft user ${row.userId}`,
    role: row.role === 'owner' ? 'Owner' : 'Member',
    reason: row.reason,
    since: formatInstant(row.createdAt, zone),
    confirmed:
      row.confirmedAt === null
        ? null
        : `Confirmed ${formatInstant(row.confirmedAt, zone)} by ${row.confirmedBy ?? '?'}`,
  };
}

export interface EventLine {
  readonly title: string;
  readonly start: string;
  readonly status: string;
  readonly joinUrl: string | null;
  readonly lastError: string | null;
}

export function eventLine(row: EventRow, zone: string): EventLine {
  return {
    title: row.title ?? `Learning event ${row.eventId}`,
    start: row.start ? formatInstant(row.start.getTime(), zone) : '—',
    status: row.status,
    joinUrl: safeHttpUrl(row.joinUrl),
    lastError: row.lastError,
  };
}
