// The expected-answer tables, as tables: every row must match the real Graph answer it names in the shared fixtures
// (emulator/fixtures/graph-errors.json: status, code and message as Microsoft wrote them) and give its own result —
// not a row above it. Then the answers each table must not swallow: a missing team is never "already gone", a
// BadRequest that is not about owners stays a GraphError.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type BatchResult, batchResultError } from './batch.js';
import { CREATE_EVENT_ANSWERS, DELETE_EVENT_ANSWERS, READ_EVENT_ANSWERS, UPDATE_EVENT_ANSWERS } from './events.js';
import { type ExpectedAnswer, matchAnswer, outcomeOf, refusal } from './expected-answers.js';
import { GraphError } from './graph-error.js';
import { CREATE_GROUP_ANSWERS, READ_GROUP_ANSWERS } from './groups.js';
import { GROUPS_DELTA_ANSWERS } from './groups-delta.js';
import { ADD_MEMBER_PART_ANSWERS, REMOVE_MEMBER_PART_ANSWERS } from './member-results.js';
import { LIST_MEMBERS_ANSWERS, REMOVE_MEMBER_ANSWERS, SET_ROLE_ANSWERS } from './members.js';
import { BULK_MEMBERS_ANSWERS } from './members-bulk.js';
import { LastOwnerError, TeamNotFoundError } from './resource-errors.js';
import { CREATE_TEAM_FROM_GROUP_ANSWERS } from './team-creation.js';
import { READ_TEAM_ANSWERS, WRITE_TEAM_ANSWERS } from './teams.js';

interface Fixture {
  status: number;
  code: string;
  message: string;
}
const fixtures = (
  JSON.parse(readFileSync(new URL('../../../emulator/fixtures/graph-errors.json', import.meta.url), 'utf8')) as {
    errors: Record<string, Fixture>;
  }
).errors;

function example(name: string): Fixture {
  const fixture = fixtures[name];
  if (!fixture) throw new Error(`no fixture ${name}`);
  // Fill `{placeholders}` as Microsoft would: with an id, a count, a property name.
  return { ...fixture, message: fixture.message.replace(/\{(\w+)\}/g, (_, key: string) => `${key}-value`) };
}

const TABLES: Record<string, ReadonlyArray<ExpectedAnswer<unknown>>> = {
  CREATE_GROUP_ANSWERS,
  READ_GROUP_ANSWERS,
  GROUPS_DELTA_ANSWERS,
  CREATE_TEAM_FROM_GROUP_ANSWERS,
  READ_TEAM_ANSWERS,
  WRITE_TEAM_ANSWERS,
  LIST_MEMBERS_ANSWERS,
  SET_ROLE_ANSWERS,
  REMOVE_MEMBER_ANSWERS,
  BULK_MEMBERS_ANSWERS,
  ADD_MEMBER_PART_ANSWERS,
  REMOVE_MEMBER_PART_ANSWERS,
  CREATE_EVENT_ANSWERS,
  UPDATE_EVENT_ANSWERS,
  DELETE_EVENT_ANSWERS,
  READ_EVENT_ANSWERS,
};

const rows = Object.entries(TABLES).flatMap(([table, answers]) =>
  answers.map((row, index) => ({ table, answers, row, index })),
);

describe('every row matches the real answer it names, and gives its own result', () => {
  it.each(rows.map((r) => [`${r.table}[${r.index}] ${r.row.example}`, r] as const))('%s', (_, { answers, row }) => {
    const real = example(row.example);
    expect(real.code).toBe(row.code);
    if (row.status !== undefined) expect(real.status).toBe(row.status);
    // Result parts carry no status: match them the way the bulk readers do.
    const status = row.status === undefined ? undefined : real.status;
    const fields = status === undefined ? { code: real.code, message: real.message } : { ...real, status };
    expect(matchAnswer(answers, fields)).toBe(row.result);
  });

  it('tables are frozen', () => {
    for (const answers of Object.values(TABLES)) {
      expect(Object.isFrozen(answers)).toBe(true);
      expect(answers.every((row) => Object.isFrozen(row))).toBe(true);
    }
  });
});

function answer(name: string): BatchResult {
  const real = example(name);
  return { id: '1', status: real.status, headers: {}, body: { error: { code: real.code, message: real.message } } };
}

describe('answers the tables must not swallow', () => {
  it.each([
    ['REMOVE_MEMBER_ANSWERS', REMOVE_MEMBER_ANSWERS, 'teamNotFound', TeamNotFoundError],
    ['SET_ROLE_ANSWERS', SET_ROLE_ANSWERS, 'lastTeamOwner', LastOwnerError],
    ['REMOVE_MEMBER_ANSWERS', REMOVE_MEMBER_ANSWERS, 'teamBadRequest', GraphError],
    ['WRITE_TEAM_ANSWERS', WRITE_TEAM_ANSWERS, 'teamifyGroupNotFound', GraphError],
    ['CREATE_GROUP_ANSWERS', CREATE_GROUP_ANSWERS, 'invalidPropertyValue', GraphError],
    ['CREATE_TEAM_FROM_GROUP_ANSWERS', CREATE_TEAM_FROM_GROUP_ANSWERS, 'groupNotTeamable', GraphError],
    ['UPDATE_EVENT_ANSWERS', UPDATE_EVENT_ANSWERS, 'outlookAccessDenied', GraphError],
    ['READ_TEAM_ANSWERS', READ_TEAM_ANSWERS, 'tooManyRequests', GraphError],
  ] as const)('%s: %s → %s', (_, table, name, expected) => {
    const error = refusal(table, answer(name), 'POST', '/route');
    expect(error).toBeInstanceOf(expected);
    if (expected === GraphError) expect(() => outcomeOf(table, answer(name), 'POST', '/route')).toThrow(GraphError);
  });

  it('a typed error keeps the Graph answer for the logs and speaks in words', () => {
    const error = refusal(SET_ROLE_ANSWERS, answer('lastTeamOwner'), 'PATCH', '/teams/{id}/members/{id}');
    expect(error).toBeInstanceOf(LastOwnerError);
    expect((error as LastOwnerError).graph).toBeInstanceOf(GraphError);
    expect(error.code).toBe('graph.last_owner');
    expect(error.publicMessage).not.toMatch(/BadRequest|\{/);
    expect(batchResultError('GET', '/x', answer('teamNotFound')).graphCode).toBe('ItemNotFound');
  });

  it('per-person parts: unknown codes are left to the caller (undefined)', () => {
    expect(matchAnswer(ADD_MEMBER_PART_ANSWERS, { code: 'Forbidden', message: 'no' })).toBeUndefined();
    expect(matchAnswer(REMOVE_MEMBER_PART_ANSWERS, { code: 'BadRequest', message: 'something else' })).toBeUndefined();
  });
});
