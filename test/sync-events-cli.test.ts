// The `microsoft:sync-events` command in-process (src/cli/main.ts with a memory io), after `microsoft:sync-teams` made
// the demo school's teams in the emulator: bad usage exits 2; with no Outlook Time Zone chosen the meetings are
// written in the Windows zone of DEFAULT_TIMEZONE and the run warns in words with the troubleshooting link;
// `--dry-run` (table and `--json`) sends nothing and predicts exactly the writes of the run after it — the first run
// and a run after Elentra changes; a real run prints each offering and event with its join link; `--course` plans
// and writes only that course; a revoked grant exits 1 with the words that say what to do.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../src/cli/io.js';
import { main } from '../src/cli/main.js';
import type { EventsRunReport } from '../src/sync/events/io/index.js';
import { eventWritesSince, meetingsInTenant } from '../src/sync/events/io/testing/events-world.js';
import { tally } from './support/sync-requests.js';
import { openSyncWorld, type SyncWorld } from './support/sync-teams-harness.js';

let world: SyncWorld;

beforeAll(async () => {
  world = await openSyncWorld();
});

afterAll(async () => {
  await world?.close();
});

async function cli(command: string, ...args: string[]) {
  const io = memoryIo({ env: world.env });
  const code = await main(['node', 'elentra-teams', command, ...args], io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

const events = (...args: string[]) => cli('microsoft:sync-events', ...args);

async function json(...args: string[]): Promise<EventsRunReport> {
  const result = await events(...args, '--json');
  expect(result.code, result.err).toBe(0);
  return JSON.parse(result.out) as EventsRunReport;
}

/** `eventId action` of every write a report planned (dry run) or made (real run), sorted. */
function writesOf(report: EventsRunReport): string[] {
  return report.offerings
    .flatMap((offering) => offering.events)
    .filter((event) => event.action !== 'noChange' && event.action !== 'deferred')
    .map((event) => `${event.eventId} ${event.action}`)
    .sort();
}

/** Runs the command and returns the Graph writes to group calendars it sent, by method. */
async function graphWritesOf(run: () => Promise<unknown>): Promise<string[]> {
  const seq = await world.control.lastSeq();
  await run();
  return (await eventWritesSince(world.control, seq)).map((w) => `${w.method} ${w.status}`).sort();
}

function rows() {
  return world.database.db.selectFrom('ms_events').selectAll().orderBy('event_id').execute();
}

describe('microsoft:sync-events', () => {
  it('refuses bad usage with exit code 2', async () => {
    const notNumber = await events('--course', 'abc');
    expect(notNumber.code).toBe(2);
    expect(notNumber.err).toMatch(/--course takes course ids \(whole numbers\), not: abc/);
    expect((await events('--course', '12,0')).code).toBe(2);
    expect((await events('--no-such-flag')).code).toBe(2);
  });

  it('runs after microsoft:sync-teams made the teams', async () => {
    const teams = await cli('microsoft:sync-teams');
    expect(teams.code, teams.err).toBe(0);
    const made = await world.database.db.selectFrom('ms_teams').select('team_id').execute();
    expect(made.length).toBeGreaterThan(0);
  });

  let predicted: string[] = [];
  it('--dry-run prints the plan per offering and event, with the time-zone warning, and sends nothing', async () => {
    const seq = await world.control.lastSeq();
    const table = await events('--dry-run');
    expect(table.code, table.err).toBe(0);
    expect(table.out).toMatch(/^Event sync \(dry run\) run \d+: warning — .*meetings in Eastern Standard Time\./);
    expect(table.out).toMatch(/Teams meetings; every audience\./);
    expect(table.out).toContain(
      'Warning: No Outlook Time Zone is chosen on the Microsoft Account page: meetings are written in Eastern ' +
        'Standard Time, the Windows zone of DEFAULT_TIMEZONE (America/Toronto).',
    );
    expect(table.out).toContain('docs/troubleshooting.md#time-zone-mismatch');
    expect(table.out).toMatch(/createEvent \(new\) → planned/);
    const report = await json('--dry-run');
    expect(report.dryRun).toBe(true);
    expect(report.outlookTimeZone).toBe('Eastern Standard Time');
    predicted = writesOf(report);
    expect(predicted.length).toBeGreaterThan(50);
    expect(predicted.every((write) => write.endsWith(' createEvent'))).toBe(true);
    expect(tally(await world.control.requestsSince(seq)).writes).toBe(0);
    expect(await rows()).toEqual([]);
  });

  it('a real run makes exactly the predicted writes, prints each join link, and writes in DEFAULT_TIMEZONE', async () => {
    const seq = await world.control.lastSeq();
    const result = await events();
    expect(result.code, result.err).toBe(0);
    const writes = await eventWritesSince(world.control, seq);
    expect(writes.map((w) => `${w.method} ${w.status}`)).toEqual(predicted.map(() => 'POST 201'));
    expect((await rows()).map((row) => `${row.event_id} createEvent`).sort()).toEqual(predicted);

    expect(result.out).toMatch(/^Event sync run \d+: warning — /);
    expect(result.out).toMatch(
      /createEvent \(new\) → written\n\s+join: https:\/\/teams\.microsoft\.com\/l\/meetup-join\//,
    );
    for (const row of await rows()) expect(result.out).toContain(`join: ${row.join_url}`);
    const offerings = await world.database.db.selectFrom('ms_teams').select('display_name').execute();
    expect(offerings.some((o) => result.out.includes(`  ${o.display_name.split(':')[0]}`))).toBe(true);

    // Outlook Time Zone unset: every meeting carries the Windows zone of DEFAULT_TIMEZONE, at Elentra's instant.
    const meetings = await meetingsInTenant(world.control);
    expect(meetings).toHaveLength(predicted.length);
    expect(new Set(meetings.map((m) => m.originalStartTimeZone))).toEqual(new Set(['Eastern Standard Time']));
    const run = await world.database.db
      .selectFrom('sync_runs')
      .selectAll()
      .where('kind', '=', 'events')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(run).toMatchObject({ status: 'warning', dry_run: 0, error: null });
  });

  it('after it, a dry run predicts nothing and a run sends nothing', async () => {
    expect(writesOf(await json('--dry-run'))).toEqual([]);
    expect(await graphWritesOf(() => events())).toEqual([]);
  });

  it('after Elentra changes, --dry-run --json predicts exactly the writes of the next run', async () => {
    const synced = await rows();
    const [retitled, deleted] = synced;
    if (!retitled || !deleted) throw new Error('the demo has too few events');
    await world.elentra.db
      .updateTable('events')
      .set({ event_title: 'Retitled by the CLI test' })
      .where('event_id', '=', retitled.event_id)
      .execute();
    await world.elentra.db.deleteFrom('events').where('event_id', '=', deleted.event_id).execute();

    const seq = await world.control.lastSeq();
    const plan = await json('--dry-run');
    expect(tally(await world.control.requestsSince(seq)).writes).toBe(0);
    expect(writesOf(plan)).toEqual([`${deleted.event_id} deleteEvent`, `${retitled.event_id} updateEvent`].sort());

    let report: EventsRunReport | null = null;
    const writes = await graphWritesOf(async () => {
      report = await json();
    });
    expect(writes).toEqual(['DELETE 204', 'PATCH 200']);
    expect(writesOf(report as unknown as EventsRunReport)).toEqual(writesOf(plan));
  });

  it('--course plans and writes only that course', async () => {
    const synced = await rows();
    const byCourse = new Map<number, typeof synced>();
    for (const row of synced) {
      const courseId = Number(row.offering_key.split(':')[1]);
      byCourse.set(courseId, [...(byCourse.get(courseId) ?? []), row]);
    }
    const [[chosen, mine] = [0, []], [other, theirs] = [0, []]] = [...byCourse];
    const [one] = mine;
    const [two] = theirs;
    if (!one || !two) throw new Error('the demo needs two courses with meetings');
    for (const row of [one, two]) {
      await world.elentra.db
        .updateTable('events')
        .set({ event_location: `Room for course ${row.offering_key}` })
        .where('event_id', '=', row.event_id)
        .execute();
    }
    const plan = await json('--course', String(chosen), '--dry-run');
    expect(plan.offerings.every((o) => o.offeringKey.startsWith(`course:${chosen}:`))).toBe(true);
    expect(writesOf(plan)).toEqual([`${one.event_id} updateEvent`]);
    expect(await graphWritesOf(() => events('--course', String(chosen)))).toEqual(['PATCH 200']);
    // The other course's change is still waiting for its own run.
    expect(writesOf(await json('--course', String(other), '--dry-run'))).toEqual([`${two.event_id} updateEvent`]);
    expect(await graphWritesOf(() => events())).toEqual(['PATCH 200']);
  });

  it('exits 1 with the re-authorization message when the grant was revoked', async () => {
    await world.control.call('POST', '/tokens/revoke', {});
    // A run with nothing to send asks nothing of Microsoft; one with a change meets the revoked grant.
    const [row] = await rows();
    await world.elentra.db
      .updateTable('events')
      .set({ event_title: 'Changed after the grant was revoked' })
      .where('event_id', '=', row?.event_id ?? 0)
      .execute();
    const result = await events();
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/authoriz/i);
    expect(result.err).toMatch(/Microsoft Account page|Re-authorize|Authorize Account/i);
    expect(result.err).toMatch(/docs\/troubleshooting\.md#microsoft-authorization/);
    expect(result.err).not.toMatch(/\n\s+at /);
  });
});
