// What the sync dashboard reads: Elentra's roster (who should be in each team; read afresh, so "in Elentra" is now)
// and the integration's tables as the sync left them — `ms_teams` (with the team's web address, `web_url`), the
// `ms_team_members` snapshot, `ms_user_links` (people not matched, with the reason), `held_removals`, `ms_events`, the
// latest `sync_offering_results` and `sync_runs`. No Graph request: the page shows what the last run saw. If Elentra
// cannot be read, the integration's side is still shown, with the reason in words.
import type { IntegrationDatabase } from '../../db/index.js';
import type { ElentraHandle, Offering, Person, Roster, RosterSettings } from '../../elentra/index.js';
import { readRoster } from '../../elentra/index.js';
import { isAppError } from '../../lib/errors.js';
import { chunks, KEYS_PER_STATEMENT } from '../../sync/store/statement-limits.js';

export interface TeamRow {
  readonly teamId: string | null;
  readonly displayName: string;
  readonly status: string;
  readonly archived: boolean;
  readonly lastError: string | null;
  readonly lastErrorDocs: string | null;
  readonly lastSyncedAt: number | null;
  /** The team's `webUrl` as the sync last saved it (`ms_teams.web_url`); not checked here (dashboard-view.ts is). */
  readonly webUrl: string | null;
}

export interface PersonProblem {
  readonly proxyId: number;
  readonly name: string;
  readonly role: 'owner' | 'member';
  readonly status: 'unmatched' | 'ambiguous';
  readonly reason: string;
}

export interface HeldRow {
  readonly userId: string;
  /** The Elentra person last matched to this user, or the address it was matched by; null when unknown. */
  readonly who: string | null;
  readonly role: 'owner' | 'member';
  readonly reason: string;
  readonly createdAt: number;
  readonly confirmedAt: number | null;
  readonly confirmedBy: string | null;
}

export interface EventRow {
  readonly eventId: number;
  readonly title: string | null;
  readonly start: Date | null;
  readonly status: string;
  readonly joinUrl: string | null;
  readonly lastError: string | null;
}

export interface OfferingResultRow {
  readonly runId: number;
  readonly status: string;
  readonly message: string | null;
}

export interface OfferingData {
  readonly key: string;
  readonly courseId: number;
  /** From the roster; null when Elentra no longer lists the offering (or could not be read). */
  readonly offering: Offering | null;
  readonly team: TeamRow | null;
  readonly inTeams: { readonly owners: number; readonly members: number } | null;
  readonly unmatched: readonly PersonProblem[];
  readonly held: readonly HeldRow[];
  readonly events: readonly EventRow[];
  /** The latest teams run's result for the offering. */
  readonly result: OfferingResultRow | null;
  /** The latest events run's result for the offering (its status and failure or warnings in words). */
  readonly eventsResult: OfferingResultRow | null;
}

export interface RunRow {
  readonly id: number;
  readonly kind: string;
  readonly triggeredBy: string;
  readonly startedAt: number;
  readonly finishedAt: number | null;
  readonly status: string;
  readonly dryRun: boolean;
  readonly counts: Readonly<Record<string, number>>;
  readonly requests: number;
  readonly error: string | null;
}

export interface DashboardData {
  readonly offerings: readonly OfferingData[];
  readonly runs: readonly RunRow[];
  /** Why the roster could not be read, in words; null when it was. */
  readonly rosterError: string | null;
  readonly rosterErrorDocs: string | null;
}

export const RUN_HISTORY_LENGTH = 20;

type Db = IntegrationDatabase['db'];

function nameOf(person: Person | undefined, proxyId: number): string {
  const name = person ? `${person.firstname} ${person.lastname}`.trim() : '';
  return name === '' ? `Elentra person ${proxyId}` : name;
}

function parseCounts(text: string | null): Record<string, number> {
  if (text === null) return {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null) return {};
    return Object.fromEntries(
      Object.entries(parsed).filter((entry): entry is [string, number] => typeof entry[1] === 'number'),
    );
  } catch {
    return {};
  }
}

async function loadRoster(elentra: ElentraHandle, now: Date, settings: Partial<RosterSettings>) {
  try {
    return { roster: await readRoster(elentra, { ...settings, now }), error: null, docs: null };
  } catch (error) {
    const words = isAppError(error) ? error.publicMessage : 'The Elentra database could not be read.';
    return {
      roster: null,
      error: words,
      docs: isAppError(error) ? (error.docs ?? 'elentra-database') : 'elentra-database',
    };
  }
}

export async function readRuns(db: Db, limit = RUN_HISTORY_LENGTH): Promise<RunRow[]> {
  const rows = await db.selectFrom('sync_runs').selectAll().orderBy('id', 'desc').limit(limit).execute();
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    triggeredBy: row.triggered_by,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    status: row.status,
    dryRun: row.dry_run === 1,
    counts: parseCounts(row.counts),
    requests: row.requests,
    error: row.error,
  }));
}

/** The latest result of each offering over the latest real (not dry) runs of `kind`. */
async function latestResults(
  db: Db,
  keys: ReadonlySet<string> | null,
  kind: 'teams' | 'events' = 'teams',
): Promise<Map<string, OfferingResultRow>> {
  const runs = await db
    .selectFrom('sync_runs')
    .select('id')
    .where('kind', '=', kind)
    .where('dry_run', '=', 0)
    .orderBy('id', 'desc')
    .limit(RUN_HISTORY_LENGTH)
    .execute();
  const out = new Map<string, OfferingResultRow>();
  if (runs.length === 0) return out;
  let query = db
    .selectFrom('sync_offering_results')
    .select(['run_id', 'offering_key', 'status', 'message'])
    .where(
      'run_id',
      'in',
      runs.map((run) => run.id),
    );
  if (keys !== null) query = query.where('offering_key', 'in', [...keys]);
  for (const row of await query.orderBy('run_id', 'desc').execute()) {
    if (!out.has(row.offering_key)) {
      out.set(row.offering_key, { runId: row.run_id, status: row.status, message: row.message });
    }
  }
  return out;
}

/** Who each held user is: the person last matched to it (by name when the roster has them), else the address. */
async function heldNames(db: Db, userIds: readonly string[], people: ReadonlyMap<number, Person>) {
  const names = new Map<string, string>();
  for (const chunk of chunks([...new Set(userIds)], KEYS_PER_STATEMENT)) {
    const rows = await db
      .selectFrom('ms_user_links')
      .select(['proxy_id', 'ms_user_id', 'matched_value'])
      .where('ms_user_id', 'in', chunk)
      .execute();
    for (const row of rows) {
      if (row.ms_user_id === null) continue;
      const person = people.get(row.proxy_id);
      names.set(
        row.ms_user_id,
        person ? nameOf(person, row.proxy_id) : (row.matched_value ?? `proxy_id ${row.proxy_id}`),
      );
    }
  }
  return names;
}

export interface LoadOptions {
  readonly now: Date;
  /** Only this offering (the detail page), with its events listed; default every offering, events counted. */
  readonly offeringKey?: string;
  /** The sync's ROSTER_* settings (rosterOptionsOf), so the page lists the offerings the sync works on. */
  readonly roster?: RosterSettings;
}

export async function loadDashboard(
  database: IntegrationDatabase,
  elentra: ElentraHandle,
  options: LoadOptions,
): Promise<DashboardData> {
  const { db } = database;
  const only = options.offeringKey;
  const [rosterRead, teamRows, runs] = await Promise.all([
    loadRoster(elentra, options.now, options.roster ?? {}),
    db.selectFrom('ms_teams').selectAll().orderBy('offering_key').execute(),
    readRuns(db),
  ]);
  const roster: Roster | null = rosterRead.roster;
  const people: ReadonlyMap<number, Person> = roster?.people ?? new Map();
  const byKey = new Map<string, { courseId: number; offering: Offering | null }>();
  for (const offering of roster?.offerings ?? []) byKey.set(offering.key, { courseId: offering.courseId, offering });
  for (const row of teamRows)
    if (!byKey.has(row.offering_key)) byKey.set(row.offering_key, { courseId: row.course_id, offering: null });
  if (only !== undefined) for (const key of [...byKey.keys()]) if (key !== only) byKey.delete(key);
  const keys = new Set(byKey.keys());

  const memberCounts = await db
    .selectFrom('ms_team_members')
    .select(['offering_key', 'role', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['offering_key', 'role'])
    .execute();
  const inTeams = new Map<string, { owners: number; members: number }>();
  for (const row of memberCounts) {
    const entry = inTeams.get(row.offering_key) ?? { owners: 0, members: 0 };
    if (row.role === 'owner') entry.owners = Number(row.n);
    else entry.members = Number(row.n);
    inTeams.set(row.offering_key, entry);
  }
  const problems = await db
    .selectFrom('ms_user_links')
    .select(['proxy_id', 'status', 'reason'])
    .where('status', '!=', 'matched')
    .execute();
  const problemOf = new Map(problems.map((row) => [row.proxy_id, row]));
  const heldAll = await db
    .selectFrom('held_removals')
    .selectAll()
    .orderBy('offering_key')
    .orderBy('ms_user_id')
    .execute();
  const held = heldAll.filter((row) => keys.has(row.offering_key));
  const names = await heldNames(
    db,
    held.map((row) => row.ms_user_id),
    people,
  );
  let eventsQuery = db
    .selectFrom('ms_events')
    .select(['event_id', 'offering_key', 'status', 'join_url', 'last_error'])
    .orderBy('event_id');
  if (only !== undefined) eventsQuery = eventsQuery.where('offering_key', '=', only);
  const events = await eventsQuery.execute();
  const results = await latestResults(db, only === undefined ? null : keys);
  const eventsResults =
    only === undefined ? new Map<string, OfferingResultRow>() : await latestResults(db, keys, 'events');
  const teamsByKey = new Map(teamRows.map((row) => [row.offering_key, row]));

  const offerings: OfferingData[] = [...byKey].map(([key, { courseId, offering }]) => {
    const team = teamsByKey.get(key);
    const unmatched: PersonProblem[] = [];
    const place = (proxyId: number, role: 'owner' | 'member') => {
      const problem = problemOf.get(proxyId);
      if (problem === undefined || problem.status === 'matched') return;
      const reason = problem.reason ?? 'No Microsoft user has this person’s address.';
      unmatched.push({ proxyId, name: nameOf(people.get(proxyId), proxyId), role, status: problem.status, reason });
    };
    for (const owner of offering?.owners ?? []) place(owner.proxyId, 'owner');
    for (const proxyId of offering?.members ?? []) place(proxyId, 'member');
    const titles = new Map((offering?.events ?? []).map((event) => [event.eventId, event]));
    return {
      key,
      courseId,
      offering,
      team: team
        ? {
            teamId: team.team_id,
            displayName: team.display_name,
            status: team.status,
            archived: team.archived === 1,
            lastError: team.last_error,
            lastErrorDocs: team.last_error_docs,
            lastSyncedAt: team.last_synced_at,
            webUrl: team.web_url,
          }
        : null,
      inTeams: team ? (inTeams.get(key) ?? { owners: 0, members: 0 }) : null,
      unmatched,
      held: held
        .filter((row) => row.offering_key === key)
        .map((row) => ({
          userId: row.ms_user_id,
          who: names.get(row.ms_user_id) ?? null,
          role: row.role,
          reason: row.reason,
          createdAt: row.created_at,
          confirmedAt: row.confirmed_at,
          confirmedBy: row.confirmed_by,
        })),
      events: events
        .filter((row) => row.offering_key === key)
        .map((row) => ({
          eventId: row.event_id,
          title: titles.get(row.event_id)?.title ?? null,
          start: titles.get(row.event_id)?.start ?? null,
          status: row.status,
          joinUrl: row.join_url,
          lastError: row.last_error,
        })),
      result: results.get(key) ?? null,
      eventsResult: eventsResults.get(key) ?? null,
    };
  });
  return { offerings, runs, rosterError: rosterRead.error, rosterErrorDocs: rosterRead.docs };
}
