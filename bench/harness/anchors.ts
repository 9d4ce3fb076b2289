// The anchors' strategies (../../../shared/ref/ANCHORS.md) costed on the benchmark's own fixture with the same cost
// model as ours (src/sync/cost): what each would spend in requests, and the least time Microsoft's documented
// limits (plus each strategy's own pauses) would let it take. Computed from their documented behaviour, not run:
// - Moodle (local_o365): a team is a group + its team; initial members by `PATCH /groups/{id}` with
//   `members@odata.bind`, 20 per request; later changes one request per person; a fixed 100 ms pause after every
//   call, one call at a time (a PHP cron task), and at most ~20 new teams per cron run (every minute).
// - Canvas (microsoft_sync): the group looked up by externalId then created, members 20 per group PATCH (the `$batch`
//   fallback only on failure, not costed), the team made on the group; removals as single `$ref` deletes (in
//   `$batch`, counted one by one, as Microsoft throttles them); jobs per course run side by side.
// - One request per person: `POST /teams/{id}/members` per owner or member.
// - SDS: CSV → classes inside Microsoft: no Graph requests from the LMS, runs on Microsoft's schedule — not costed.
// Every strategy gets our user matching (15 addresses per `in`, mail and UPN) so that the comparison is about teams
// and members. Ours is the cost model's minimum for our plan.
import type { CostedRequest } from '../../src/sync/cost/index.js';
import { throttleFloor } from '../../src/sync/cost/index.js';

export interface TeamSize {
  key: string;
  /** Matched owners + members (unmatched people cost nothing anywhere). */
  people: number;
}

export interface DayChange {
  key: string;
  added: number;
  removed: number;
  renamed: boolean;
}

export interface AnchorCost {
  strategy: string;
  requests: number;
  /** The documented limits' floor for those requests (src/sync/cost throttleFloor). */
  floorSeconds: number;
  /** At least: the floor, or the strategy's own pacing (Moodle: one call at a time, 100 ms pause, + latency). */
  timeSeconds: number;
  note: string;
}

const directoryWrite = (route: string): CostedRequest => ({
  route,
  limitClass: 'directory.write',
  team: null,
  write: true,
  resourceUnits: 1,
});
const directoryRead = (route: string): CostedRequest => ({
  route,
  limitClass: 'directory.read',
  team: null,
  write: false,
  resourceUnits: 1,
});
const teamsWrite = (route: string, team: string, limitClass: CostedRequest['limitClass']): CostedRequest => ({
  route,
  limitClass,
  team,
  write: true,
  resourceUnits: 0,
});

function lookups(userLookupValues: number): CostedRequest[] {
  return Array.from({ length: Math.ceil(userLookupValues / 15) * 2 }, () => directoryRead('/users'));
}

function cost(strategy: string, requests: CostedRequest[], note: string, pacing = 0): AnchorCost {
  const floorSeconds = throttleFloor(requests).seconds;
  return { strategy, requests: requests.length, floorSeconds, timeSeconds: Math.max(floorSeconds, pacing), note };
}

const MOODLE_PAUSE_SECONDS = 0.1;
const MOODLE_TEAMS_PER_CRON_RUN = 20;

/** A first sync of every team (S1, S4): each strategy's requests and time. */
export function initialSyncCosts(
  teams: readonly TeamSize[],
  userLookupValues: number,
  latencySeconds: number,
): AnchorCost[] {
  const moodle = lookups(userLookupValues);
  const canvas = lookups(userLookupValues);
  const perPerson = lookups(userLookupValues);
  for (const { key, people } of teams) {
    moodle.push(directoryWrite('/groups'), teamsWrite('/groups/{id}/team', key, 'teams.teamify'));
    for (let i = 0; i < Math.ceil(people / 20); i += 1) moodle.push(directoryWrite('/groups/{id}'));
    canvas.push(directoryRead('/groups'), directoryWrite('/groups'));
    for (let i = 0; i < Math.ceil(people / 20); i += 1) canvas.push(directoryWrite('/groups/{id}'));
    canvas.push(teamsWrite('/groups/{id}/team', key, 'teams.teamify'));
    perPerson.push(directoryWrite('/groups'), teamsWrite('/groups/{id}/team', key, 'teams.teamify'));
    for (let i = 0; i < people; i += 1) perPerson.push(teamsWrite('/teams/{id}/members', key, 'teams.otherWrite'));
  }
  const cronRuns = Math.ceil(teams.length / MOODLE_TEAMS_PER_CRON_RUN);
  return [
    cost(
      'Moodle: 20 per group PATCH, 100 ms pause',
      moodle,
      `one call at a time: ${moodle.length} × (100 ms + latency); and ~20 new teams per cron run (every minute): ${cronRuns} runs`,
      Math.max(moodle.length * (MOODLE_PAUSE_SECONDS + latencySeconds), (cronRuns - 1) * 60),
    ),
    cost('Canvas: 20 per group PATCH', canvas, 'a job per course, side by side; group looked up by externalId first'),
    cost('One request per person', perPerson, 'POST /teams/{id}/members per owner or member'),
  ];
}

/** A normal day (S3): each strategy's requests and time for the same changes. */
export function dayCosts(
  changes: readonly DayChange[],
  userLookupValues: number,
  latencySeconds: number,
): AnchorCost[] {
  const moodle = lookups(userLookupValues);
  const canvas = lookups(userLookupValues);
  const perPerson = lookups(userLookupValues);
  for (const change of changes) {
    const rename = teamsWrite('/teams/{id}', change.key, 'teams.otherWrite');
    if (change.renamed) {
      moodle.push(rename);
      canvas.push(rename);
      perPerson.push(rename);
    }
    for (let i = 0; i < change.added + change.removed; i += 1) {
      moodle.push(teamsWrite('/teams/{id}/members', change.key, 'teams.otherWrite'));
      perPerson.push(teamsWrite('/teams/{id}/members', change.key, 'teams.otherWrite'));
    }
    for (let i = 0; i < Math.ceil(change.added / 20); i += 1) canvas.push(directoryWrite('/groups/{id}'));
    for (let i = 0; i < change.removed; i += 1) canvas.push(directoryWrite('/groups/{id}/members/{id}/$ref'));
  }
  return [
    cost(
      'Moodle: one request per change, 100 ms pause',
      moodle,
      `one call at a time: ${moodle.length} × (100 ms + latency)`,
      moodle.length * (MOODLE_PAUSE_SECONDS + latencySeconds),
    ),
    cost('Canvas: 20 per group PATCH, single removals', canvas, 'partial sync of the journaled changes'),
    cost('One request per person', perPerson, 'one request per added or removed person'),
  ];
}

export const SDS_NOTE =
  'Microsoft School Data Sync: SIS/OneRoster CSV files processed inside Microsoft — no Graph requests from the ' +
  'LMS to count, and it runs on its own schedule; not costed.';
