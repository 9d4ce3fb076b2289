import { describe, expect, it } from 'vitest';
import { GraphError } from './errors.js';
import { evaluate, maxOrClauses, parseFilter } from './filter.js';
import { decodeToken, encodeToken, project } from './odata.js';

const member = {
  userId: '7376',
  displayName: 'Harry Johnson',
  email: 'admin@contoso.com',
  roles: ['owner'],
  resourceProvisioningOptions: ['Team'],
  mailEnabled: true,
};
const get = (path: string) => (member as Record<string, unknown>)[path];

describe('$filter', () => {
  it.each([
    ["userId eq '7376'", true],
    ["mail eq 'x'", false],
    ["displayName eq 'HARRY JOHNSON'", true], // directory comparisons ignore case
    [
      "(microsoft.graph.aadUserConversationMember/displayName eq 'Nobody' or microsoft.graph.aadUserConversationMember/email eq 'admin@contoso.com')",
      true,
    ],
    ["userId in ('1','7376')", true],
    ["userId in ('1','2')", false],
    ["resourceProvisioningOptions/Any(x:x eq 'Team')", true],
    ["roles/any(r:r eq 'guest')", false],
    ["startswith(displayName,'harry')", true],
    ["mailEnabled eq true and not (userId eq '1')", true],
    ["displayName eq 'O''Brien'", false],
  ])('%s → %s', (filter, expected) => {
    expect(evaluate(parseFilter(filter), get)).toBe(expected);
  });

  it.each(['userId eq', "userId gt '1'", "(userId eq '1'", "userId eq '1' extra"])('rejects %s with 400', (filter) => {
    expect(() => parseFilter(filter)).toThrowError(GraphError);
  });

  it('counts OR clauses, an in-list counting one per value', () => {
    expect(maxOrClauses(parseFilter("mail in ('a','b','c')"))).toBe(3);
    expect(maxOrClauses(parseFilter("id eq 'a' or id eq 'b' or id eq 'c' or id eq 'd'"))).toBe(4);
    expect(maxOrClauses(parseFilter("id eq 'a' and mail eq 'b'"))).toBe(1);
  });
});

describe('$select and tokens', () => {
  it('projects selected properties and keeps annotations and id', () => {
    const out = project({ '@odata.type': 't', id: '1', a: 1, b: 2 }, ['a'], ['id', 'a', 'b'], 'thing', ['id']);
    expect(out).toEqual({ '@odata.type': 't', id: '1', a: 1 });
  });

  it('answers 400 for a property the type does not have', () => {
    expect(() => project({ id: '1' }, ['nope'], ['id'], 'user')).toThrowError(
      /Could not find a property named 'nope' on type 'microsoft.graph.user'/,
    );
  });

  it('makes opaque tokens that round-trip and reject tampering', () => {
    const token = encodeToken({ o: 100 });
    expect(token).not.toContain('100');
    expect(decodeToken(token, (v): v is { o: number } => typeof (v as { o?: unknown }).o === 'number')).toEqual({
      o: 100,
    });
    expect(
      decodeToken(`x${token}`, (v): v is { o: number } => typeof (v as { o?: unknown }).o === 'number'),
    ).toBeNull();
  });
});
