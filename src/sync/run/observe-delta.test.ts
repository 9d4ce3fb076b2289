// observeByDelta reads its delta links side by side (a round trip each, not one after another: the benchmark's S2
// and S3 wait on them before planning) and folds each round into its own teams, in link order.
import { describe, expect, it } from 'vitest';
import type { MemberDeltaRound, TeamsGateway } from '../io/teams-gateway.js';
import { buildStoredTeam } from '../testing/builders.js';
import { type DeltaTeam, observeByDelta } from './observe-delta.js';
import { NO_EXTRAS, newBook } from './team-book.js';

/** A gateway that answers delta rounds only, each once `release()` is called, and counts rounds in flight. */
function deltaGateway(rounds: Record<string, MemberDeltaRound>) {
  let inFlight = 0;
  let mostInFlight = 0;
  const waiting: Array<() => void> = [];
  const unused = () => Promise.reject(new Error('not used by observeByDelta'));
  const gateway: TeamsGateway = {
    findUsers: unused,
    findGroupsByMailNickname: unused,
    getTeam: unused,
    listMembers: unused,
    createGroup: unused,
    createTeamFromGroup: unused,
    updateTeam: unused,
    archiveTeam: unused,
    unarchiveTeam: unused,
    addMembers: unused,
    removeMembers: unused,
    setMemberRole: unused,
    findMembershipId: unused,
    async readMemberDelta(_teamIds, deltaLink) {
      inFlight += 1;
      mostInFlight = Math.max(mostInFlight, inFlight);
      await new Promise<void>((resolve) => waiting.push(resolve));
      inFlight -= 1;
      const round = rounds[deltaLink ?? ''];
      if (round === undefined) throw new Error(`no round for ${deltaLink}`);
      return round;
    },
  };
  return {
    gateway,
    mostInFlight: () => mostInFlight,
    async releaseAll() {
      while (waiting.length > 0) {
        for (const resolve of waiting.splice(0)) resolve();
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
    },
  };
}

function deltaTeam(n: number, link: string): DeltaTeam {
  const stored = buildStoredTeam({ offeringKey: `course:${n}:period:1`, courseId: n, teamId: `team-${n}` });
  return {
    book: newBook(stored.offeringKey, stored, { ...NO_EXTRAS, deltaLink: link }),
    stored,
    teamId: `team-${n}`,
    snapshot: [{ userId: 'owner-1', role: 'owner', membershipId: null }],
    inScope: true,
  };
}

const quiet = (next: string): MemberDeltaRound => ({
  changes: new Map(),
  deleted: [],
  deltaLink: next,
  resyncRequired: false,
});

describe('observeByDelta', () => {
  it('reads every link at once and keeps each round with its own teams', async () => {
    const { gateway, mostInFlight, releaseAll } = deltaGateway({
      'link-a': {
        changes: new Map([['team-1', { added: ['u-9'], removed: [] }]]),
        deleted: [],
        deltaLink: 'link-a2',
        resyncRequired: false,
      },
      'link-b': quiet('link-b2'),
      'link-c': { changes: new Map(), deleted: [], deltaLink: 'link-c', resyncRequired: true },
    });
    const teams = [deltaTeam(1, 'link-a'), deltaTeam(2, 'link-a'), deltaTeam(3, 'link-b'), deltaTeam(4, 'link-c')];
    const observing = observeByDelta(gateway, teams, new Map());
    await releaseAll();
    const outcome = await observing;

    expect(mostInFlight()).toBe(3);
    expect(outcome.resync).toEqual(['course:4:period:1']);
    expect(outcome.observed.map((o) => o.offeringKey)).toEqual([
      'course:1:period:1',
      'course:2:period:1',
      'course:3:period:1',
    ]);
    const first = outcome.observed[0]?.team;
    expect(first?.state === 'present' ? first.team.members.map((m) => m.userId) : []).toEqual(['owner-1', 'u-9']);
    expect(teams.map((t) => t.book.extras.deltaLink)).toEqual(['link-a2', 'link-a2', 'link-b2', 'link-c']);
  });
});
