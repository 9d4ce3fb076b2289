// The end-to-end setting of event sync's tests (test/sync-events-*.test.ts), never used by the product: the demo
// school in a SQLite file (the integration's and the Elentra tables side by side, as `npm start` has them), the
// Microsoft 365 emulator with the matching demo tenant over real HTTP, the account authorized through the real OAuth
// flow (auto-consent + login_hint), a team per demo offering made directly through src/microsoft/graph with its
// ms_teams row (so these tests do not depend on the teams sync), and event sync wired as in production. The test
// starts the emulator (src/ imports nothing from emulator/: they meet over HTTP) with the seed it is given.
import { randomBytes } from 'node:crypto';
import type { Config } from '../../../../config/index.js';
import type { IntegrationDatabase } from '../../../../db/index.js';
import {
  buildDemoTenantSeed,
  DEMO_DOMAIN,
  type DemoTenantSeed,
  type Offering,
  readRoster,
  seedDemo,
} from '../../../../elentra/index.js';
import { type ElentraHandle, elentraOnConnection } from '../../../../elentra/open-elentra.js';
import { migrateElentraDemoSchema } from '../../../../elentra/schema/migrate-demo-schema.js';
import { createTeamFromGroup, createUnifiedGroupForTeam, GraphClient } from '../../../../microsoft/graph/index.js';
import { EmulatorControl } from '../../../../microsoft/graph/testing/emulator-control.js';
import {
  completeAuthorization,
  createIdentity,
  type Identity,
  startAuthorization,
} from '../../../../microsoft/identity/index.js';
import { followAuthorizeRedirect, openMigrated, testConfig } from '../../../../microsoft/testing/identity-fixture.js';
import type { EventsRunOptions, EventsRunReport } from '../events-run-types.js';
import { runEventsSync } from '../run-events-sync.js';
import { type WireEventsSyncInput, wireEventsSync } from '../wire-events-sync.js';

const ADMIN_MAIL = `it.admin@${DEMO_DOMAIN}`;
const REDIRECT_URI = 'http://localhost:8080/api/ms-graph-oauth.php';
const APP = {
  tenantId: 'c0ffee00-0000-4000-8000-0000000000e1',
  clientId: 'c0ffee00-0000-4000-8000-0000000000e2',
  clientSecret: 'events~secret~value',
};

export interface EmulatorUrls {
  loginUrl: string;
  graphUrl: string;
  controlUrl: string;
  stop(): Promise<void>;
}

export interface EventsWorld {
  control: EmulatorControl;
  config: Config;
  database: IntegrationDatabase;
  elentra: ElentraHandle;
  identity: Identity;
  /** A plain Graph client with the authorized account's token (for reading back what the sync wrote). */
  graph: GraphClient;
  now: Date;
  /** The demo offerings, with the team made for each. */
  offerings: Offering[];
  teams: Map<string, string>;
  sync(options?: Partial<EventsRunOptions>, wire?: Partial<WireEventsSyncInput>): Promise<EventsRunReport>;
  close(): Promise<void>;
}

/**
 * Seeds the demo, starts the emulator through `start` with the matching tenant, authorizes, and makes the teams.
 * @example
 * const world = await openEventsWorld((seed) => startEmulator({ seed, autoConsent: true, graph: { limits: 'off' } }));
 */
export async function openEventsWorld(
  start: (seed: DemoTenantSeed) => Promise<EmulatorUrls>,
  options: { databaseUrl: string; dropDatabase: () => Promise<void> },
): Promise<EventsWorld> {
  const now = new Date();
  const seed = buildDemoTenantSeed({ now, ...APP, redirectUris: [REDIRECT_URI] });
  const emu = await start(seed);
  const registration = { loginUrl: emu.loginUrl, graphUrl: emu.graphUrl, ...APP, redirectUri: REDIRECT_URI };
  const config = testConfig(registration, options.databaseUrl, {
    APP_KEY: `base64:${randomBytes(32).toString('base64')}`,
  });
  const database = await openMigrated(options.databaseUrl);
  const elentra = elentraOnConnection(database);
  await migrateElentraDemoSchema(elentra);
  await seedDemo(elentra, { now });
  const identity = createIdentity({ config, database });
  const started = await startAuthorization(identity, { sessionId: 'events-tests', loginHint: ADMIN_MAIL });
  const answer = await followAuthorizeRedirect(started.url);
  await completeAuthorization(identity, { answer, sessionId: 'events-tests', authorizedBy: 'admin' });
  const graph = new GraphClient({ graphUrl: emu.graphUrl, getAccessToken: identity.getAccessToken });
  const { offerings } = await readRoster(elentra, { now });
  const teams = await makeTeams(graph, database, offerings, now);
  return {
    control: new EmulatorControl(emu.controlUrl),
    config,
    database,
    elentra,
    identity,
    graph,
    now,
    offerings,
    teams,
    async sync(runOptions = {}, wire = {}) {
      const deps = await wireEventsSync({
        config,
        database,
        elentra,
        identity,
        triggeredBy: 'cli',
        retry: { maxRetries: 5, maxTotalWaitMs: 10_000, baseDelayMs: 5, maxDelayMs: 50 },
        ...wire,
      });
      return runEventsSync(deps, { dryRun: false, ...runOptions });
    },
    async close() {
      await database.close();
      await emu.stop();
      await options.dropDatabase();
    },
  };
}

/** A group and its team per offering, as the teams sync would leave them, and the ms_teams rows that say so. */
async function makeTeams(
  graph: GraphClient,
  database: IntegrationDatabase,
  offerings: readonly Offering[],
  now: Date,
): Promise<Map<string, string>> {
  const teams = new Map<string, string>();
  for (const offering of offerings) {
    const mailNickname = `events-e2e-c${offering.courseId}-p${offering.period.id}`;
    const displayName = `${offering.courseCode}: ${offering.courseName}`;
    const group = await createUnifiedGroupForTeam(graph, { displayName, mailNickname, visibility: 'Private' });
    const { team } = await createTeamFromGroup(graph, group.id, { replicationRetryDelaysMs: [50, 50, 50] });
    await database.db
      .insertInto('ms_teams')
      .values({
        offering_key: offering.key,
        course_id: offering.courseId,
        cperiod_id: offering.period.id,
        team_id: team.id,
        mail_nickname: mailNickname,
        display_name: displayName,
        description: null,
        status: offering.status,
        last_error: null,
        last_error_docs: null,
        last_synced_at: now.getTime(),
        delta_link: null,
        created_at: now.getTime(),
      })
      .execute();
    teams.set(offering.key, team.id);
  }
  return teams;
}

const WRITE_METHODS = new Set(['POST', 'PATCH', 'DELETE']);

/** Graph writes to group calendars logged after `seq` (retries of one request count each). */
export async function eventWritesSince(control: EmulatorControl, seq: number) {
  const requests = await control.requestsSince(seq);
  return requests.filter((r) => WRITE_METHODS.has(r.method) && /\/groups\/[^/]+\/events/.test(r.path));
}

export interface MeetingInTenant {
  teamId: string;
  id: string;
  subject: string;
  start: string;
  end: string;
  originalStartTimeZone: string;
  joinUrl: string | null;
  transactionId: string | null;
}

/** Every event in every team calendar of the emulator, as `GET /_emulator/state` shows it. */
export async function meetingsInTenant(control: EmulatorControl): Promise<MeetingInTenant[]> {
  const state = (await control.call('GET', '/state')) as {
    teams: Array<{
      id: string;
      events: Array<{
        id: string;
        subject: string;
        start: string;
        end: string;
        originalStartTimeZone: string;
        onlineMeeting: { joinUrl: string } | null;
        transactionId: string | null;
      }>;
    }>;
  };
  return state.teams.flatMap((team) =>
    team.events.map((event) => ({
      teamId: team.id,
      id: event.id,
      subject: event.subject,
      start: event.start,
      end: event.end,
      originalStartTimeZone: event.originalStartTimeZone,
      joinUrl: event.onlineMeeting?.joinUrl ?? null,
      transactionId: event.transactionId,
    })),
  );
}

/**
 * A new one-hour session in Elentra for the first offering of the world that has a team, starting `startEpochSeconds`;
 * its event id. For tests that need an event of their own to fault, change or delete.
 */
export async function insertSessionInTeamedOffering(
  world: EventsWorld,
  session: { title: string; startEpochSeconds: number; location: string },
): Promise<number> {
  const offering = world.offerings.find((o) => world.teams.has(o.key) && o.events.length > 0);
  if (!offering) throw new Error('no offering with a team');
  const start = session.startEpochSeconds;
  const inserted = await world.elentra.db
    .insertInto('events')
    .values({
      parent_id: null,
      recurring_id: null,
      course_id: offering.courseId,
      event_title: session.title,
      event_description: null,
      event_location: session.location,
      event_start: start,
      event_finish: start + 3600,
      event_duration: 60,
      release_date: 0,
      release_until: 0,
      updated_date: start,
      updated_by: 1,
    })
    .executeTakeFirstOrThrow();
  return Number(inserted.insertId);
}

/** The ms_events row of an event, or undefined. */
export async function eventRow(world: EventsWorld, eventId: number) {
  return world.database.db.selectFrom('ms_events').selectAll().where('event_id', '=', eventId).executeTakeFirst();
}

/** The meetings in the emulator's tenant made for an event (any generation), by their transactionId. */
export async function meetingsOfEvent(world: EventsWorld, eventId: number): Promise<MeetingInTenant[]> {
  return (await meetingsInTenant(world.control)).filter((m) => m.transactionId?.includes(`-e${eventId}-`));
}
