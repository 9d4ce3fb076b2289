// The event sync run alongside the teams sync (the scheduler starts both when both are due): it makes the meetings of
// the teams that exist at once, and those of a team that appears while it runs in a later round — in the same run,
// against the emulator over HTTP. The "teams sync" here is the test: it hides one offering's team (its ms_teams row),
// lets the first round run, then brings the team back and finishes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { teamsAlongside } from '../src/sync/events/io/teams-alongside.js';
import { type EventsWorld, meetingsInTenant } from '../src/sync/events/io/testing/events-world.js';
import { openSqliteEventsWorld } from './support/events-world.js';

let world: EventsWorld;

beforeAll(async () => {
  world = await openSqliteEventsWorld();
}, 60_000);

afterAll(async () => {
  await world?.close();
});

async function waitFor(condition: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('the event sync alongside the teams sync', () => {
  it('makes the meetings of a team that appears mid-run in a later round of the same run', async () => {
    const late = world.offerings.find((o) => world.teams.has(o.key) && o.events.length > 0);
    if (!late) throw new Error('no offering with a team and events');
    const lateTeam = world.teams.get(late.key) as string;
    const row = await world.database.db
      .selectFrom('ms_teams')
      .selectAll()
      .where('offering_key', '=', late.key)
      .executeTakeFirstOrThrow();
    await world.database.db.deleteFrom('ms_teams').where('offering_key', '=', late.key).execute();

    let finishTeams: () => void = () => {};
    const teamsRun = new Promise<void>((resolve) => {
      finishTeams = resolve;
    });
    const running = world.sync({ alongside: teamsAlongside(teamsRun) });

    // First round: meetings in the other teams, none in the hidden one, while the "teams sync" is still running.
    await waitFor(async () => (await meetingsInTenant(world.control)).length > 0, 'the first round');
    const firstRound = await meetingsInTenant(world.control);
    expect(firstRound.filter((m) => m.teamId === lateTeam)).toEqual([]);

    // The team appears, then the teams sync finishes: the last round makes its meetings.
    await world.database.db
      .insertInto('ms_teams')
      .values({ ...row, archived: row.archived === 1 ? 1 : 0 })
      .execute();
    finishTeams();
    const report = await running;

    expect(report.status).not.toBe('error');
    const lateOutcome = report.offerings.find((o) => o.offeringKey === late.key);
    expect(lateOutcome?.events.some((e) => e.outcome === 'deferred')).toBe(false);
    const created = lateOutcome?.counts.created ?? 0;
    expect(created).toBeGreaterThan(0);
    const meetings = await meetingsInTenant(world.control);
    expect(meetings.filter((m) => m.teamId === lateTeam)).toHaveLength(created);
    // One meeting per event over the whole run, and the run's counts say so.
    expect(new Set(meetings.map((m) => m.transactionId)).size).toBe(meetings.length);
    expect(report.counts.created).toBe(meetings.length);

    // Nothing left for a run after it.
    const again = await world.sync();
    expect(again.counts.created ?? 0).toBe(0);
    expect(again.counts.updated ?? 0).toBe(0);
  }, 60_000);

  it('makes its last round when the teams sync fails, and stops between rounds when the run is stopped', async () => {
    const late = world.offerings.find((o) => world.teams.has(o.key) && o.events.length > 0);
    if (!late) throw new Error('no offering with a team and events');
    // Its meetings gone and its row hidden: the first round defers it.
    const row = await world.database.db
      .selectFrom('ms_teams')
      .selectAll()
      .where('offering_key', '=', late.key)
      .executeTakeFirstOrThrow();
    await world.database.db.deleteFrom('ms_events').where('offering_key', '=', late.key).execute();
    await world.database.db.deleteFrom('ms_teams').where('offering_key', '=', late.key).execute();
    let failTeams: (error: Error) => void = () => {};
    const teamsRun = new Promise<void>((_resolve, reject) => {
      failTeams = reject;
    });
    const running = world.sync({ alongside: teamsAlongside(teamsRun) });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await world.database.db
      .insertInto('ms_teams')
      .values({ ...row, archived: row.archived === 1 ? 1 : 0 })
      .execute();
    failTeams(new Error('the teams sync failed'));
    const report = await running;
    expect(report.offerings.find((o) => o.offeringKey === late.key)?.counts.created ?? 0).toBeGreaterThan(0);

    // A teams sync that never ends, and a stop: the run ends at the next pause, in words.
    const controller = new AbortController();
    const stopped = world.sync({ alongside: teamsAlongside(new Promise(() => {})), signal: controller.signal });
    setTimeout(() => controller.abort(), 1_500);
    const started = Date.now();
    const stoppedReport = await stopped;
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(stoppedReport.error).toMatch(/Stopped before it finished/);
  }, 60_000);

  it('is one round when the teams sync has already finished', async () => {
    const report = await world.sync({ alongside: teamsAlongside(Promise.resolve()) });
    expect(report.status).not.toBe('error');
    expect(report.counts.created ?? 0).toBe(0);
  }, 30_000);
});
